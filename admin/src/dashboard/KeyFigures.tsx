import InsightsIcon from '@mui/icons-material/Insights';
import { Box, Button, Card, CardContent, Grid, Skeleton, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useGetList, useTranslate } from 'react-admin';
import { formatFen } from '../common';
import { useAppDataProvider } from '../providers/useAppDataProvider';

/** The newest round: the one most clerks work on today. */
export const useCurrentRound = () => {
  const { data } = useGetList('rounds', {
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'opensOn', order: 'DESC' },
  });
  return data?.[0];
};

const Figure = ({
  label,
  value,
  testId,
}: {
  label: string;
  value: string | number | undefined;
  testId: string;
}) => (
  <Box>
    <Typography
      variant="h5"
      component="p"
      data-figure={testId}
      sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
    >
      {value === undefined ? <Skeleton width={60} /> : value}
    </Typography>
    <Typography variant="caption" color="text.secondary">
      {label}
    </Typography>
  </Box>
);

/** R15 at a glance, for the newest round and the caller's own subtree; the full view is one click away. */
export const KeyFigures = () => {
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const round = useCurrentRound();
  const { data } = useQuery({
    queryKey: ['stats', 'overview', round?.id],
    queryFn: () => dataProvider.stats(round!.id),
    enabled: !!round,
  });
  const f = data?.funnel;
  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
            {translate('app.dashboard.figures', { round: round?.name ?? '' })}
          </Typography>
          <Button component={Link} to="/performance" size="small" startIcon={<InsightsIcon />}>
            {translate('app.performance.menu')}
          </Button>
        </Stack>
        <Grid container spacing={2}>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <Figure
              testId="submitted"
              label={translate('app.performance.funnel.submitted')}
              value={f?.submitted}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <Figure
              testId="approved"
              label={translate('app.performance.funnel.approved')}
              value={f?.approved}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <Figure
              testId="processPaid"
              label={translate('app.performance.funnel.processPaid')}
              value={f?.processPaid}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <Figure
              testId="completed"
              label={translate('app.performance.funnel.completed')}
              value={f?.completed}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <Figure
              testId="paidFen"
              label={translate('app.performance.money.paidFen')}
              value={data ? formatFen(data.money.paidFen) : undefined}
            />
          </Grid>
          <Grid size={{ xs: 6, sm: 4, md: 2 }}>
            <Figure
              testId="overdueAppeals"
              label={translate('app.performance.overdue_appeals')}
              value={data?.overdueAppeals}
            />
          </Grid>
        </Grid>
      </CardContent>
    </Card>
  );
};
