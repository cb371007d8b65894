import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rounds } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import {
  allocationProblem,
  dueFor,
  heldBack,
  matchingFen,
  payOutcome,
  payoutRoute,
  stageAmountFen,
  type Agreement,
  type Stage,
} from '../../domain/money';
import { audit } from '../../lib/audit';
import type { Actor, SessionUser } from '../../lib/context';
import { badRequest, conflict, DomainError, forbidden } from '../../lib/errors';

export type AllocationRow = {
  id: number;
  roundId: number;
  organizationId: number;
  stage: Stage;
  amountFen: number;
  applicationCount: number;
  status: 'created' | 'transferred' | 'received';
  createdBy: number | null;
  transferredAt: string | null;
  receivedAt: string | null;
  createdAt: string;
};

type RoundRow = typeof rounds.$inferSelect;

export const roundOf = (db: Db, roundId: number): RoundRow | undefined =>
  db.select().from(rounds).where(eq(rounds.id, roundId)).get();

/**
 * The staff of the union that holds the money: an org_admin of the level-2 union, or the unit_admin of a
 * `direct` union (which is its own level-2 union). A grassroots clerk below a district never acts on its money.
 */
export function actsForUnion(u: SessionUser, level2Id: number): boolean {
  if (u.organizationId !== level2Id || u.orgLevel !== 2) return false;
  return u.role === 'org_admin' || u.role === 'unit_admin';
}

/** R3: the union's agency agreements (代发协议), in force or not: the domain decides which covers a payment. */
export function agreementsOf(db: Db, level2Id: number): Agreement[] {
  return (
    db.$client
      .prepare(
        `select agent_organization_id agentOrganizationId, starts_on startsOn, ends_on endsOn, stages, active
    from agency_agreements where organization_id = ?`,
      )
      .all(level2Id) as (Omit<Agreement, 'active'> & { active: number })[]
  ).map((g) => ({ ...g, active: !!g.active }));
}

/** R8: a union's matching policy for a round (undefined when it has none); `matchingFen` reads its stages. */
export function matchingPolicyOf(db: Db, roundId: number, level2Id: number) {
  return db.$client
    .prepare(
      `select mode, process_amount_fen processAmountFen, result_amount_fen resultAmountFen
    from matching_policies where round_id = ? and organization_id = ?`,
    )
    .get(roundId, level2Id) as Parameters<typeof matchingFen>[0] | undefined;
}

/**
 * R2/R6: applications on the union's city places due for the stage and not yet covered by an
 * allocation of that stage (a place the union funds itself is paid from its own money, R8).
 */
export function dueApplications(
  db: Db,
  round: RoundRow,
  level2Id: number,
  stage: Stage,
  today: string,
): number[] {
  const rows = db.$client
    .prepare(
      `select a.id, a.status, a.graduation_verified_at graduationVerifiedAt, a.graduated_on graduatedOn,
      a.enrollment_verified_at enrollmentVerifiedAt, a.late_process_approved_at lateProcessApprovedAt
    from applications a where a.round_id = ? and a.level2_id = ? and a.status in ('approved','graduated')
      and a.funded_by = 'city'
      and not exists (select 1 from allocation_items i where i.application_id = a.id and i.stage = ?) order by a.id`,
    )
    .all(round.id, level2Id, stage) as {
    id: number;
    status: string;
    graduationVerifiedAt: string | null;
    graduatedOn: string | null;
    enrollmentVerifiedAt: string | null;
    lateProcessApprovedAt: string | null;
  }[];
  // R2: held back until the enrolment is verified, and no longer due after the round's processPayBy.
  return rows
    .filter(
      (a) =>
        dueFor(stage, a, round.graduationDeadline) &&
        !heldBack(stage, { ...a, today, processPayBy: round.processPayBy }),
    )
    .map((a) => a.id);
}

/** R3 拨付: one allocation covering every due, uncovered application; amount = count × the round's amount. */
export function createAllocation(
  db: Db,
  actor: Actor,
  d: { roundId: number; organizationId: number; stage: Stage },
): number {
  const round = roundOf(db, d.roundId);
  if (!round) throw badRequest('批次不存在', { roundId: '批次不存在' });
  const org = db.$client.prepare('select level from organizations where id = ?').get(d.organizationId) as
    { level: number } | undefined;
  if (org?.level !== 2)
    throw badRequest('拨付对象须为区县级、产业或直属工会', { organizationId: '请选择二级工会' });
  const ids = dueApplications(db, round, d.organizationId, d.stage, chinaDate(actor.now()));
  if (!ids.length) {
    throw new DomainError(
      'R2',
      d.stage === 'process'
        ? '该工会没有待拨付过程资助的已通过申请'
        : '该工会没有毕业已核验、待拨付结果资助的申请',
      { organizationId: '没有待拨付的申请' },
    );
  }
  const each = stageAmountFen(round, d.stage);
  const now = actor.now().toISOString();
  const { lastInsertRowid } = db.$client
    .prepare(
      `insert into allocations (round_id, organization_id, stage, amount_fen, application_count, status, created_by, created_at)
    values (?, ?, ?, ?, ?, 'created', ?, ?)`,
    )
    .run(d.roundId, d.organizationId, d.stage, each * ids.length, ids.length, actor.user?.id ?? null, now);
  const id = Number(lastInsertRowid);
  const item = db.$client.prepare(
    'insert into allocation_items (allocation_id, application_id, stage, amount_fen) values (?, ?, ?, ?)',
  );
  for (const appId of ids) item.run(id, appId, d.stage, each);
  audit(db, actor, {
    action: 'create',
    resource: 'allocations',
    recordId: id,
    after: {
      ...d,
      amountFen: each * ids.length,
      applicationCount: ids.length,
      status: 'created',
      applicationIds: ids,
    },
  });
  return id;
}

export function transferAllocation(db: Db, actor: Actor, al: AllocationRow): void {
  const problem = allocationProblem('transfer', al.status);
  if (problem) throw conflict(problem);
  const now = actor.now().toISOString();
  db.$client
    .prepare(`update allocations set status = 'transferred', transferred_at = ? where id = ?`)
    .run(now, al.id);
  audit(db, actor, {
    action: 'transfer',
    resource: 'allocations',
    recordId: al.id,
    before: { status: al.status },
    after: { status: 'transferred', amountFen: al.amountFen },
  });
}

/**
 * R3: the union confirms the money arrived; one pending payment per covered application that is still
 * payable, by the workers' school where an agreement covers it and the worker has a card, and the
 * union's own matching payment beside it (R8). Prepared statements in one transaction: a thousand
 * payments take milliseconds and a crash leaves all of them or none.
 */
export function receiveAllocation(
  db: Db,
  actor: Actor,
  al: AllocationRow,
): { payments: number; matching: number; skipped: number[] } {
  const u = actor.user;
  if (u && !actsForUnion(u, al.organizationId)) throw forbidden('只有该工会的工作人员可以确认到账');
  const problem = allocationProblem('receive', al.status);
  if (problem) throw conflict(problem);
  const round = roundOf(db, al.roundId)!;
  const now = actor.now().toISOString();
  const today = chinaDate(actor.now());
  const agreements = agreementsOf(db, al.organizationId);
  const extra = matchingFen(matchingPolicyOf(db, al.roundId, al.organizationId), al.stage);
  const items = db.$client
    .prepare(
      `select i.application_id id, i.amount_fen amountFen, a.status, a.graduation_verified_at graduationVerifiedAt,
      a.enrollment_verified_at enrollmentVerifiedAt, a.late_process_approved_at lateProcessApprovedAt,
      a.graduated_on graduatedOn, (w.bank_card_enc is not null or w.benefit_card_enc is not null) hasCard,
      exists (select 1 from payments p where p.application_id = a.id and p.stage = i.stage and p.source = 'city' and p.status in ('pending','paid')) live
    from allocation_items i join applications a on a.id = i.application_id join workers w on w.id = a.worker_id
    where i.allocation_id = ? order by i.application_id`,
    )
    .all(al.id) as {
    id: number;
    amountFen: number;
    status: string;
    graduationVerifiedAt: string | null;
    graduatedOn: string | null;
    enrollmentVerifiedAt: string | null;
    lateProcessApprovedAt: string | null;
    hasCard: number;
    live: number;
  }[];
  const insert = db.$client
    .prepare(`insert into payments (application_id, allocation_id, organization_id, stage, source, amount_fen, channel,
    payer_organization_id, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?)`);
  const hasMatching = db.$client.prepare(
    `select 1 from payments where application_id = ? and stage = ? and source = 'matching' and status in ('pending','paid')`,
  );
  let payments = 0,
    matching = 0;
  const skipped: number[] = [];
  for (const it of items) {
    // Dropped out since it was covered (or otherwise unpayable): the union holds that money until it returns it (R4).
    const payable =
      'to' in payOutcome({ stage: al.stage, source: 'city', app: it, deadline: round.graduationDeadline }) &&
      !heldBack(al.stage, { ...it, today, processPayBy: round.processPayBy });
    if (it.live || it.amountFen <= 0 || !payable) {
      skipped.push(it.id);
      continue;
    }
    const route = payoutRoute({
      level2Id: al.organizationId,
      source: 'city',
      stage: al.stage,
      today,
      hasCard: !!it.hasCard,
      agreements,
    });
    insert.run(
      it.id,
      al.id,
      al.organizationId,
      al.stage,
      'city',
      it.amountFen,
      route.channel,
      route.payerOrganizationId,
      now,
    );
    payments++;
    if (extra > 0 && !hasMatching.get(it.id, al.stage)) {
      insert.run(
        it.id,
        null,
        al.organizationId,
        al.stage,
        'matching',
        extra,
        'direct',
        al.organizationId,
        now,
      );
      matching++;
    }
  }
  db.$client
    .prepare(`update allocations set status = 'received', received_at = ? where id = ?`)
    .run(now, al.id);
  audit(db, actor, {
    action: 'receive',
    resource: 'allocations',
    recordId: al.id,
    before: { status: al.status },
    after: { status: 'received', amountFen: al.amountFen, payments, matching, skipped },
  });
  return { payments, matching, skipped };
}
