import SchoolIcon from '@mui/icons-material/School';
import {
  Alert,
  Avatar,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useLogin, useTranslate } from 'react-admin';

/** The server's own words (`{message}`: wrong password, locked 423, throttled 429), else ours. */
const messageOf = (error: unknown, fallback: string): string => {
  const body = (error as { body?: { message?: string; errors?: Record<string, string> } })?.body;
  const fieldMessage = body?.errors ? Object.values(body.errors)[0] : undefined;
  return fieldMessage ?? body?.message ?? (error as Error)?.message ?? fallback;
};

export const LoginPage = () => {
  const translate = useTranslate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setError(translate('app.login.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await login({ username: username.trim(), password });
    } catch (e) {
      setError(messageOf(e, translate('app.login.failed')));
      setBusy(false);
    }
  };

  return (
    <Box
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: 'linear-gradient(160deg, #b71c1c 0%, #7f0000 55%, #37474f 100%)',
        p: 2,
      }}
    >
      <Card component="form" onSubmit={submit} noValidate sx={{ width: '100%', maxWidth: 400 }}>
        <CardContent sx={{ p: 4 }}>
          <Stack spacing={2.5} sx={{ alignItems: 'center' }}>
            <Avatar sx={{ bgcolor: 'primary.main', width: 56, height: 56 }}>
              <SchoolIcon />
            </Avatar>
            <Box sx={{ textAlign: 'center' }}>
              <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
                {translate('app.login.title')}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {translate('app.login.subtitle')}
              </Typography>
            </Box>
            {error && (
              <Alert severity="error" sx={{ width: '100%' }} role="alert">
                {error}
              </Alert>
            )}
            <TextField
              label={translate('app.login.username')}
              name="username"
              autoComplete="username"
              autoFocus
              fullWidth
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              disabled={busy}
            />
            <TextField
              label={translate('app.login.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              fullWidth
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              disabled={busy}
            />
            <Button
              type="submit"
              variant="contained"
              size="large"
              fullWidth
              disabled={busy}
              startIcon={busy ? <CircularProgress size={18} color="inherit" /> : undefined}
            >
              {translate(busy ? 'app.login.submitting' : 'app.login.submit')}
            </Button>
            <Typography variant="caption" color="text.secondary">
              {translate('app.login.footer')}
            </Typography>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
