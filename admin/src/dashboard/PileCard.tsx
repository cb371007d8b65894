import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { Link } from 'react-router';
import { useGetList, useTranslate } from 'react-admin';
import { pileLink, type Pile } from './piles';

const EDGE = { overdue: 'error.main', todo: 'info.main', watch: 'grey.400' } as const;

/** The count of one pile, read from the list endpoint's total (or from its first page, see countWhere). */
const usePileCount = (pile: Pile) => {
  const firstPage = pile.countWhere ? 500 : 1;
  const { data, total, isPending, error } = useGetList(pile.resource, {
    filter: pile.filter,
    pagination: { page: 1, perPage: firstPage },
    sort: pile.sort ?? { field: 'id', order: 'DESC' },
  });
  if (isPending || error) return { count: undefined, capped: false, error };
  if (pile.countWhere === 'unverifiedGraduation') {
    return {
      count: (data ?? []).filter((r) => !r.graduationVerifiedAt).length,
      capped: (total ?? 0) > firstPage,
      error,
    };
  }
  return { count: total ?? 0, capped: false, error };
};

/** One pile of work: the count, what it is, and a click to the list filtered to exactly it. */
export const PileCard = ({ pile }: { pile: Pile }) => {
  const translate = useTranslate();
  const { count, capped, error } = usePileCount(pile);
  const urgent = pile.tone === 'overdue' && !!count;
  const label = translate(`app.dashboard.piles.${pile.key}`);
  return (
    <Card
      variant="outlined"
      sx={{
        borderLeft: 4,
        borderLeftColor: urgent ? EDGE.overdue : pile.tone === 'overdue' ? 'grey.300' : EDGE[pile.tone],
        bgcolor: urgent ? 'rgba(211,47,47,0.04)' : undefined,
        opacity: count === 0 ? 0.75 : 1,
      }}
    >
      <CardActionArea component={Link} to={pileLink(pile)} data-pile={pile.key} aria-label={label}>
        <CardContent sx={{ py: 1.5 }}>
          <Typography
            variant="h4"
            component="p"
            data-count={count ?? ''}
            sx={{
              fontWeight: 600,
              fontVariantNumeric: 'tabular-nums',
              color: urgent ? 'error.main' : count ? 'text.primary' : 'text.secondary',
            }}
          >
            {count === undefined ? error ? '—' : <Skeleton width={48} /> : `${count}${capped ? '+' : ''}`}
          </Typography>
          <Box sx={{ minHeight: 40 }}>
            <Typography variant="body2" sx={{ fontWeight: 500 }}>
              {label}
            </Typography>
            <Typography variant="caption" color="text.secondary">
              {translate(`app.dashboard.hints.${pile.key}`)}
            </Typography>
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};
