import PersonOffIcon from '@mui/icons-material/PersonOff';
import { Alert, Button, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, newIdempotencyKey, today, useApiAction } from '../common';

/**
 * R5: the worker left the programme. Pending money is cancelled, a paid process subsidy becomes a
 * refund expected from the institution, and the place goes to the waitlist — so it asks first.
 */
export const DropoutButton = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const key = useRef('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, body: { date: string; reason: string }) =>
      dp.dropout(record!.id, body, { idempotencyKey: key.current }),
    { success: 'app.dropout.done', onSuccess: () => setOpen(false) },
  );
  if (!record) return null;
  return (
    <>
      <Button
        size="small"
        color="error"
        startIcon={<PersonOffIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setOpen(true);
        }}
      >
        {translate('app.dropout.button')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={isPending}
        disabled={reason.trim().length < 2}
        onConfirm={() => mutate({ date, reason: reason.trim() })}
        title="app.dropout.title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.dropout.button"
        confirmColor="error"
      >
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('app.dropout.warning')}
        </Alert>
        <TextField
          type="date"
          fullWidth
          margin="dense"
          name="date"
          label={translate('resources.applications.fields.droppedOutOn')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          error={!!fieldErrors.date}
          helperText={fieldErrors.date}
        />
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          name="reason"
          label={translate('resources.applications.fields.dropoutReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!fieldErrors.reason}
          helperText={fieldErrors.reason}
        />
      </ActionDialog>
    </>
  );
};
