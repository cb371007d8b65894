import { and, eq, sql } from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../../../db/client';
import { allocations, applications, fundReturns } from '../../../db/schema';
import { NONE, scopeFor } from '../../lib/scope';
import { prepared } from '../../lib/ra-list';
import type { SessionUser } from '../../lib/context';
import { chinaDate } from '../../domain/eligibility';
import {
  EVER_APPROVED,
  GRADUATED,
  isIn,
  PAST_PROCESS,
  PLACE_HOLDING_SQL,
  sqlList,
} from '../../domain/lifecycle';
import { NO_START } from '../../../db/stats';

const dialect = new SQLiteSyncDialect();

/**
 * R15: the city's performance view, and the same view of a level-2 union's (or a unit's) own subtree.
 * Nothing is cached: the city's and a level-2 union's figures are sums of the statistics cells that
 * triggers keep in the transaction of every write (db/schema/stats.ts); a unit's come from its rows.
 */
export interface Scope {
  where: string;
  params: unknown[];
  groupCol: 'level2_id' | 'organization_id';
}

/**
 * The applications a user's figures count: the one scope of every list (server/lib/scope.ts), as a
 * subquery, never a second copy of it in SQL text. Only the grouping depends on the level here.
 */
export function statsScope(u: SessionUser): Scope {
  const q = dialect.sqlToQuery(
    sql`select ${applications.id} from ${applications} where ${scopeFor('applications', u) ?? sql`1`}`,
  );
  return {
    where: `a.id in (${q.sql})`,
    params: q.params,
    groupCol: u.orgLevel === 1 ? 'level2_id' : 'organization_id',
  };
}

/** R15: approved at some point (a place taken), and past the process subsidy (the completion rate's base). */
const APPROVED = sqlList(EVER_APPROVED);
const PAID = sqlList(PAST_PROCESS);

const FUNNEL = [
  ['submitted', 'a.submitted_at is not null'],
  [
    'unitApproved',
    "exists (select 1 from reviews r where r.application_id = a.id and r.step = 1 and r.decision = 'approve')",
  ],
  ['approved', `a.status in ${APPROVED}`],
  [
    'processPaid',
    `a.status in ${PAID} and exists (select 1 from payments p where p.application_id = a.id and p.stage = 'process' and p.source = 'city' and p.status = 'paid')`,
  ],
  ['graduated', `a.status in ${sqlList(GRADUATED)}`],
  ['completed', "a.status = 'completed'"],
] as const;

/**
 * The view for a user: the city and a level-2 union's staff from the trigger-kept cells (a few
 * thousand rows for a round of a province), a grassroots clerk's small subtree from its rows.
 */
export function overview(db: Db, u: SessionUser, roundId: number | null, now: Date) {
  const view =
    u.orgLevel === 1 || u.role !== 'unit_admin'
      ? overviewFromCells(db, u, roundId, now)
      : overviewFromRows(db, u, roundId, now);
  return { ...view, plan: u.orgLevel === 1 ? planOf(db, roundId, view.unions) : null };
}

/**
 * R18: the plan beside its quotas, the places used and the waitlist, for the city (the round's, or
 * every round's summed): plannedPlaces ≥ quotaSum is the rule, used and waitlisted what fill them.
 */
function planOf(db: Db, roundId: number | null, unions: { cityUsed: number; waitlisted: number }[]) {
  const where = roundId ? 'where id = ?' : '';
  const row = prepared(
    db,
    `select coalesce(sum(planned_places), 0) plannedPlaces,
      (select coalesce(sum(places), 0) from quotas ${roundId ? 'where round_id = ?' : ''}) quotaSum from rounds ${where}`,
  ).get(...(roundId ? [roundId, roundId] : [])) as { plannedPlaces: number; quotaSum: number };
  return {
    ...row,
    // R8: only city-funded places fill the city's plan; a union's own places are beside it.
    used: unions.reduce((t, r) => t + r.cityUsed, 0),
    waitlisted: unions.reduce((t, r) => t + r.waitlisted, 0),
  };
}

const rate = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);

/** Rankings and rates over the per-union and per-institution counts, the same for both sources. */
function finish(base: {
  roundId: number | null;
  scope: 'city' | 'union';
  funnel: Record<string, number | null>;
  byStatus: { status: string; n: number }[];
  perUnion: {
    id: number;
    name: string;
    submitted: number;
    approved: number;
    rejected: number;
    waitlisted: number;
    droppedOut: number;
    processPaid: number;
    completed: number;
    places: number | null;
    /** R8: city-funded applications holding a place now: what the quota is used by. */
    cityUsed: number;
    /** R18: what the quota proposal gave (null: the quotas were not committed from one). */
    proposed?: number | null;
  }[];
  perInstitution: {
    id: number;
    name: string;
    approved: number;
    droppedOut: number;
    processPaid: number;
    completed: number;
  }[];
  turnaround: { step: number; reviews: number; medianDays: number | null }[];
  money: Record<string, number | null>;
  priority: Record<string, number | null>;
  overdueAppeals: number;
}) {
  const unions = base.perUnion.map((r) => ({
    ...r,
    approvalRate: rate(r.approved, r.approved + r.rejected),
    dropoutRate: rate(r.droppedOut, r.approved),
    completionRate: rate(r.completed, r.processPaid),
    quotaUse: r.places ? rate(r.cityUsed, r.places) : null,
  }));
  // R15: by completion rate, highest first, ties by more approved then by name; a union with no
  // completion rate yet (nobody past the process subsidy) is listed after every ranked one, unranked.
  const ranking = [...unions]
    .filter((r) => r.approved > 0)
    .sort(
      (a, b) =>
        Number(a.completionRate === null) - Number(b.completionRate === null) ||
        (b.completionRate ?? 0) - (a.completionRate ?? 0) ||
        b.approved - a.approved ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .slice(0, 10)
    .map((r, i) => ({
      rank: r.completionRate === null ? null : i + 1,
      id: r.id,
      name: r.name,
      completionRate: r.completionRate,
      approved: r.approved,
    }));
  return {
    roundId: base.roundId,
    scope: base.scope,
    funnel: base.funnel,
    byStatus: base.byStatus,
    unions,
    institutions: base.perInstitution.map((r) => ({
      ...r,
      dropoutRate: rate(r.droppedOut, r.approved),
      completionRate: rate(r.completed, r.processPaid),
    })),
    ranking,
    turnaround: base.turnaround,
    money: base.money,
    priority: base.priority,
    overdueAppeals: base.overdueAppeals,
  };
}

/**
 * Money outside the applications' rows: allocations, fund returns and the round's budget (small
 * tables), each through the scope of its own list. A grassroots clerk has none of the district's
 * money to see (`/allocations` and `/fund-returns` refuse it too): its figures are null, not its
 * district's.
 */
function moneyAround(db: Db, u: SessionUser, roundId: number | null) {
  const inRound = (col: SQLiteColumn) => (roundId ? eq(col, roundId) : undefined);
  const allocScope = scopeFor('allocations', u);
  const returnScope = scopeFor('fund-returns', u);
  const allocated =
    allocScope === NONE
      ? null
      : db
          .select({
            a: sql<number | null>`sum(${allocations.amountFen})`,
            r: sql<
              number | null
            >`sum(case when ${allocations.status} = 'received' then ${allocations.amountFen} end)`,
          })
          .from(allocations)
          .where(and(allocScope, inRound(allocations.roundId)))
          .get()!;
  const returned =
    returnScope === NONE
      ? null
      : db
          .select({ f: sql<number | null>`sum(${fundReturns.amountFen})` })
          .from(fundReturns)
          .where(and(returnScope, inRound(fundReturns.roundId)))
          .get()!;
  const one = <T>(text: string, p: unknown[]) => prepared(db, text).get(...p) as T;
  const budget = roundId
    ? one<{ f: number | null }>(
        'select planned_places * (process_amount_fen + result_amount_fen) f from rounds where id = ?',
        [roundId],
      )
    : one<{ f: number | null }>(
        'select sum(planned_places * (process_amount_fen + result_amount_fen)) f from rounds',
        [],
      );
  return { allocated, returned, budget };
}

function moneyOf(
  paid: { stage: string; source: string; status: string; fen: number }[],
  refundedFen: number,
  around: ReturnType<typeof moneyAround>,
  cityWide: boolean,
) {
  const sumPaid = (f: (r: (typeof paid)[number]) => boolean) => paid.filter(f).reduce((t, r) => t + r.fen, 0);
  const { allocated, returned, budget } = around;
  const cityPaid = sumPaid((r) => r.source === 'city' && r.status === 'paid');
  return {
    budgetedFen: cityWide ? (budget.f ?? 0) : null,
    allocatedFen: allocated ? (allocated.a ?? 0) : null,
    receivedFen: allocated ? (allocated.r ?? 0) : null,
    paidFen: cityPaid,
    paidProcessFen: sumPaid((r) => r.source === 'city' && r.status === 'paid' && r.stage === 'process'),
    paidResultFen: sumPaid((r) => r.source === 'city' && r.status === 'paid' && r.stage === 'result'),
    pendingFen: sumPaid((r) => r.source === 'city' && r.status === 'pending'),
    failedFen: sumPaid((r) => r.source === 'city' && r.status === 'failed'),
    refundedFen,
    returnedFen: returned ? (returned.f ?? 0) : null,
    // Received less paid and returned: only where the allocations are the viewer's to see.
    heldFen: allocated && returned ? (allocated.r ?? 0) - cityPaid - (returned.f ?? 0) : null,
    matchingPaidFen: sumPaid((r) => r.source === 'matching' && r.status === 'paid'),
  };
}

const overdue = (db: Db, where: string, params: unknown[], roundCond: string, now: Date) =>
  (
    prepared(
      db,
      `select count(*) n from appeals x
  join applications a on a.id = x.application_id where x.status = 'open' and x.due_on < ? and ${where} ${roundCond}`,
    ).get(chinaDate(now), ...params) as { n: number }
  ).n;

/** The city's view, or a level-2 union's, summed from the statistics cells (db/schema/stats.ts). */
export function overviewFromCells(db: Db, u: SessionUser, roundId: number | null, now: Date) {
  const cityWide = u.orgLevel === 1;
  const where = [cityWide ? '' : 'c.level2_id = ?', roundId ? 'c.round_id = ?' : ''].filter(Boolean);
  const params = [...(cityWide ? [] : [u.organizationId]), ...(roundId ? [roundId] : [])];
  const cond = (...more: string[]) => {
    const all = [...where, ...more];
    return all.length ? `where ${all.join(' and ')}` : '';
  };
  const all = <T>(sql: string, p: unknown[] = params) => prepared(db, sql).all(...p) as T[];
  const one = <T>(sql: string, p: unknown[] = params) => prepared(db, sql).get(...p) as T;
  const staff = cond("c.status <> 'draft'");

  // One pass over the cells of the scope, by union and status; the funnel, the statuses, the unions'
  // rows and the priority shares are summed from it here. The city reads the per-union table.
  const groupCol = cityWide ? 'level2_id' : 'organization_id';
  const rows = all<{
    g: number;
    status: string;
    n: number;
    submitted: number;
    unitApproved: number;
    processPaid: number;
    migrant: number;
    hardship: number;
    keyIndustry: number;
    frontline: number;
  }>(`
    select c.${groupCol} g, c.status, sum(c.n) n, sum(c.submitted) submitted, sum(c.unit_approved) unitApproved, sum(c.process_paid) processPaid,
      sum(c.migrant) migrant, sum(c.hardship) hardship, sum(c.key_industry) keyIndustry, sum(c.frontline) frontline
    from ${cityWide ? 'stats_union_cells' : 'stats_cells'} c ${staff} group by 1, 2`);
  const sum = (
    f: (r: (typeof rows)[number]) => number,
    where: (r: (typeof rows)[number]) => boolean = () => true,
    of = rows,
  ) => of.reduce((t, r) => t + (where(r) ? f(r) : 0), 0);
  const approved = (r: { status: string }) => isIn(EVER_APPROVED, r.status);
  const processPaid = (r: { status: string }) => isIn(PAST_PROCESS, r.status);
  // A sum over no application is null, as SQL's SUM says it.
  const some = sum((r) => r.n) > 0;
  const orNull = (v: number) => (some ? v : null);
  const funnel = {
    submitted: orNull(sum((r) => r.submitted)),
    unitApproved: orNull(sum((r) => r.unitApproved)),
    approved: orNull(sum((r) => r.n, approved)),
    processPaid: orNull(sum((r) => r.processPaid, processPaid)),
    graduated: orNull(
      sum(
        (r) => r.n,
        (r) => isIn(GRADUATED, r.status),
      ),
    ),
    completed: orNull(
      sum(
        (r) => r.n,
        (r) => r.status === 'completed',
      ),
    ),
  };
  const pTotal = sum((r) => r.n, approved);
  const pSum = (f: (r: (typeof rows)[number]) => number) => (pTotal > 0 ? sum(f, approved) : null);
  const priority = {
    total: pTotal,
    migrant: pSum((r) => r.migrant),
    hardship: pSum((r) => r.hardship),
    keyIndustry: pSum((r) => r.keyIndustry),
    frontline: pSum((r) => r.frontline),
  };
  const statuses = [...new Set(rows.map((r) => r.status))].sort();
  const byStatus = statuses
    .map((status) => ({
      status,
      n: sum(
        (r) => r.n,
        (r) => r.status === status,
      ),
    }))
    .filter((r) => r.n > 0);

  const groups = [...new Set(rows.map((r) => r.g))].sort((a, b) => a - b);
  const names = new Map(
    all<{ id: number; name: string }>(
      'select id, name from organizations where id in (select value from json_each(?))',
      [JSON.stringify(groups)],
    ).map((o) => [o.id, o.name]),
  );
  const places = cityWide
    ? new Map(
        all<{ id: number; p: number; pp: number | null }>(
          `select organization_id id, sum(places) p, sum(proposed_places) pp from quotas ${roundId ? 'where round_id = ?' : ''} group by 1`,
          roundId ? [roundId] : [],
        ).map((q) => [q.id, q]),
      )
    : null;
  const cityUsed = new Map(
    all<{ g: number; n: number }>(
      `select a.${groupCol} g, count(*) n from applications a
      where a.funded_by = 'city' and a.status in ${PLACE_HOLDING_SQL}
        ${cityWide ? '' : 'and a.level2_id = ?'} ${roundId ? 'and a.round_id = ?' : ''} group by 1`,
    ).map((r) => [r.g, r.n]),
  );
  const perUnion = groups
    .filter((g) => names.has(g))
    .map((g) => {
      const mine = rows.filter((r) => r.g === g);
      const n = (where: (r: (typeof rows)[number]) => boolean) => sum((r) => r.n, where, mine);
      return {
        id: g,
        name: names.get(g)!,
        submitted: sum((r) => r.submitted, undefined, mine),
        approved: n(approved),
        rejected: n((r) => r.status === 'rejected'),
        waitlisted: n((r) => r.status === 'waitlisted'),
        droppedOut: n((r) => r.status === 'dropped_out'),
        processPaid: n(processPaid),
        completed: n((r) => r.status === 'completed'),
        places: places?.get(g)?.p ?? null,
        proposed: places?.get(g)?.pp ?? null,
        cityUsed: cityUsed.get(g) ?? 0,
        total: n(() => true),
      };
    })
    .filter((r) => r.total > 0)
    .map(({ total: _, ...r }) => r);

  const perInstitution = all<{
    id: number;
    name: string;
    approved: number;
    droppedOut: number;
    processPaid: number;
    completed: number;
  }>(`
    select i.id, i.name, sum(case when c.status in ${APPROVED} then c.n else 0 end) approved,
      sum(case when c.status = 'dropped_out' then c.n else 0 end) droppedOut, sum(case when c.status in ${PAID} then c.n else 0 end) processPaid,
      sum(case when c.status = 'completed' then c.n else 0 end) completed
    from stats_institution_cells c join institutions i on i.id = c.institution_id ${staff}
    group by i.id having sum(c.n) > 0 order by approved desc, i.id`);

  // The lower median of each step, read off the cumulative counts of its turnaround tenths.
  const cells = all<{
    step: number;
    tenths: number;
    n: number;
  }>(`select c.step, c.tenths, sum(c.n) n from stats_turnaround c ${cond()}
    group by c.step, c.tenths having sum(c.n) <> 0 order by c.step, c.tenths`);
  const turnaround = [1, 2, 3].map((step) => {
    const mine = cells.filter((c) => c.step === step);
    const reviews = mine.reduce((t, c) => t + c.n, 0);
    let medianDays: number | null = null;
    if (reviews) {
      const k = Math.floor((reviews - 1) / 2);
      let seen = 0;
      const at = mine.find((c) => (seen += c.n) > k)!;
      medianDays = at.tenths === NO_START ? null : at.tenths / 10;
    }
    return { step, reviews, medianDays };
  });

  const paid = all<{
    stage: string;
    source: string;
    status: string;
    fen: number;
  }>(`select c.stage, c.source, c.status, sum(c.fen) fen
    from stats_payments c ${cond()} group by 1, 2, 3`);
  const refunded =
    one<{ f: number | null }>(`select sum(c.fen) f from stats_refunds c ${cond("c.status = 'confirmed'")}`)
      .f ?? 0;
  const money = moneyOf(paid, refunded, moneyAround(db, u, roundId), cityWide);

  const aWhere = ["a.status <> 'draft'", ...(cityWide ? [] : ['a.level2_id = ?'])].join(' and ');
  const overdueAppeals = overdue(
    db,
    aWhere,
    [...(cityWide ? [] : [u.organizationId]), ...(roundId ? [roundId] : [])],
    roundId ? 'and a.round_id = ?' : '',
    now,
  );

  return finish({
    roundId,
    scope: cityWide ? 'city' : 'union',
    funnel,
    byStatus,
    perUnion,
    perInstitution,
    turnaround,
    money,
    priority,
    overdueAppeals,
  });
}

/** Any scope computed from its rows: a grassroots clerk's, and the reference the cells are tested against. */
export function overviewFromRows(db: Db, u: SessionUser, roundId: number | null, now: Date) {
  const s = statsScope(u);
  const roundCond = roundId ? 'and a.round_id = ?' : '';
  const params = roundId ? [...s.params, roundId] : s.params;
  const one = <T>(sql: string, p: unknown[] = params) => prepared(db, sql).get(...p) as T;
  const all = <T>(sql: string, p: unknown[] = params) => prepared(db, sql).all(...p) as T[];
  const base = `from applications a where ${s.where} ${roundCond}`;

  const funnel = one<Record<string, number>>(
    `select ${FUNNEL.map(([k, cond]) => `sum(case when ${cond} then 1 else 0 end) ${k}`).join(', ')} ${base}`,
  );
  const byStatus = all<{ status: string; n: number }>(
    `select a.status, count(*) n ${base} group by a.status`,
  );

  const perUnion = all<{
    id: number;
    name: string;
    submitted: number;
    approved: number;
    rejected: number;
    waitlisted: number;
    droppedOut: number;
    processPaid: number;
    completed: number;
    places: number | null;
    cityUsed: number;
    proposed: number | null;
  }>(
    `
    select o.id, o.name,
      sum(a.funded_by = 'city' and a.status in ${PLACE_HOLDING_SQL}) cityUsed,
      sum(a.submitted_at is not null) submitted,
      sum(a.status in ${APPROVED}) approved,
      sum(a.status = 'rejected') rejected, sum(a.status = 'waitlisted') waitlisted, sum(a.status = 'dropped_out') droppedOut,
      sum(a.status in ${PAID}) processPaid, sum(a.status = 'completed') completed,
      ${s.groupCol === 'level2_id' ? `(select sum(q.places) from quotas q where q.organization_id = o.id ${roundId ? 'and q.round_id = ?' : ''})` : 'null'} places,
      ${s.groupCol === 'level2_id' ? `(select sum(q.proposed_places) from quotas q where q.organization_id = o.id ${roundId ? 'and q.round_id = ?' : ''})` : 'null'} proposed
    from applications a join organizations o on o.id = a.${s.groupCol}
    where ${s.where} ${roundCond} group by o.id order by o.id`,
    s.groupCol === 'level2_id' && roundId ? [roundId, roundId, ...params] : params,
  );

  const perInstitution = all<{
    id: number;
    name: string;
    approved: number;
    droppedOut: number;
    processPaid: number;
    completed: number;
  }>(`
    select i.id, i.name, sum(a.status in ${APPROVED}) approved,
      sum(a.status = 'dropped_out') droppedOut, sum(a.status in ${PAID}) processPaid,
      sum(a.status = 'completed') completed
    from applications a join institutions i on i.id = a.institution_id where ${s.where} ${roundCond} group by i.id order by approved desc, i.id`);

  // Review turnaround per level: days from the step before (submission, or the previous review) to the decision.
  const turnaround = [1, 2, 3].map((step) => {
    const rows = all<{ d: number }>(
      `select julianday(r.created_at) - julianday(coalesce(
        (select max(r2.created_at) from reviews r2 where r2.application_id = r.application_id and r2.step < r.step and r2.created_at <= r.created_at),
        a.submitted_at)) d
      from reviews r join applications a on a.id = r.application_id where r.step = ? and ${s.where} ${roundCond} order by d`,
      [step, ...params],
    );
    const mid = rows.length ? rows[Math.floor((rows.length - 1) / 2)].d : null;
    return { step, reviews: rows.length, medianDays: mid === null ? null : Math.round(mid * 10) / 10 };
  });

  const moneyParams = roundId ? [...s.params, roundId] : s.params;
  const paid = all<{ stage: string; source: string; status: string; fen: number; n: number }>(
    `select p.stage, p.source, p.status, sum(p.amount_fen) fen, count(*) n
    from payments p join applications a on a.id = p.application_id where ${s.where} ${roundCond} group by 1, 2, 3`,
    moneyParams,
  );
  const refunded = one<{ f: number | null }>(
    `select sum(f.amount_fen) f from refunds f join applications a on a.id = f.application_id where f.status = 'confirmed' and ${s.where} ${roundCond}`,
    moneyParams,
  );
  const cityWide = s.groupCol === 'level2_id';
  const money = moneyOf(paid, refunded.f ?? 0, moneyAround(db, u, roundId), cityWide);

  const priority = one<
    Record<string, number>
  >(`select count(*) total, sum(w.is_migrant) migrant, sum(w.is_hardship) hardship,
      sum(w.is_key_industry) keyIndustry, sum(w.is_frontline) frontline
    from applications a join workers w on w.id = a.worker_id
    where a.status in ${APPROVED} and ${s.where} ${roundCond}`);
  const overdueAppeals = overdue(db, s.where, params, roundCond, now);

  return finish({
    roundId,
    scope: cityWide ? 'city' : 'union',
    funnel,
    byStatus,
    perUnion,
    perInstitution,
    turnaround,
    money,
    priority,
    overdueAppeals,
  });
}
