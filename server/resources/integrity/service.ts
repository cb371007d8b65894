import type { Db } from '../../../db/client';
import { chinaDate } from '../../domain/eligibility';
import { PLACE_HOLDING_SQL } from '../../domain/lifecycle';
import { studyLengthProblem } from '../../domain/rounds';
import { verifyAuditChain } from '../../lib/audit';
import { statsDrift } from '../../../db/stats';

export interface Problem {
  invariant: number;
  detail: string;
}

/** I1–I7 of docs/rules.md: every money invariant, checked over the whole database. */
export function checkIntegrity(db: Db, now: Date = new Date()): { ok: boolean; problems: Problem[] } {
  const q = <T>(sqlText: string, ...params: unknown[]) => db.$client.prepare(sqlText).all(...params) as T[];
  const problems: Problem[] = [];
  // The daily sweep moves what the clock ends (R2, R7): a day's grace before its work counts as missing.
  const swept = addDays(chinaDate(now), -1);

  for (const r of q<{
    application_id: number;
    stage: string;
    source: string;
    n: number;
  }>(`select application_id, stage, source, count(*) n
    from payments where status in ('pending','paid') group by 1,2,3 having n > 1`)) {
    problems.push({
      invariant: 1,
      detail: `申请 #${r.application_id} 的 ${r.stage}/${r.source} 有 ${r.n} 笔有效发放`,
    });
  }

  for (const r of q<{ worker_id: number; education_level: string; paid: number; cap: number }>(`
    with paid as (
      select a.worker_id, a.education_level, sum(p.amount_fen) paid from payments p join applications a on a.id = p.application_id
      where p.status = 'paid' and p.source = 'city' group by 1, 2)
    select paid.*, (select max(r.process_amount_fen + r.result_amount_fen) from applications a2 join rounds r on r.id = a2.round_id
      where a2.worker_id = paid.worker_id and a2.education_level = paid.education_level) cap
    from paid where paid > cap`)) {
    problems.push({
      invariant: 2,
      detail: `职工 #${r.worker_id} ${r.education_level} 已发 ${r.paid} 分，超过 ${r.cap} 分`,
    });
  }
  for (const r of q<{ worker_id: number; paid: number; cap: number }>(`
    select a.worker_id, sum(p.amount_fen) paid, max(coalesce(m.process_amount_fen,0) + coalesce(m.result_amount_fen,0)) cap
    from payments p join applications a on a.id = p.application_id
    left join matching_policies m on m.round_id = a.round_id and m.organization_id = a.level2_id
    where p.status = 'paid' and p.source = 'matching' group by a.worker_id, a.education_level having paid > cap`)) {
    problems.push({
      invariant: 2,
      detail: `职工 #${r.worker_id} 配套资助已发 ${r.paid} 分，超过政策 ${r.cap} 分`,
    });
  }

  for (const r of q<{
    round_id: number;
    organization_id: number;
    stage: string;
    paid: number;
    received: number;
    returned: number;
  }>(`
    with paid as (select a.round_id, p.organization_id, p.stage, sum(p.amount_fen) paid from payments p join applications a on a.id = p.application_id
        where p.status = 'paid' and p.source = 'city' group by 1,2,3),
      recv as (select round_id, organization_id, stage, sum(amount_fen) received from allocations where status = 'received' group by 1,2,3),
      ret as (select round_id, organization_id, stage, sum(amount_fen) returned from fund_returns group by 1,2,3)
    select paid.round_id, paid.organization_id, paid.stage, paid.paid, coalesce(recv.received,0) received, coalesce(ret.returned,0) returned
    from paid left join recv using (round_id, organization_id, stage) left join ret using (round_id, organization_id, stage)
    where paid.paid > coalesce(recv.received,0) - coalesce(ret.returned,0)`)) {
    problems.push({
      invariant: 3,
      detail: `工会 #${r.organization_id} 批次 #${r.round_id} ${r.stage}: 已发 ${r.paid} > 到账 ${r.received} − 返还 ${r.returned}`,
    });
  }

  // I3 bookkeeping: an allocation is the sum of what it covers, a return the sum of its items, and
  // every city payment draws on a received allocation of its own union and stage.
  for (const r of q<{
    id: number;
  }>(`select a.id from allocations a left join (select allocation_id, sum(amount_fen) s, count(*) n
      from allocation_items group by 1) i on i.allocation_id = a.id where a.amount_fen <> coalesce(i.s, 0) or a.application_count <> coalesce(i.n, 0)
      or exists (select 1 from allocation_items x where x.allocation_id = a.id and x.stage <> a.stage)`)) {
    problems.push({ invariant: 3, detail: `拨付 #${r.id} 的金额或人数与所覆盖的申请不符` });
  }
  for (const r of q<{ id: number }>(
    `select f.id from fund_returns f where f.amount_fen <> (select coalesce(sum(amount_fen), 0) from fund_return_items i where i.fund_return_id = f.id)`,
  )) {
    problems.push({ invariant: 3, detail: `返还 #${r.id} 的金额与明细不符` });
  }
  for (const r of q<{
    id: number;
  }>(`select p.id from payments p join applications a on a.id = p.application_id
    where p.source = 'city' and p.status <> 'cancelled' and (p.organization_id <> a.level2_id or not exists (select 1 from allocation_items i
      join allocations al on al.id = i.allocation_id where i.allocation_id = p.allocation_id and i.application_id = p.application_id
      and i.stage = p.stage and al.organization_id = p.organization_id and al.status = 'received'))`)) {
    problems.push({ invariant: 3, detail: `发放 #${r.id} 没有对应的已到账拨付` });
  }

  for (const r of q<{
    id: number;
    status: string;
    amount_fen: number;
    paid: number | null;
    pstatus: string | null;
    stage: string | null;
  }>(`
    select f.id, a.status, f.amount_fen, p.amount_fen paid, p.status pstatus, p.stage from refunds f
    join applications a on a.id = f.application_id left join payments p on p.id = f.payment_id
    where a.status <> 'dropped_out' or p.status is not 'paid' or p.stage is not 'process' or f.amount_fen > p.amount_fen`)) {
    problems.push({
      invariant: 4,
      detail: `退款 #${r.id}: 申请状态 ${r.status}，发放 ${r.pstatus ?? '无'}，金额 ${r.amount_fen} / 已发 ${r.paid ?? 0}`,
    });
  }

  for (const r of q<{
    id: number;
  }>(`select p.id from payments p join applications a on a.id = p.application_id join rounds r on r.id = a.round_id
    where p.stage = 'result' and p.status in ('pending','paid')
      and (a.graduation_verified_at is null or a.graduated_on is null or a.graduated_on > r.graduation_deadline)`)) {
    problems.push({ invariant: 5, detail: `结果资助发放 #${r.id} 没有期限内已核验的毕业` });
  }

  clockInvariants(q, swept, problems);

  for (const r of q<{ round_id: number; level2_id: number; n: number; places: number | null }>(`
    select a.round_id, a.level2_id, count(*) n, q.places from applications a
    left join quotas q on q.round_id = a.round_id and q.organization_id = a.level2_id
    where a.status in ${PLACE_HOLDING_SQL} and a.funded_by = 'city' group by 1, 2 having n > coalesce(q.places, 0)`)) {
    problems.push({
      invariant: 6,
      detail: `工会 #${r.level2_id} 批次 #${r.round_id}: 通过 ${r.n} 人，名额 ${r.places ?? 0}`,
    });
  }
  // R8: the places a union funds itself never exceed its policy's, and the city's money never reaches them.
  for (const r of q<{ round_id: number; level2_id: number; n: number; places: number | null }>(`
    select a.round_id, a.level2_id, count(*) n, m.extra_places places from applications a
    left join matching_policies m on m.round_id = a.round_id and m.organization_id = a.level2_id
    where a.status in ${PLACE_HOLDING_SQL} and a.funded_by = 'union' group by 1, 2 having n > coalesce(m.extra_places, 0)`)) {
    problems.push({
      invariant: 6,
      detail: `工会 #${r.level2_id} 批次 #${r.round_id}: 本会出资名额通过 ${r.n} 人，政策名额 ${r.places ?? 0}`,
    });
  }
  for (const r of q<{ id: number }>(`select a.id from applications a where a.funded_by = 'union' and (
      exists (select 1 from allocation_items i where i.application_id = a.id)
      or exists (select 1 from payments p where p.application_id = a.id and p.source = 'city' and p.status <> 'cancelled'))`)) {
    problems.push({ invariant: 3, detail: `申请 #${r.id} 使用本会出资名额，却有市总工会的拨付或发放` });
  }

  const chain = verifyAuditChain(db);
  if (!chain.ok) problems.push({ invariant: 7, detail: `审计日志哈希链在 #${chain.brokenAt} 处断开` });
  for (const r of q<{ resource: string; id: number }>(`
    select 'payments' resource, id from payments p where status in ('paid','failed')
      and not exists (select 1 from audit_log l where l.resource = 'payments' and l.record_id = p.id)
    union all select 'allocations', id from allocations a where not exists (select 1 from audit_log l where l.resource = 'allocations' and l.record_id = a.id)
    union all select 'refunds', id from refunds f where not exists (select 1 from audit_log l where l.resource = 'refunds' and l.record_id = f.id)
    union all select 'fund-returns', id from fund_returns f where not exists (select 1 from audit_log l where l.resource = 'fund-returns' and l.record_id = f.id)
    limit 100`)) {
    problems.push({ invariant: 7, detail: `${r.resource} #${r.id} 没有审计记录` });
  }

  // Derived figures (invariant 0): the trigger-kept totals and statistics cells against the rows they sum.
  const rows =
    'select round_id, level2_id, status, current_step, count(*) n from applications group by 1, 2, 3, 4';
  const kept =
    'select round_id, level2_id, status, current_step, sum(n) from application_counts group by 1, 2, 3, 4 having sum(n) <> 0';
  const counts = db.$client
    .prepare(
      `select (select count(*) from (${rows} except ${kept})) + (select count(*) from (${kept} except ${rows}))`,
    )
    .pluck()
    .get() as number;
  if (counts)
    problems.push({ invariant: 0, detail: `列表计数表 application_counts 有 ${counts} 处与申请明细不符` });
  for (const [table, n] of Object.entries(statsDrift(db.$client))) {
    if (n) problems.push({ invariant: 0, detail: `统计汇总表 ${table} 有 ${n} 处与明细不符` });
  }
  return { ok: problems.length === 0, problems };
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The notice's clock (R2, R7) as invariants of money (I5): no money without an accepted enrolment
 * report; no process payment outside the round's window without the city's audited exception; no
 * application still waitlisted after its round's waitlist closed; no result paid for a study shorter
 * than the round's minimum.
 */
function clockInvariants(
  q: <T>(sqlText: string, ...params: unknown[]) => T[],
  swept: string,
  problems: Problem[],
): void {
  for (const r of q<{
    id: number;
  }>(`select p.id from payments p join applications a on a.id = p.application_id
    where p.status in ('pending','paid') and a.enrollment_verified_at is null`))
    problems.push({ invariant: 5, detail: `发放 #${r.id} 的学籍在线验证报告未经审核通过` });
  for (const r of q<{ id: number; payBy: string }>(
    `select p.id, r.process_pay_by payBy from payments p join applications a on a.id = p.application_id
    join rounds r on r.id = a.round_id where p.stage = 'process' and a.late_process_approved_at is null and (
      (p.status = 'paid' and substr(datetime(p.paid_at, '+8 hours'), 1, 10) > r.process_pay_by)
      or (p.status = 'pending' and r.process_pay_by < ?))`,
    swept,
  ))
    problems.push({
      invariant: 5,
      detail: `过程资助发放 #${r.id} 在截止日期 ${r.payBy} 之后，且没有市总工会同意补发的记录`,
    });
  for (const r of q<{ id: number }>(
    `select a.id from applications a join rounds r on r.id = a.round_id
    where a.status = 'waitlisted' and r.waitlist_closes_on < ?`,
    swept,
  ))
    problems.push({ invariant: 6, detail: `申请 #${r.id} 在候补截止之后仍在候补` });
  for (const r of q<{ id: number; enrolledOn: string; graduatedOn: string; months: number }>(
    `select p.id, a.enrolled_on enrolledOn, a.graduated_on graduatedOn, r.min_study_months months
    from payments p join applications a on a.id = p.application_id join rounds r on r.id = a.round_id
    where p.stage = 'result' and p.status = 'paid' and a.enrolled_on is not null and a.graduated_on is not null`,
  ))
    if (studyLengthProblem(r.enrolledOn, r.graduatedOn, r.months))
      problems.push({ invariant: 5, detail: `结果资助发放 #${r.id} 的学习时间不足 ${r.months} 个月` });
}
