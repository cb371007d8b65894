import { Alert, Button } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { formatDateTime } from '../common';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/**
 * I1–I7: the money invariants on the city's home — the last check and when it ran (a full check
 * reads the whole history, so a page load never starts one); "check now" runs it on demand.
 */
export const IntegrityBadge = () => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const client = useQueryClient();
  const { data, isPending } = useQuery({
    queryKey: ['integrity', 'last'],
    queryFn: () => dataProvider.lastIntegrity(),
  });
  const run = useMutation({
    mutationFn: () => dataProvider.integrity(),
    onSuccess: () => client.invalidateQueries({ queryKey: ['integrity', 'last'] }),
  });
  if (isPending) return null;
  const action = (
    <Button color="inherit" size="small" disabled={run.isPending} onClick={() => run.mutate()}>
      {translate('app.dashboard.integrity_run')}
    </Button>
  );
  if (!data)
    return (
      <Alert severity="info" variant="outlined" action={action}>
        {translate('app.dashboard.integrity_never')}
      </Alert>
    );
  const when = translate('app.dashboard.integrity_checked_at', { time: formatDateTime(data.checkedAt) });
  return data.ok ? (
    <Alert severity="success" variant="outlined" action={action}>
      {translate('app.dashboard.integrity_ok')} · {when}
    </Alert>
  ) : (
    <Alert severity="error" action={action}>
      {translate('app.dashboard.integrity_problems', { smart_count: data.problems.length })} · {when}
      <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
        {data.problems.slice(0, 5).map((p, i) => (
          <li key={i}>
            {p.invariant}: {p.detail}
          </li>
        ))}
      </ul>
    </Alert>
  );
};
