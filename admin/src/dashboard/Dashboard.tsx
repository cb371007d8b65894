import { Alert, Button, Grid, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useCanAccess, useGetIdentity, useRedirect, useTranslate } from 'react-admin';
import type { AppUser } from '../providers/authProvider';
import { InstitutionFigures } from './InstitutionFigures';
import { IntegrityBadge } from './IntegrityBadge';
import { KeyFigures } from './KeyFigures';
import { PileCard } from './PileCard';
import { pilesFor } from './piles';

/**
 * Each role's home (Posters Galore's dashboard: small cards fed by a query each): its piles of
 * work with counts that open the filtered list, overdue first; the round's key figures below.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const redirect = useRedirect();
  const { identity, isPending } = useGetIdentity();
  const [now] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000)); // stable query keys
  const stats = useCanAccess({ resource: 'stats', action: 'show' });
  const integrity = useCanAccess({ resource: 'integrity', action: 'show' });
  const institution = useCanAccess({ resource: 'institution-stats', action: 'show' });
  if (isPending || !identity) return null;
  const user = identity as unknown as AppUser;
  const piles = pilesFor(user, now);
  return (
    <Stack spacing={2} sx={{ mt: 2, mb: 3 }}>
      <Title title="ra.page.dashboard" />
      {user.mustChangePassword && (
        <Alert
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => redirect('/change-password')}>
              {translate('app.dashboard.change_password_now')}
            </Button>
          }
        >
          {translate('app.dashboard.must_change_password')}
        </Alert>
      )}
      <div>
        <Typography variant="h5" component="h1">
          {translate('app.dashboard.greeting', { name: user.displayName })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.role', { role: translate(`enums.role.${user.role}`) })}
        </Typography>
      </div>
      {integrity.canAccess && <IntegrityBadge />}
      <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
        {translate('app.dashboard.work')}
      </Typography>
      {piles.length ? (
        <Grid container spacing={2}>
          {piles.map((p) => (
            <Grid key={p.key} size={{ xs: 12, sm: 6, md: 4, lg: 3 }}>
              <PileCard pile={p} />
            </Grid>
          ))}
        </Grid>
      ) : (
        <Typography variant="body2" color="text.secondary">
          {translate('app.dashboard.intro')}
        </Typography>
      )}
      {stats.canAccess && <KeyFigures />}
      {institution.canAccess && <InstitutionFigures />}
    </Stack>
  );
};
