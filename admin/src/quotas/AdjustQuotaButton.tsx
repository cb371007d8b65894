import TuneIcon from '@mui/icons-material/Tune';
import { Alert, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, useApiAction } from '../common';

/** R7: the city raises (or lowers) a union's places, always with its reason; the waitlist moves up at once. */
export const AdjustQuotaButton = () => {
  const record = useRecordContext<{ id: number; places: number; used: number; waitlisted: number }>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, body: { delta: number; reason: string }) => dp.adjustQuota(record!.id, body),
    {
      success: (r) => ['app.quotas.adjusted', { places: r.places, smart_count: r.promoted.length }],
      onSuccess: () => {
        setOpen(false);
        setDelta('');
        setReason('');
      },
    },
  );
  if (!record) return null;
  const n = Number(delta);
  const valid = /^-?\d+$/.test(delta.trim()) && n !== 0;
  const after = valid ? record.places + n : null;
  const tooLow = after !== null && after < record.used;
  // Inside a row that expands on click: neither the button nor its dialog (a portal) may toggle it.
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button size="small" startIcon={<TuneIcon />} onClick={() => setOpen(true)}>
        {translate('app.quotas.adjust')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={isPending}
        disabled={!valid || tooLow || reason.trim().length < 2}
        onConfirm={() => mutate({ delta: n, reason: reason.trim() })}
        title="app.quotas.adjust_title"
        confirmLabel="app.quotas.adjust"
      >
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          name="delta"
          label={translate('app.quotas.delta')}
          value={delta}
          onChange={(e) => setDelta(e.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          error={tooLow || !!fieldErrors.delta}
          helperText={
            fieldErrors.delta ??
            (tooLow
              ? translate('app.quotas.below_used', { used: record.used })
              : translate('app.quotas.delta_hint'))
          }
        />
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          name="reason"
          required
          label={translate('app.quotas.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!fieldErrors.reason}
          helperText={fieldErrors.reason ?? ' '}
        />
        {after !== null && !tooLow && (
          <Alert severity="info">
            {translate('app.quotas.preview', {
              before: record.places,
              after,
              smart_count: Math.min(record.waitlisted, Math.max(0, after - record.used)),
            })}
          </Alert>
        )}
      </ActionDialog>
    </span>
  );
};
