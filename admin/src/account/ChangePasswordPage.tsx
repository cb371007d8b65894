import { Box, Card, CardContent } from '@mui/material';
import {
  Form,
  PasswordInput,
  required,
  SaveButton,
  Title,
  useGetIdentity,
  useNotify,
  useRedirect,
  type Validator,
} from 'react-admin';
import { useState } from 'react';
import { currentUser } from '../providers/authProvider';
import { postJson } from '../providers/http';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

const sameAsNew: Validator = (value, values) =>
  value && value !== (values as PasswordForm).newPassword ? 'app.password.mismatch' : undefined;

/** Also where a first sign-in lands when someone else set the password. */
export const ChangePasswordPage = () => {
  const { refetch } = useGetIdentity();
  const notify = useNotify();
  const redirect = useRedirect();
  const [saving, setSaving] = useState(false);

  const save = async (values: Record<string, unknown>) => {
    const { currentPassword, newPassword } = values as unknown as PasswordForm;
    setSaving(true);
    try {
      await postJson('auth/password', { currentPassword, newPassword });
      await currentUser(true);
      await refetch(); // the dashboard's "change your password" warning goes away
      notify('app.password.changed', { type: 'success' });
      redirect('/');
    } catch (error) {
      const body = (error as { body?: { errors?: Record<string, string> } }).body;
      notify((error as Error).message, { type: 'error' });
      return body?.errors; // shown under the fields
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card sx={{ mt: 2, maxWidth: 480 }}>
      <Title title="app.password.title" />
      <CardContent>
        <Form onSubmit={save}>
          <PasswordInput
            source="currentPassword"
            label="app.password.current"
            validate={required()}
            fullWidth
          />
          <PasswordInput
            source="newPassword"
            label="app.password.new"
            validate={required()}
            fullWidth
            helperText="app.password.hint"
          />
          <PasswordInput
            source="confirm"
            label="app.password.confirm"
            validate={[required(), sameAsNew]}
            fullWidth
          />
          <Box sx={{ mt: 1 }}>
            <SaveButton alwaysEnable disabled={saving} />
          </Box>
        </Form>
      </CardContent>
    </Card>
  );
};
