import PaymentsIcon from '@mui/icons-material/Payments';
import { Alert, Button, MenuItem, TextField } from '@mui/material';
import { useRef, useState } from 'react';
import { useCanAccess, useGetList, useNotify, useRefresh, useTranslate } from 'react-admin';
import { ActionDialog, CHOICES, newIdempotencyKey } from '../common';
import type { Stage } from '../providers/apiTypes';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/**
 * R8 增加资助人数: a level-2 union creates the payments of the places it funds itself, a stage at a
 * time, from its own money (no city allocation covers them). A double click replays the first answer.
 */
export const OwnPlacesButton = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useAppDataProvider();
  const can = useCanAccess({ resource: 'payments', action: 'own' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [roundId, setRoundId] = useState('');
  const [stage, setStage] = useState<Stage>('process');
  const key = useRef('');
  const policies = useGetList(
    'matching-policies',
    { pagination: { page: 1, perPage: 50 }, sort: { field: 'id', order: 'DESC' } },
    { enabled: can.canAccess === true },
  );
  const withPlaces = (policies.data ?? []).filter((p) => p.extraPlaces > 0);
  const rounds = useGetList(
    'rounds',
    { pagination: { page: 1, perPage: 100 }, sort: { field: 'opensOn', order: 'DESC' } },
    { enabled: withPlaces.length > 0 },
  );
  if (!can.canAccess || withPlaces.length === 0) return null;
  const roundIds = new Set(withPlaces.map((p) => p.roundId));
  const choices = (rounds.data ?? []).filter((r) => roundIds.has(r.id));
  const create = async () => {
    if (!roundId) return;
    setBusy(true);
    try {
      const r = await dataProvider.payOwnPlaces({ roundId, stage }, { idempotencyKey: key.current });
      notify('app.matching.own_created', {
        type: 'success',
        messageArgs: { count: r.payments, amount: (r.amountFen / 100).toFixed(2) },
      });
      setOpen(false);
      refresh();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      key.current = newIdempotencyKey();
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="small"
        startIcon={<PaymentsIcon />}
        onClick={() => {
          key.current = newIdempotencyKey();
          setRoundId(String(choices[0]?.id ?? ''));
          setOpen(true);
        }}
      >
        {translate('app.matching.own_button')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={create}
        pending={busy}
        disabled={!roundId}
        title="app.matching.own_button"
        confirmLabel="app.matching.own_confirm"
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.matching.own_hint')}
        </Alert>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('resources.allocations.fields.roundId')}
          value={roundId}
          onChange={(e) => setRoundId(e.target.value)}
        >
          {choices.map((r) => (
            <MenuItem key={r.id} value={String(r.id)}>
              {r.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          fullWidth
          margin="dense"
          label={translate('resources.payments.fields.stage')}
          value={stage}
          onChange={(e) => setStage(e.target.value as Stage)}
        >
          {CHOICES.stage.map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {translate(c.name)}
            </MenuItem>
          ))}
        </TextField>
      </ActionDialog>
    </>
  );
};
