import SchoolIcon from '@mui/icons-material/School';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, newIdempotencyKey, today, useApiAction } from '../common';

/**
 * R2: the graduation reported with the 学信网 record (学历证书电子注册备案表): the scan is uploaded
 * as a `graduation_record` document, then the graduation names it. The city verifies it next.
 */
export const GraduateButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const [file, setFile] = useState<File | null>(null);
  const key = useRef('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    async (dp, args: { date: string; file: File }) => {
      const doc = await dp.uploadDocument(record!.id, 'graduation_record', args.file);
      return dp.graduate(
        record!.id,
        { date: args.date, documentId: doc.id },
        { idempotencyKey: key.current },
      );
    },
    {
      success: 'app.graduate.done',
      onSuccess: () => {
        setOpen(false);
        setFile(null);
      },
    },
  );
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        startIcon={<SchoolIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate('app.graduate.button')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={isPending}
        disabled={!file || !date}
        onConfirm={() => file && mutate({ date, file })}
        title="app.graduate.title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.graduate.button"
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.graduate.hint')}
        </Alert>
        <TextField
          type="date"
          fullWidth
          margin="dense"
          name="date"
          label={translate('resources.applications.fields.graduatedOn')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          error={!!fieldErrors.date}
          helperText={fieldErrors.date}
        />
        <Button component="label" variant="outlined" sx={{ mt: 1 }} startIcon={<UploadFileIcon />}>
          {translate('enums.documentKind.graduation_record')}
          <input
            hidden
            type="file"
            name="file"
            accept="application/pdf,image/jpeg,image/png"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Button>
        <Typography
          variant="body2"
          sx={{ mt: 1 }}
          color={fieldErrors.documentId || fieldErrors.file ? 'error' : 'text.secondary'}
        >
          {fieldErrors.documentId ?? fieldErrors.file ?? file?.name ?? translate('app.documents.formats')}
        </Typography>
      </ActionDialog>
    </>
  );
};
