import CloseIcon from '@mui/icons-material/DoneAll';
import ReplyIcon from '@mui/icons-material/Reply';
import { Alert, Button, Checkbox, FormControlLabel, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, useApiAction } from '../common';

type AppealRecord = { id: number; status: string; subject: string; response?: string | null };

/** R14 答复: the union that decided answers; 申诉成立 on a rejection reopens the review at that step. */
export const RespondAppealButton = () => {
  const record = useRecordContext<AppealRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [response, setResponse] = useState('');
  const [upheld, setUpheld] = useState(false);
  const { mutate, isPending, fieldErrors } = useApiAction(
    (dp) => dp.respondAppeal(record!.id, { response: response.trim(), upheld }),
    { success: upheld ? 'app.appeals.upheld' : 'app.appeals.answered', onSuccess: () => setOpen(false) },
  );
  if (!record) return null;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button
        size="small"
        variant="contained"
        startIcon={<ReplyIcon />}
        onClick={() => {
          setResponse(record.response ?? '');
          setUpheld(false);
          setOpen(true);
        }}
      >
        {translate('app.appeals.respond')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        disabled={response.trim().length < 2}
        title="app.appeals.respond_title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.appeals.respond"
      >
        <TextField
          autoFocus
          fullWidth
          multiline
          minRows={4}
          margin="dense"
          name="response"
          required
          label={translate('resources.appeals.fields.response')}
          value={response}
          onChange={(e) => setResponse(e.target.value)}
          error={!!fieldErrors.response}
          helperText={fieldErrors.response ?? ' '}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        <FormControlLabel
          control={<Checkbox checked={upheld} onChange={(e) => setUpheld(e.target.checked)} name="upheld" />}
          label={translate('app.appeals.uphold')}
        />
        {upheld && record.subject === 'review' && (
          <Alert severity="info">{translate('app.appeals.uphold_hint')}</Alert>
        )}
      </ActionDialog>
    </span>
  );
};

/** Closes an answered appeal (the worker was told; nothing more to do). */
export const CloseAppealButton = () => {
  const record = useRecordContext<AppealRecord>();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useApiAction((dp) => dp.closeAppeal(record!.id), {
    success: 'app.appeals.closed',
    onSuccess: () => setOpen(false),
  });
  if (!record) return null;
  return (
    <span onClick={(e) => e.stopPropagation()}>
      <Button size="small" startIcon={<CloseIcon />} onClick={() => setOpen(true)}>
        {translate('app.appeals.close')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        title="app.appeals.close_title"
        titleArgs={{ id: record.id }}
        confirmLabel="app.appeals.close"
      >
        {translate('app.appeals.close_confirm')}
      </ActionDialog>
    </span>
  );
};

export const AppealRowButtons = (_props: { label?: string }) => {
  const record = useRecordContext<AppealRecord>();
  const respond = useCanAccess({ resource: 'appeals', action: 'respond' });
  const close = useCanAccess({ resource: 'appeals', action: 'close' });
  if (!record) return null;
  if (record.status === 'open' && respond.canAccess) return <RespondAppealButton />;
  if ((record.status === 'answered' || record.status === 'upheld') && close.canAccess)
    return <CloseAppealButton />;
  return null;
};
