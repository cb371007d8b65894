import { Box, Card, CardContent, Grid, Skeleton, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useLocaleState, useTranslate } from 'react-admin';
import { roundCode } from '../../../server/domain/glossary';
import { formatFen } from '../common';
import { getJson } from '../providers/http';

interface InstitutionStats {
  name?: string;
  term: string;
  byStatus: Record<string, number>;
  funded: number;
  checksDue: number;
  dropouts: number;
  refunds: { count: number; amountFen: number };
}

/** R15: an institution's own students' figures (GET /api/stats/institution): nothing of others'. */
export const InstitutionFigures = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data } = useQuery({
    queryKey: ['stats', 'institution'],
    queryFn: () => getJson<InstitutionStats>('stats/institution'),
  });
  const figures: [string, string | number | undefined][] = [
    ['app.study_checks.funded', data?.funded],
    ['enums.applicationStatus.graduated', data?.byStatus.graduated],
    ['enums.applicationStatus.completed', data?.byStatus.completed],
    ['app.study_checks.checks_due', data?.checksDue],
    ['app.study_checks.dropouts', data?.dropouts],
    [
      'app.study_checks.refunds',
      data ? `${data.refunds.count} / ${formatFen(data.refunds.amountFen)}` : undefined,
    ],
  ];
  return (
    <Card>
      <CardContent>
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
          {translate('app.study_checks.figures', {
            term: data?.term ? roundCode(locale === 'en' ? 'en' : 'zh-CN', data.term) : '',
          })}
        </Typography>
        <Grid container spacing={2}>
          {figures.map(([label, value]) => (
            <Grid key={label} size={{ xs: 6, sm: 4, md: 2 }}>
              <Box>
                <Typography
                  variant="h5"
                  component="p"
                  sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
                >
                  {value === undefined ? <Skeleton width={60} /> : value}
                </Typography>
                <Typography variant="caption" color="text.secondary">
                  {translate(label)}
                </Typography>
              </Box>
            </Grid>
          ))}
        </Grid>
      </CardContent>
    </Card>
  );
};
