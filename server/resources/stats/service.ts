import type { Db } from '../../../db/client';
import type { SessionUser } from '../../lib/context';
import { chinaDate } from '../../domain/eligibility';

/**
 * R15: the city's performance view, and the same view of a level-2 union's (or a unit's) own subtree.
 * Every figure comes from one scoped pass per concern; nothing is cached, so nothing is stale.
 */
export interface Scope { where: string; params: unknown[]; groupCol: 'level2_id' | 'organization_id' }

export function statsScope(u: SessionUser): Scope {
  // Drafts are the worker's (or its unit's) business until submitted, in the figures as in the lists.
  if (u.orgLevel === 1) return { where: "a.status <> 'draft'", params: [], groupCol: 'level2_id' };
  if (u.role !== 'unit_admin') return { where: "a.level2_id = ? and a.status <> 'draft'", params: [u.organizationId], groupCol: 'organization_id' };
  if (u.orgLevel === 2) return { where: 'a.level2_id = ?', params: [u.organizationId], groupCol: 'organization_id' };
  return { where: 'a.organization_id = ?', params: [u.organizationId], groupCol: 'organization_id' };
}

const FUNNEL = [
  ['submitted', "a.submitted_at is not null"],
  ['unitApproved', "exists (select 1 from reviews r where r.application_id = a.id and r.step = 1 and r.decision = 'approve')"],
  ['approved', "a.status in ('approved','process_paid','graduated','completed','dropped_out','lapsed')"],
  ['processPaid', "a.status in ('process_paid','graduated','completed','dropped_out','lapsed') and exists (select 1 from payments p where p.application_id = a.id and p.stage = 'process' and p.source = 'city' and p.status = 'paid')"],
  ['graduated', "a.status in ('graduated','completed')"],
  ['completed', "a.status = 'completed'"],
] as const;

export function overview(db: Db, u: SessionUser, roundId: number | null, now: Date) {
  const s = statsScope(u);
  const roundCond = roundId ? 'and a.round_id = ?' : '';
  const params = roundId ? [...s.params, roundId] : s.params;
  const one = <T>(sql: string, p: unknown[] = params) => db.$client.prepare(sql).get(...p) as T;
  const all = <T>(sql: string, p: unknown[] = params) => db.$client.prepare(sql).all(...p) as T[];
  const base = `from applications a where ${s.where} ${roundCond}`;

  const funnel = one<Record<string, number>>(`select ${FUNNEL.map(([k, cond]) => `sum(case when ${cond} then 1 else 0 end) ${k}`).join(', ')} ${base}`);
  const byStatus = all<{ status: string; n: number }>(`select a.status, count(*) n ${base} group by a.status`);

  const perUnion = all<{ id: number; name: string; submitted: number; approved: number; rejected: number; waitlisted: number; droppedOut: number; processPaid: number; completed: number; places: number | null }>(`
    select o.id, o.name,
      sum(a.submitted_at is not null) submitted,
      sum(a.status in ('approved','process_paid','graduated','completed','dropped_out','lapsed')) approved,
      sum(a.status = 'rejected') rejected, sum(a.status = 'waitlisted') waitlisted, sum(a.status = 'dropped_out') droppedOut,
      sum(a.status in ('process_paid','graduated','completed','dropped_out','lapsed')) processPaid, sum(a.status = 'completed') completed,
      ${s.groupCol === 'level2_id' ? `(select sum(q.places) from quotas q where q.organization_id = o.id ${roundId ? 'and q.round_id = ?' : ''})` : 'null'} places
    from applications a join organizations o on o.id = a.${s.groupCol}
    where ${s.where} ${roundCond} group by o.id order by o.id`, s.groupCol === 'level2_id' && roundId ? [roundId, ...params] : params);

  const perInstitution = all<{ id: number; name: string; approved: number; droppedOut: number; processPaid: number; completed: number }>(`
    select i.id, i.name, sum(a.status in ('approved','process_paid','graduated','completed','dropped_out','lapsed')) approved,
      sum(a.status = 'dropped_out') droppedOut, sum(a.status in ('process_paid','graduated','completed','dropped_out','lapsed')) processPaid,
      sum(a.status = 'completed') completed
    from applications a join institutions i on i.id = a.institution_id where ${s.where} ${roundCond} group by i.id order by approved desc`);

  const rate = (num: number, den: number) => (den ? Math.round((num / den) * 1000) / 10 : null);
  const unions = perUnion.map((r) => ({
    ...r, approvalRate: rate(r.approved, r.approved + r.rejected), dropoutRate: rate(r.droppedOut, r.approved),
    completionRate: rate(r.completed, r.processPaid), quotaUse: r.places ? rate(r.approved - r.droppedOut, r.places) : null,
  }));
  const ranking = [...unions].filter((r) => r.approved > 0)
    .sort((a, b) => (b.completionRate ?? -1) - (a.completionRate ?? -1) || b.approved - a.approved).slice(0, 10)
    .map((r, i) => ({ rank: i + 1, id: r.id, name: r.name, completionRate: r.completionRate, approved: r.approved }));

  // Review turnaround per level: days from the step before (submission, or the previous review) to the decision.
  const turnaround = [1, 2, 3].map((step) => {
    const rows = all<{ d: number }>(`select julianday(r.created_at) - julianday(coalesce(
        (select max(r2.created_at) from reviews r2 where r2.application_id = r.application_id and r2.step < r.step and r2.created_at <= r.created_at),
        a.submitted_at)) d
      from reviews r join applications a on a.id = r.application_id where r.step = ? and ${s.where} ${roundCond} order by d`, [step, ...params]);
    const mid = rows.length ? rows[Math.floor((rows.length - 1) / 2)].d : null;
    return { step, reviews: rows.length, medianDays: mid === null ? null : Math.round(mid * 10) / 10 };
  });

  const moneyParams = roundId ? [...s.params, roundId] : s.params;
  const paid = all<{ stage: string; source: string; status: string; fen: number; n: number }>(`select p.stage, p.source, p.status, sum(p.amount_fen) fen, count(*) n
    from payments p join applications a on a.id = p.application_id where ${s.where} ${roundCond} group by 1, 2, 3`, moneyParams);
  const sumPaid = (f: (r: typeof paid[number]) => boolean) => paid.filter(f).reduce((t, r) => t + r.fen, 0);
  const orgCond = s.groupCol === 'level2_id' ? '1' : 'x.organization_id = ?';
  const orgParam = s.groupCol === 'level2_id' ? [] : [u.level2Id];
  const xRound = roundId ? 'and x.round_id = ?' : '';
  const xParams = roundId ? [...orgParam, roundId] : orgParam;
  const allocated = one<{ a: number | null; r: number | null }>(`select sum(x.amount_fen) a, sum(case when x.status = 'received' then x.amount_fen end) r from allocations x where ${orgCond} ${xRound}`, xParams);
  const returned = one<{ f: number | null }>(`select sum(x.amount_fen) f from fund_returns x where ${orgCond} ${xRound}`, xParams);
  const refunded = one<{ f: number | null }>(`select sum(f.amount_fen) f from refunds f join applications a on a.id = f.application_id where f.status = 'confirmed' and ${s.where} ${roundCond}`, moneyParams);
  const budget = roundId
    ? one<{ f: number | null }>('select planned_places * (process_amount_fen + result_amount_fen) f from rounds where id = ?', [roundId])
    : one<{ f: number | null }>('select sum(planned_places * (process_amount_fen + result_amount_fen)) f from rounds', []);
  const cityPaid = sumPaid((r) => r.source === 'city' && r.status === 'paid');
  const money = {
    budgetedFen: s.groupCol === 'level2_id' ? budget.f ?? 0 : null,
    allocatedFen: allocated.a ?? 0, receivedFen: allocated.r ?? 0,
    paidFen: cityPaid, paidProcessFen: sumPaid((r) => r.source === 'city' && r.status === 'paid' && r.stage === 'process'),
    paidResultFen: sumPaid((r) => r.source === 'city' && r.status === 'paid' && r.stage === 'result'),
    pendingFen: sumPaid((r) => r.source === 'city' && r.status === 'pending'),
    failedFen: sumPaid((r) => r.source === 'city' && r.status === 'failed'),
    refundedFen: refunded.f ?? 0, returnedFen: returned.f ?? 0,
    heldFen: (allocated.r ?? 0) - cityPaid - (returned.f ?? 0),
    matchingPaidFen: sumPaid((r) => r.source === 'matching' && r.status === 'paid'),
  };

  const priority = one<Record<string, number>>(`select count(*) total, sum(w.is_migrant) migrant, sum(w.is_hardship) hardship,
      sum(w.is_key_industry) keyIndustry, sum(w.is_frontline) frontline
    from applications a join workers w on w.id = a.worker_id
    where a.status in ('approved','process_paid','graduated','completed','dropped_out','lapsed') and ${s.where} ${roundCond}`);
  const overdueAppeals = one<{ n: number }>(`select count(*) n from appeals x join applications a on a.id = x.application_id
    where x.status = 'open' and x.due_on < ? and ${s.where} ${roundCond}`, [chinaDate(now), ...params]).n;

  return {
    roundId, scope: s.groupCol === 'level2_id' ? 'city' : 'union', funnel, byStatus, unions, institutions: perInstitution.map((r) => ({
      ...r, dropoutRate: rate(r.droppedOut, r.approved), completionRate: rate(r.completed, r.processPaid),
    })), ranking, turnaround, money, priority, overdueAppeals,
  };
}
