import DownloadIcon from '@mui/icons-material/Download';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Grid,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, useState } from 'react';
import { Title, useGetList, useNotify, useTranslate, type TranslateFunction } from 'react-admin';
import { downloadBlob, formatFen, today } from '../common';
import { exportFileName, sheetName } from '../common/exportTable';
import type { StatsOverview, UnionStats } from '../providers/apiTypes';
import { useAppDataProvider } from '../providers/useAppDataProvider';
import { FigureTable, PerformanceSection, type Col } from './PerformanceSection';
import {
  funnelRows,
  moneyRows,
  percent,
  performanceTables,
  priorityRows,
  showPercent,
} from './performanceTables';

// recharts comes in its own chunk, after the numbers are on screen.
const HorizontalBars = lazy(() => import('./charts').then((m) => ({ default: m.HorizontalBars })));

const yuan = (fen: number) => Math.round(fen / 100);

async function exportWorkbook(s: StatsOverview, t: TranslateFunction, roundName: string) {
  const { xlsxWorkbookBlob } = await import('../common/xlsx');
  const tables = performanceTables(s, t);
  const blob = await xlsxWorkbookBlob(
    tables.map((tb) => ({
      name: sheetName(tb.title),
      headers: tb.headers,
      cells: tb.rows as Record<string, unknown>[],
    })),
  );
  downloadBlob(blob, exportFileName(`${t('app.performance.title')}-${roundName}`, today(), 'xlsx'));
}

const Sections = ({ s }: { s: StatsOverview }) => {
  const t = useTranslate();
  const funnel = funnelRows(s, t);
  const unionLabel = t(
    s.scope === 'city' ? 'app.performance.union_level2' : 'app.performance.union_grassroots',
  );
  const unionCols: Col<UnionStats>[] = [
    { key: 'name', label: unionLabel },
    ...(s.scope === 'city'
      ? [
          { key: 'proposed', label: t('app.performance.proposed'), align: 'right' as const },
          { key: 'places', label: t('app.performance.places'), align: 'right' as const },
        ]
      : []),
    { key: 'approved', label: t('app.performance.funnel.approved'), align: 'right' },
    ...(s.scope === 'city'
      ? [
          {
            key: 'quotaUse',
            label: t('app.performance.quota_use'),
            align: 'right' as const,
            render: (u: UnionStats) => showPercent(u.quotaUse),
          },
        ]
      : []),
    {
      key: 'approvalRate',
      label: t('app.performance.approval_rate'),
      align: 'right',
      render: (u) => showPercent(u.approvalRate),
    },
    {
      key: 'dropoutRate',
      label: t('app.performance.dropout_rate'),
      align: 'right',
      render: (u) => showPercent(u.dropoutRate),
    },
    {
      key: 'completionRate',
      label: t('app.performance.completion_rate'),
      align: 'right',
      render: (u) => showPercent(u.completionRate),
    },
  ];
  const empty = t('app.performance.empty');
  const money = moneyRows(s, t);
  // The budget is a plan, thousands of times the money moved early in a round: it stays in the table.
  const FLOW = ['allocatedFen', 'receivedFen', 'paidFen', 'pendingFen'];
  const moneyFlow = money.filter((m) => FLOW.includes(m.key));
  const moneyOut = money.filter((m) => !FLOW.includes(m.key) && m.key !== 'budgetedFen');
  const priority = priorityRows(s, t);
  const turnaround = s.turnaround.map((r) => ({
    label: t(`enums.reviewStep.${r.step}`),
    days: r.medianDays ?? 0,
  }));
  return (
    <Stack spacing={2}>
      <PerformanceSection
        id="funnel"
        title={t('app.performance.sections.funnel')}
        chart={
          <HorizontalBars
            data={funnel}
            category="label"
            bars={[{ key: 'n', name: t('app.performance.count') }]}
          />
        }
        table={
          <FigureTable
            rows={funnel}
            empty={empty}
            columns={[
              { key: 'label', label: t('app.performance.step') },
              { key: 'n', label: t('app.performance.count'), align: 'right' },
              {
                key: 'ofPrevious',
                label: t('app.performance.of_previous'),
                align: 'right',
                render: (r) => showPercent(r.ofPrevious),
              },
              {
                key: 'ofSubmitted',
                label: t('app.performance.of_submitted'),
                align: 'right',
                render: (r) => showPercent(r.ofSubmitted),
              },
            ]}
          />
        }
      />
      <PerformanceSection
        id="unions"
        title={t('app.performance.sections.unions')}
        note={s.scope === 'city' ? t('app.performance.quota_note') : undefined}
        chartWidth={4}
        chart={
          s.unions.length ? (
            <HorizontalBars
              data={s.unions}
              category="name"
              categoryWidth={130}
              bars={
                s.scope === 'city'
                  ? [
                      { key: 'places', name: t('app.performance.places'), color: '#b0bec5' },
                      { key: 'approved', name: t('app.performance.funnel.approved'), color: '#2e7d32' },
                    ]
                  : [{ key: 'approved', name: t('app.performance.funnel.approved'), color: '#2e7d32' }]
              }
            />
          ) : undefined
        }
        table={<FigureTable rows={s.unions} empty={empty} columns={unionCols} />}
      />
      <PerformanceSection
        id="institutions"
        title={t('app.performance.sections.institutions')}
        chartWidth={6}
        chart={
          s.institutions.length ? (
            <HorizontalBars
              data={s.institutions.map((i) => ({
                ...i,
                completion: i.completionRate ?? 0,
                dropout: i.dropoutRate ?? 0,
              }))}
              category="name"
              categoryWidth={140}
              unit="%"
              bars={[
                { key: 'completion', name: t('app.performance.completion_rate') },
                { key: 'dropout', name: t('app.performance.dropout_rate') },
              ]}
            />
          ) : undefined
        }
        table={
          <FigureTable
            rows={s.institutions}
            empty={empty}
            columns={[
              { key: 'name', label: t('resources.institutions.fields.name') },
              { key: 'approved', label: t('app.performance.funnel.approved'), align: 'right' },
              { key: 'droppedOut', label: t('app.performance.dropped_out'), align: 'right' },
              {
                key: 'dropoutRate',
                label: t('app.performance.dropout_rate'),
                align: 'right',
                render: (r) => showPercent(r.dropoutRate),
              },
              {
                key: 'completionRate',
                label: t('app.performance.completion_rate'),
                align: 'right',
                render: (r) => showPercent(r.completionRate),
              },
            ]}
          />
        }
      />
      <PerformanceSection
        id="turnaround"
        title={t('app.performance.sections.turnaround')}
        chart={
          <HorizontalBars
            data={turnaround}
            category="label"
            categoryWidth={120}
            unit={t('app.performance.day_unit')}
            bars={[{ key: 'days', name: t('app.performance.median_days'), color: '#0288d1' }]}
          />
        }
        table={
          <FigureTable
            rows={s.turnaround}
            empty={empty}
            columns={[
              {
                key: 'step',
                label: t('app.performance.level'),
                render: (r) => t(`enums.reviewStep.${r.step}`),
              },
              { key: 'reviews', label: t('app.performance.reviews'), align: 'right' },
              {
                key: 'medianDays',
                label: t('app.performance.median_days'),
                align: 'right',
                render: (r) => (r.medianDays === null ? '—' : t('app.performance.days', { n: r.medianDays })),
              },
            ]}
          />
        }
      />
      <PerformanceSection
        id="priority"
        title={t('app.performance.sections.priority')}
        chart={
          <HorizontalBars
            data={priority.map((p) => ({ ...p, pct: p.share ?? 0 }))}
            category="label"
            categoryWidth={120}
            unit="%"
            bars={[{ key: 'pct', name: t('app.performance.share'), color: '#7b1fa2' }]}
          />
        }
        table={
          <FigureTable
            rows={priority}
            empty={empty}
            columns={[
              { key: 'label', label: t('app.performance.group') },
              { key: 'n', label: t('app.performance.count'), align: 'right' },
              {
                key: 'share',
                label: t('app.performance.share'),
                align: 'right',
                render: (r) => showPercent(r.share),
              },
            ]}
          />
        }
      />
      <PerformanceSection
        id="money"
        title={t('app.performance.sections.money')}
        note={t('app.performance.money_note')}
        chart={
          <Stack spacing={1}>
            {/* The money moved to the workers (allocated → received → paid, pending) and what came back
                or stays, each on its own axis. */}
            {[moneyFlow, moneyOut].map((rows, i) =>
              rows.length ? (
                <HorizontalBars
                  key={i}
                  data={rows.map((m) => ({ ...m, yuan: yuan(m.amountFen) }))}
                  category="label"
                  categoryWidth={120}
                  format={(v) => `¥${v.toLocaleString('zh-CN')}`}
                  bars={[
                    { key: 'yuan', name: t('app.performance.amount'), color: i ? '#2e7d32' : undefined },
                  ]}
                />
              ) : null,
            )}
          </Stack>
        }
        table={
          <FigureTable
            rows={money}
            empty={empty}
            columns={[
              { key: 'label', label: t('app.performance.item') },
              {
                key: 'amountFen',
                label: t('app.performance.amount'),
                align: 'right',
                render: (r) => formatFen(r.amountFen),
              },
            ]}
          />
        }
      />
      <PerformanceSection
        id="ranking"
        title={t('app.performance.sections.ranking')}
        note={t('app.performance.ranking_note')}
        table={
          <FigureTable
            rows={s.ranking}
            empty={empty}
            columns={[
              {
                key: 'rank',
                label: t('app.performance.rank'),
                align: 'right',
                render: (r) => r.rank ?? '—',
              },
              { key: 'name', label: unionLabel },
              {
                key: 'completionRate',
                label: t('app.performance.completion_rate'),
                align: 'right',
                render: (r) => showPercent(r.completionRate),
              },
              { key: 'approved', label: t('app.performance.funnel.approved'), align: 'right' },
            ]}
          />
        }
      />
    </Stack>
  );
};

/** Headline numbers above the sections: what a leader asks first. */
const Headline = ({ s }: { s: StatsOverview }) => {
  const t = useTranslate();
  const items: [string, string, string][] = [
    ['submitted', t('app.performance.funnel.submitted'), String(s.funnel.submitted ?? 0)],
    ['approved', t('app.performance.funnel.approved'), String(s.funnel.approved ?? 0)],
    [
      'completionRate',
      t('app.performance.completion_rate'),
      showPercent(percent(s.funnel.completed, s.funnel.processPaid)),
    ],
    ['paidFen', t('app.performance.money.paidFen'), formatFen(s.money.paidFen)],
    ['heldFen', t('app.performance.money.heldFen'), formatFen(s.money.heldFen)],
    ['overdueAppeals', t('app.performance.overdue_appeals'), String(s.overdueAppeals)],
  ];
  return (
    <Card variant="outlined">
      <CardContent>
        <Grid container spacing={2}>
          {items.map(([key, label, value]) => (
            <Grid key={key} size={{ xs: 6, sm: 4, md: 2 }}>
              <Typography
                variant="h5"
                component="p"
                data-figure={key}
                sx={{
                  fontWeight: 600,
                  fontVariantNumeric: 'tabular-nums',
                  color: key === 'overdueAppeals' && s.overdueAppeals ? 'error.main' : undefined,
                }}
              >
                {value}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {label}
              </Typography>
            </Grid>
          ))}
        </Grid>
      </CardContent>
    </Card>
  );
};

/** R18: the plan, the quotas allocated under it, the places used and the waitlist, side by side. */
const PlanLine = ({ plan }: { plan: NonNullable<StatsOverview['plan']> }) => {
  const t = useTranslate();
  const items: [keyof typeof plan, string][] = [
    ['plannedPlaces', t('app.performance.plan.planned')],
    ['quotaSum', t('app.performance.plan.quotas')],
    ['used', t('app.performance.plan.used')],
    ['waitlisted', t('app.performance.plan.waitlisted')],
  ];
  return (
    <Typography variant="body2" data-figure="plan" sx={{ fontVariantNumeric: 'tabular-nums' }}>
      {items.map(([key, label]) => `${label} ${plan[key]}`).join(' / ')}
    </Typography>
  );
};

/** R15: the program's performance for a round (or all rounds), scoped like everything else. */
export const PerformancePage = () => {
  const t = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const rounds = useGetList('rounds', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'opensOn', order: 'DESC' },
  });
  const [picked, setPicked] = useState<string | null>(null);
  const roundId = picked ?? (rounds.data?.[0] ? String(rounds.data[0].id) : null);
  const [exporting, setExporting] = useState(false);
  const { data, isPending, error } = useQuery({
    queryKey: ['stats', 'overview', roundId === 'all' ? null : roundId],
    queryFn: () => dataProvider.stats(roundId === 'all' ? null : roundId),
    enabled: roundId !== null,
  });
  const roundName =
    roundId === 'all'
      ? t('app.performance.all_rounds')
      : (rounds.data?.find((r) => String(r.id) === roundId)?.name ?? '');
  const doExport = async () => {
    if (!data) return;
    setExporting(true);
    try {
      await exportWorkbook(data, t, roundName);
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Box sx={{ mt: 2, mb: 3 }}>
      <Title title="app.performance.title" />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          size="small"
          fullWidth={false}
          label={t('resources.rounds.name', { smart_count: 1 })}
          value={roundId ?? ''}
          sx={{ width: 220 }}
          onChange={(e) => setPicked(e.target.value)}
        >
          {(rounds.data ?? []).map((r) => (
            <MenuItem key={r.id} value={String(r.id)}>
              {r.name}
            </MenuItem>
          ))}
          <MenuItem value="all">{t('app.performance.all_rounds')}</MenuItem>
        </TextField>
        {data && (
          <Typography variant="body2" color="text.secondary">
            {t(data.scope === 'city' ? 'app.performance.scope_city' : 'app.performance.scope_union')}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <Button
          variant="outlined"
          size="small"
          sx={{ textTransform: 'none' }}
          startIcon={exporting ? <CircularProgress size={14} /> : <DownloadIcon />}
          disabled={!data || exporting}
          onClick={doExport}
        >
          {t('app.export.xlsx')}
        </Button>
      </Stack>
      {error ? (
        <Alert severity="error">{(error as Error).message}</Alert>
      ) : isPending ? (
        <CircularProgress />
      ) : (
        data && (
          <Stack spacing={2}>
            <Headline s={data} />
            {data.plan && <PlanLine plan={data.plan} />}
            <Sections s={data} />
          </Stack>
        )
      )}
    </Box>
  );
};
