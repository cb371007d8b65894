import { Card, CardContent, Grid, List, ListItem, ListItemText, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { roundCode } from '../../../server/domain/glossary';
import { getJson } from '../providers/http';

interface Behind {
  term: string;
  total: number;
  unions: { organizationId: number; name: string; due: number }[];
  institutions: { institutionId: number; name: string; due: number }[];
}

const Column = ({ title, rows }: { title: string; rows: { key: number; name: string; due: number }[] }) => {
  const translate = useTranslate();
  return (
    <Grid size={{ xs: 12, md: 6 }}>
      <Typography variant="subtitle2">{translate(title)}</Typography>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('app.study_checks.none_behind')}
        </Typography>
      ) : (
        <List dense disablePadding>
          {rows.slice(0, 8).map((r) => (
            <ListItem key={r.key} disableGutters secondaryAction={<strong>{r.due}</strong>}>
              <ListItemText primary={r.name} />
            </ListItem>
          ))}
        </List>
      )}
    </Grid>
  );
};

/**
 * R15: who is behind on this term's study checks (GET /api/stats/study-checks-due), most behind first —
 * the city sees every level-2 union and institution, a level-2 union its own subtree.
 */
export const ChecksDue = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const can = useCanAccess({ resource: 'stats', action: 'show' });
  const { data } = useQuery({
    queryKey: ['stats', 'study-checks-due'],
    queryFn: () => getJson<Behind>('stats/study-checks-due'),
    enabled: can.canAccess === true,
  });
  if (!can.canAccess) return null;
  return (
    <Card sx={{ mt: 1 }}>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {data ? (
            translate('app.study_checks.behind_title', {
              term: roundCode(locale === 'en' ? 'en' : 'zh-CN', data.term),
              total: data.total,
            })
          ) : (
            <Skeleton width={240} />
          )}
        </Typography>
        {data && (
          <Grid container spacing={2}>
            <Column
              title="app.study_checks.behind_unions"
              rows={data.unions.map((u) => ({ key: u.organizationId, name: u.name, due: u.due }))}
            />
            <Column
              title="app.study_checks.behind_institutions"
              rows={data.institutions.map((i) => ({ key: i.institutionId, name: i.name, due: i.due }))}
            />
          </Grid>
        )}
      </CardContent>
    </Card>
  );
};
