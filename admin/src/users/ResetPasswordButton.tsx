import LockResetIcon from '@mui/icons-material/LockReset';
import { Alert, Button, TextField } from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { ActionDialog, useApiAction } from '../common';

/** Sets a new initial password; the user must change it at the next sign-in (server rule). */
export const ResetPasswordButton = () => {
  const record = useRecordContext<{ id: number; username: string }>();
  const translate = useTranslate();
  const allowed = useCanAccess({ resource: 'users', action: 'resetPassword' });
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const { mutate, isPending, fieldErrors } = useApiAction((dp) => dp.resetPassword(record!.id, password), {
    success: 'app.users.password_reset',
    onSuccess: () => {
      setOpen(false);
      setPassword('');
    },
  });
  if (!record || !allowed.canAccess) return null;
  return (
    <>
      <Button size="small" startIcon={<LockResetIcon />} onClick={() => setOpen(true)}>
        {translate('app.users.reset_password')}
      </Button>
      <ActionDialog
        open={open}
        onClose={() => setOpen(false)}
        onConfirm={() => mutate(undefined)}
        pending={isPending}
        disabled={password.length < 10}
        title="app.users.reset_title"
        titleArgs={{ username: record.username }}
        confirmLabel="app.users.reset_password"
      >
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('app.users.reset_hint')}
        </Alert>
        <TextField
          autoFocus
          fullWidth
          type="password"
          name="password"
          autoComplete="new-password"
          label={translate('resources.users.fields.password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={!!fieldErrors.password}
          helperText={fieldErrors.password ?? translate('app.password.hint')}
        />
      </ActionDialog>
    </>
  );
};
