import type { TranslateFunction } from 'react-admin';
import type { StatsOverview } from '../providers/apiTypes';

/**
 * The figures of the stats endpoint as labelled tables: shown beside the charts and written to the
 * export, so the screen and the spreadsheet can never disagree.
 */
export interface Table {
  key: string;
  title: string;
  headers: { key: string; label: string }[];
  rows: object[];
}

export const FUNNEL_STEPS = [
  'submitted',
  'unitApproved',
  'approved',
  'processPaid',
  'graduated',
  'completed',
] as const;

/** A share in percent with one decimal, or null when there is nothing to divide by. */
export const percent = (num: number | null | undefined, den: number | null | undefined): number | null =>
  num === null || num === undefined || !den ? null : Math.round((num / den) * 1000) / 10;

export const showPercent = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v}%`);

export function funnelRows(s: StatsOverview, t: TranslateFunction) {
  return FUNNEL_STEPS.map((step, i) => {
    const n = s.funnel[step] ?? 0;
    return {
      step,
      label: t(`app.performance.funnel.${step}`),
      n,
      ofPrevious: i === 0 ? null : percent(n, s.funnel[FUNNEL_STEPS[i - 1]] ?? 0),
      ofSubmitted: percent(n, s.funnel.submitted),
    };
  });
}

export function priorityRows(s: StatsOverview, t: TranslateFunction) {
  return (['frontline', 'migrant', 'hardship', 'keyIndustry'] as const).map((k) => ({
    key: k,
    label: t(`app.performance.priority.${k}`),
    n: s.priority[k] ?? 0,
    share: percent(s.priority[k] ?? 0, s.priority.total),
  }));
}

export const MONEY_KEYS = [
  'budgetedFen',
  'allocatedFen',
  'receivedFen',
  'paidFen',
  'pendingFen',
  'refundedFen',
  'returnedFen',
  'heldFen',
  'matchingPaidFen',
] as const;

export function moneyRows(s: StatsOverview, t: TranslateFunction) {
  return MONEY_KEYS.filter((k) => s.money[k] !== null && s.money[k] !== undefined).map((k) => ({
    key: k,
    label: t(`app.performance.money.${k}`),
    amountFen: s.money[k] as number,
  }));
}

/** Every table of the view, for the export (one sheet each). */
export function performanceTables(s: StatsOverview, t: TranslateFunction): Table[] {
  const h = (key: string, label: string) => ({ key, label: t(label) });
  const unionLabel = t(
    s.scope === 'city' ? 'app.performance.union_level2' : 'app.performance.union_grassroots',
  );
  return [
    {
      key: 'funnel',
      title: t('app.performance.sections.funnel'),
      headers: [
        h('label', 'app.performance.step'),
        h('n', 'app.performance.count'),
        h('ofPrevious', 'app.performance.of_previous'),
        h('ofSubmitted', 'app.performance.of_submitted'),
      ],
      rows: funnelRows(s, t),
    },
    {
      key: 'unions',
      title: t('app.performance.sections.unions'),
      headers: [
        { key: 'name', label: unionLabel },
        h('proposed', 'app.performance.proposed'),
        h('places', 'app.performance.places'),
        h('submitted', 'app.performance.funnel.submitted'),
        h('approved', 'app.performance.funnel.approved'),
        h('rejected', 'app.performance.rejected'),
        h('waitlisted', 'app.performance.waitlisted'),
        h('quotaUse', 'app.performance.quota_use'),
        h('approvalRate', 'app.performance.approval_rate'),
        h('dropoutRate', 'app.performance.dropout_rate'),
        h('completionRate', 'app.performance.completion_rate'),
      ],
      rows: s.unions,
    },
    {
      key: 'institutions',
      title: t('app.performance.sections.institutions'),
      headers: [
        h('name', 'resources.institutions.fields.name'),
        h('approved', 'app.performance.funnel.approved'),
        h('droppedOut', 'app.performance.dropped_out'),
        h('processPaid', 'app.performance.funnel.processPaid'),
        h('completed', 'app.performance.funnel.completed'),
        h('dropoutRate', 'app.performance.dropout_rate'),
        h('completionRate', 'app.performance.completion_rate'),
      ],
      rows: s.institutions,
    },
    {
      key: 'turnaround',
      title: t('app.performance.sections.turnaround'),
      headers: [
        h('label', 'app.performance.level'),
        h('reviews', 'app.performance.reviews'),
        h('medianDays', 'app.performance.median_days'),
      ],
      rows: s.turnaround.map((r) => ({ ...r, label: t(`enums.reviewStep.${r.step}`) })),
    },
    {
      key: 'money',
      title: t('app.performance.sections.money'),
      headers: [h('label', 'app.performance.item'), h('amountFen', 'app.performance.amount')],
      rows: moneyRows(s, t),
    },
    {
      key: 'priority',
      title: t('app.performance.sections.priority'),
      headers: [
        h('label', 'app.performance.group'),
        h('n', 'app.performance.count'),
        h('share', 'app.performance.share'),
      ],
      rows: priorityRows(s, t),
    },
    {
      key: 'ranking',
      title: t('app.performance.sections.ranking'),
      headers: [
        h('rank', 'app.performance.rank'),
        { key: 'name', label: unionLabel },
        h('completionRate', 'app.performance.completion_rate'),
        h('approved', 'app.performance.funnel.approved'),
      ],
      rows: s.ranking,
    },
  ];
}
