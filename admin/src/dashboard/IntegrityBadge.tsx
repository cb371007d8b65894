import { Alert } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/** I1–I7: the money invariants, checked on the city's home; a problem is the first thing it sees. */
export const IntegrityBadge = () => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const { data } = useQuery({
    queryKey: ['integrity'],
    queryFn: () => dataProvider.integrity(),
    staleTime: 60_000,
  });
  if (!data) return null;
  return data.ok ? (
    <Alert severity="success" variant="outlined">
      {translate('app.dashboard.integrity_ok')}
    </Alert>
  ) : (
    <Alert severity="error">
      {translate('app.dashboard.integrity_problems', { smart_count: data.problems.length })}
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
