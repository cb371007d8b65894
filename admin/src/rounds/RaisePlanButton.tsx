import TrendingUpIcon from '@mui/icons-material/TrendingUp';
import { Alert, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, useApiAction } from '../common';

/** R18: 增加计划 — the city raises a round's planned places with its reason; the server audits it. */
export const RaisePlanButton = () => {
  const record = useRecordContext<{ id: number; plannedPlaces: number }>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'rounds', action: 'raisePlan' });
  const [open, setOpen] = useState(false);
  const [delta, setDelta] = useState('');
  const [reason, setReason] = useState('');
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp, body: { delta: number; reason: string }) => dp.raisePlan(record!.id, body),
    {
      success: (r) => ['app.plan.raised', { places: r.plannedPlaces }],
      onSuccess: () => {
        setOpen(false);
        setDelta('');
        setReason('');
      },
    },
  );
  if (!record || !canAccess) return null;
  const n = Number(delta);
  const valid = /^\d+$/.test(delta.trim()) && n > 0 && n <= 100_000;
  return (
    <>
      <Button size="small" startIcon={<TrendingUpIcon />} onClick={() => setOpen(true)}>
        {translate('app.plan.raise')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        pending={isPending}
        disabled={!valid || reason.trim().length < 4}
        onConfirm={() => mutate({ delta: n, reason: reason.trim() })}
        title="app.plan.raise_title"
        confirmLabel="app.plan.raise"
      >
        <TextField
          autoFocus
          fullWidth
          margin="dense"
          name="delta"
          label={translate('app.plan.delta')}
          value={delta}
          onChange={(e) => setDelta(e.target.value)}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          error={!!fieldErrors.delta}
          helperText={fieldErrors.delta ?? translate('app.plan.delta_hint', { places: record.plannedPlaces })}
        />
        <TextField
          fullWidth
          multiline
          minRows={2}
          margin="dense"
          name="reason"
          required
          label={translate('app.plan.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={!!fieldErrors.reason}
          helperText={fieldErrors.reason ?? translate('app.plan.reason_hint')}
        />
        {valid && (
          <Alert severity="info">
            {translate('app.plan.preview', { before: record.plannedPlaces, after: record.plannedPlaces + n })}
          </Alert>
        )}
      </ActionDialog>
    </>
  );
};
