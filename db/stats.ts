import type Database from 'better-sqlite3';

/**
 * The statistics cells (db/schema/stats.ts) as the rows imply them. The triggers of migration
 * `stats_triggers` keep the same figures change by change; this is the whole computation, for the
 * scale seed (which loads with the triggers off) and for `GET /api/integrity` (which compares).
 */

/** A review's turnaround in tenths of a day: from the step before (or the submission) to the decision. */
export const turnaroundTenths = (
  r: string,
  submittedAt: string,
) => `coalesce(cast(round((julianday(${r}.created_at) - julianday(coalesce(
  (select max(r2.created_at) from reviews r2 where r2.application_id = ${r}.application_id and r2.step < ${r}.step and r2.created_at <= ${r}.created_at),
  ${submittedAt}))) * 10) as integer), ${NO_START})`;
export const NO_START = -999999999;

const UNIT_APPROVED = (a: string) =>
  `exists (select 1 from reviews r where r.application_id = ${a}.id and r.step = 1 and r.decision = 'approve')`;
const PROCESS_PAID = (a: string) =>
  `exists (select 1 from payments p where p.application_id = ${a}.id and p.stage = 'process' and p.source = 'city' and p.status = 'paid')`;

/** The figures of a cell (db/schema/stats.ts `cellFigures`), in the table's order. */
const CELL_FIGURES = [
  'n',
  'submitted',
  'unit_approved',
  'process_paid',
  'migrant',
  'hardship',
  'key_industry',
  'frontline',
];
const CELL_NON_ZERO = CELL_FIGURES.map((c) => `${c} <> 0`).join(' or ');
/** The per-level-2 cells as the sums of the per-grassroots cells in `cells`. */
const unionCells = (
  cells: string,
) => `select round_id, level2_id, status, ${CELL_FIGURES.map((c) => `sum(${c})`).join(', ')}
  from ${cells} group by 1, 2, 3`;

/** Table → the SELECT of its expected content, columns in the table's order (stats_union_cells after stats_cells). */
export const EXPECTED: Record<string, { select: string; nonZero: string }> = {
  stats_cells: {
    select: `select a.round_id, a.level2_id, a.organization_id, a.status, count(*), sum(a.submitted_at is not null),
      sum(${UNIT_APPROVED('a')}), sum(${PROCESS_PAID('a')}),
      sum(coalesce(w.is_migrant, 0)), sum(coalesce(w.is_hardship, 0)), sum(coalesce(w.is_key_industry, 0)), sum(coalesce(w.is_frontline, 0))
      from applications a left join workers w on w.id = a.worker_id group by 1, 2, 3, 4`,
    nonZero: CELL_NON_ZERO,
  },
  stats_union_cells: { select: unionCells('stats_cells'), nonZero: CELL_NON_ZERO },
  stats_institution_cells: {
    select:
      'select round_id, level2_id, coalesce(institution_id, 0), status, count(*) from applications group by 1, 2, 3, 4',
    nonZero: 'n <> 0',
  },
  stats_turnaround: {
    select: `select a.round_id, a.level2_id, r.step, ${turnaroundTenths('r', 'a.submitted_at')}, count(*)
      from reviews r join applications a on a.id = r.application_id group by 1, 2, 3, 4`,
    nonZero: 'n <> 0',
  },
  stats_payments: {
    select: `select a.round_id, a.level2_id, p.stage, p.source, p.status, sum(p.amount_fen), count(*)
      from payments p join applications a on a.id = p.application_id group by 1, 2, 3, 4, 5`,
    nonZero: 'n <> 0 or fen <> 0',
  },
  stats_refunds: {
    select: `select a.round_id, a.level2_id, f.status, sum(f.amount_fen), count(*)
      from refunds f join applications a on a.id = f.application_id group by 1, 2, 3`,
    nonZero: 'n <> 0 or fen <> 0',
  },
};

/** Refills every cell from the rows, in EXPECTED's order (call inside a transaction, with the triggers dropped or not). */
export function rebuildStats(raw: Database.Database): void {
  for (const [table, e] of Object.entries(EXPECTED)) {
    raw.exec(`delete from ${table}`);
    raw.exec(`insert into ${table} ${e.select}`);
  }
}

/**
 * Cells that differ from what the rows imply, per table (0 everywhere when exact). Each expected table
 * is computed once into a temporary table, then compared both ways.
 */
export function statsDrift(raw: Database.Database): Record<string, number> {
  const out: Record<string, number> = {};
  const made: string[] = [];
  try {
    for (const [table, e] of Object.entries(EXPECTED)) {
      const temp = `temp.expected_${table}`;
      const cols = raw.prepare('select name from pragma_table_info(?)').pluck().all(table) as string[];
      // The per-union cells are summed from the expected per-grassroots ones, not from the stored ones.
      const select = table === 'stats_union_cells' ? unionCells('temp.expected_stats_cells') : e.select;
      raw.exec(`drop table if exists ${temp}`);
      raw.exec(`create table ${temp} as with e(${cols.join(', ')}) as (${select}) select * from e`);
      made.push(temp);
      const stored = `select * from ${table} where ${e.nonZero}`;
      out[table] = raw
        .prepare(
          `select (select count(*) from (${stored} except select * from ${temp}))
        + (select count(*) from (select * from ${temp} except ${stored}))`,
        )
        .pluck()
        .get() as number;
    }
  } finally {
    for (const t of made) raw.exec(`drop table if exists ${t}`);
  }
  return out;
}
