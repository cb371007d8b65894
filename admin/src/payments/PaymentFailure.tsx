import { Box, Typography } from '@mui/material';
import { ReferenceField, TextField, useRecordContext, useTranslate } from 'react-admin';

/**
 * A failed payment says why and who acts next: the payment's own union checks the worker's card
 * and issues it again (the school, which paid on its behalf, cannot). Empty for other payments.
 */
export const PaymentFailure = () => {
  const record = useRecordContext<{ status: string; failureReason?: string | null }>();
  const translate = useTranslate();
  if (record?.status !== 'failed') return null;
  return (
    <Box sx={{ maxWidth: 260 }}>
      <Typography variant="body2" color="error">
        {record.failureReason || translate('app.payments.no_reason')}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="div">
        {translate('app.payments.next_actor')}{' '}
        <ReferenceField source="organizationId" reference="organizations" link={false}>
          <TextField source="name" variant="caption" />
        </ReferenceField>
      </Typography>
    </Box>
  );
};
