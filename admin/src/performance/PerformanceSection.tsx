import {
  Box,
  Card,
  CardContent,
  Grid,
  Skeleton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Suspense, type ReactNode } from 'react';

/** One figure of the view: the chart on the left, the same numbers as a table beside it. */
export const PerformanceSection = ({
  title,
  chart,
  table,
  id,
  chartWidth = 7,
  note,
}: {
  title: string;
  /** What a figure means, said once under the title (e.g. which sum 结存 is here). */
  note?: string;
  chart?: ReactNode;
  table: ReactNode;
  id: string;
  chartWidth?: number;
}) => (
  <Card variant="outlined" component="section" aria-labelledby={`perf-${id}`} data-section={id}>
    <CardContent>
      <Typography id={`perf-${id}`} variant="subtitle1" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      {note && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-note={id}>
          {note}
        </Typography>
      )}
      <Grid container spacing={2}>
        {chart && (
          <Grid size={{ xs: 12, md: chartWidth }}>
            <Suspense fallback={<Skeleton variant="rectangular" height={180} />}>{chart}</Suspense>
          </Grid>
        )}
        <Grid size={{ xs: 12, md: chart ? 12 - chartWidth : 12 }}>
          <Box sx={{ overflowX: 'auto' }}>{table}</Box>
        </Grid>
      </Grid>
    </CardContent>
  </Card>
);

export interface Col<T> {
  key: string;
  label: string;
  align?: 'right';
  render?: (row: T) => ReactNode;
}

/** A small, dense table of figures (numbers right-aligned, tabular digits). */
export function FigureTable<T extends object>({
  columns,
  rows,
  empty,
}: {
  columns: Col<T>[];
  rows: T[];
  empty: string;
}) {
  if (!rows.length)
    return (
      <Typography variant="body2" color="text.secondary">
        {empty}
      </Typography>
    );
  return (
    <Table
      size="small"
      sx={{ '& td, & th': { px: 1, whiteSpace: 'nowrap' }, '& td': { fontVariantNumeric: 'tabular-nums' } }}
    >
      <TableHead>
        <TableRow>
          {columns.map((c) => (
            <TableCell key={c.key} align={c.align}>
              {c.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((r, i) => (
          <TableRow key={i}>
            {columns.map((c) => (
              <TableCell key={c.key} align={c.align}>
                {c.render ? c.render(r) : String((r as Record<string, unknown>)[c.key] ?? '—')}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
