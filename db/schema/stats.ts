import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * R15's performance view over a province's history: the figures of `server/resources/stats`
 * summed from these cells instead of recomputed from a million applications. Triggers (migration
 * `stats_triggers`) keep every cell exact in the transaction of the change that moves it; `db/stats.ts`
 * rebuilds them from the rows (scale seed) and `GET /api/integrity` compares the two. A cell may fall
 * to all zeros and stay.
 */

/** The figures of a cell: its applications, and how many of them carry each flag of the funnel and of R15. */
const cellFigures = () => ({
  n: integer('n').notNull().default(0),
  /** submitted_at is set */
  submitted: integer('submitted').notNull().default(0),
  /** with a step-1 approval in its reviews */
  unitApproved: integer('unit_approved').notNull().default(0),
  /** with a paid process subsidy from the city */
  processPaid: integer('process_paid').notNull().default(0),
  /** the worker's priority flags (R15), as the worker's record says now */
  migrant: integer('migrant').notNull().default(0),
  hardship: integer('hardship').notNull().default(0),
  keyIndustry: integer('key_industry').notNull().default(0),
  frontline: integer('frontline').notNull().default(0),
});

/** Applications per round, level-2 union, grassroots union and status, with the funnel's and R15's flags. */
export const statsCells = sqliteTable(
  'stats_cells',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    organizationId: integer('organization_id').notNull(),
    status: text('status').notNull(),
    ...cellFigures(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.level2Id, t.organizationId, t.status] }),
    index('stats_cells_level2_idx').on(t.level2Id, t.roundId),
  ],
);

/** The same figures per round, level-2 union and status only: the city's view reads a few hundred rows a round. */
export const statsUnionCells = sqliteTable(
  'stats_union_cells',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    status: text('status').notNull(),
    ...cellFigures(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.level2Id, t.status] })],
);

/** Applications per round, level-2 union, institution (0: none chosen) and status. */
export const statsInstitutionCells = sqliteTable(
  'stats_institution_cells',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    institutionId: integer('institution_id').notNull(),
    status: text('status').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.level2Id, t.institutionId, t.status] }),
    index('stats_institution_cells_level2_idx').on(t.level2Id, t.roundId),
  ],
);

/**
 * Reviews per round, level-2 union, step and turnaround in tenths of a day (rounded half up, as the
 * view shows it): the median of a step is read off the cumulative counts. Reviews are append-only.
 */
export const statsTurnaround = sqliteTable(
  'stats_turnaround',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    step: integer('step').notNull(),
    /** round(days × 10); -999999999 for a review without a start (never on a submitted application) */
    tenths: integer('tenths').notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.level2Id, t.step, t.tenths] }),
    index('stats_turnaround_level2_idx').on(t.level2Id, t.roundId),
    // The city's medians: a round's tenths in order, without a sort.
    index('stats_turnaround_round_idx').on(t.roundId, t.step, t.tenths, t.n),
  ],
);

/** Payments: sum and count per round, level-2 union, stage, source and status. */
export const statsPayments = sqliteTable(
  'stats_payments',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    stage: text('stage').notNull(),
    source: text('source').notNull(),
    status: text('status').notNull(),
    fen: integer('fen').notNull().default(0),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.level2Id, t.stage, t.source, t.status] }),
    index('stats_payments_level2_idx').on(t.level2Id, t.roundId),
  ],
);

/** Refunds (R5): sum and count per round, level-2 union and status. */
export const statsRefunds = sqliteTable(
  'stats_refunds',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    status: text('status').notNull(),
    fen: integer('fen').notNull().default(0),
    n: integer('n').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.level2Id, t.status] }),
    index('stats_refunds_level2_idx').on(t.level2Id, t.roundId),
  ],
);
