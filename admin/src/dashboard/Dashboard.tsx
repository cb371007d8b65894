import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import type { AppUser } from '../providers/authProvider';

/** A greeting for now; the round's figures and the work piles come here next. */
export const Dashboard = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { identity, isPending } = useGetIdentity();
  if (isPending || !identity) return null;
  const user = identity as unknown as AppUser;
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="ra.page.dashboard" />
      {user.mustChangePassword && (
        <Alert
          severity="warning"
          action={<Button color="inherit" size="small" onClick={() => redirect('/change-password')}>
            {translate('app.dashboard.change_password_now')}
          </Button>}
        >
          {translate('app.dashboard.must_change_password')}
        </Alert>
      )}
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.dashboard.greeting', { name: user.displayName })}
          </Typography>
          <Typography variant="body1" color="text.secondary">
            {translate('app.dashboard.role', { role: translate(`enums.role.${user.role}`) })}
          </Typography>
          <Typography variant="body2" sx={{ mt: 2 }}>{translate('app.dashboard.intro')}</Typography>
        </CardContent>
      </Card>
    </Stack>
  );
};
