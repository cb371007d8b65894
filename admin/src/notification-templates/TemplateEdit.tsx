import { Alert, Stack, Typography } from '@mui/material';
import { BooleanInput, Edit, SimpleForm, TextInput, useRecordContext, useTranslate } from 'react-admin';
import { formSx } from '../common';

/** The preview with sample parameters, as the server renders it (after a save, the saved text). */
const Preview = () => {
  const t = useTranslate();
  const record = useRecordContext<{ slots: string[]; preview?: { zh: string; en: string } }>();
  if (!record) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }}>
      <Typography variant="body2">
        {t('app.notifications.slots', { slots: record.slots.join('、') })}
      </Typography>
      {record.preview && (
        <Alert severity="info" data-testid="template-preview">
          {record.preview.zh}
          <br />
          {record.preview.en}
        </Alert>
      )}
    </Stack>
  );
};

/** The city admin changes a text (audited); its parameters stay those listed. */
export const TemplateEdit = () => (
  <Edit mutationMode="pessimistic">
    <SimpleForm sx={formSx}>
      <Preview />
      <TextInput source="zh" multiline fullWidth />
      <TextInput source="en" multiline fullWidth />
      <BooleanInput source="sms" />
      <BooleanInput source="urgent" />
    </SimpleForm>
  </Edit>
);
