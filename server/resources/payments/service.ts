import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import { chinaDate } from '../../domain/eligibility';
import type { Status } from '../../domain/lifecycle';
import {
  dueFor,
  heldBack,
  matchingFen,
  payOutcome,
  paymentProblem,
  payoutRoute,
  type Channel,
  type HoldFacts,
  type PaymentStatus,
  type Source,
  type Stage,
} from '../../domain/money';
import { audit } from '../../lib/audit';
import type { Actor, SessionUser } from '../../lib/context';
import { badRequest, conflict, DomainError, forbidden, problemError } from '../../lib/errors';
import { actsForUnion, agreementsOf, matchingPolicyOf, roundOf } from '../allocations/service';
import { moveApplication } from '../applications/transition';
import { notifyPayment } from '../notifications/service';

export type PaymentRow = {
  id: number;
  applicationId: number;
  allocationId: number | null;
  organizationId: number;
  stage: Stage;
  source: Source;
  amountFen: number;
  channel: Channel;
  payerOrganizationId: number;
  status: PaymentStatus;
  reference: string | null;
  failureReason: string | null;
  reissueOf: number | null;
  paidAt: string | null;
  createdAt: string;
};

interface AppFacts {
  id: number;
  status: Status;
  roundId: number;
  level2Id: number;
  workerId: number;
  graduationVerifiedAt: string | null;
  graduatedOn: string | null;
  fundedBy: 'city' | 'union';
  deadline: string;
  processPayBy: string;
  enrollmentVerifiedAt: string | null;
  lateProcessApprovedAt: string | null;
  bankCardHash: string | null;
  benefitCardHash: string | null;
}

function appFacts(db: Db, applicationId: number): AppFacts {
  return db.$client
    .prepare(
      `select a.id, a.status, a.round_id roundId, a.level2_id level2Id, a.worker_id workerId,
      a.graduation_verified_at graduationVerifiedAt, a.graduated_on graduatedOn, a.funded_by fundedBy,
      r.graduation_deadline deadline,
      r.process_pay_by processPayBy, a.enrollment_verified_at enrollmentVerifiedAt,
      a.late_process_approved_at lateProcessApprovedAt,
      w.bank_card_hash bankCardHash, w.benefit_card_hash benefitCardHash
    from applications a join rounds r on r.id = a.round_id join workers w on w.id = a.worker_id where a.id = ?`,
    )
    .get(applicationId) as AppFacts;
}

/** A keyed digest of the cards on file, so a re-issue can tell whether the card was corrected (R3) without keeping the number. */
const cardPrint = (a: Pick<AppFacts, 'bankCardHash' | 'benefitCardHash'>) =>
  createHash('sha256')
    .update(`${a.bankCardHash ?? ''}|${a.benefitCardHash ?? ''}`)
    .digest('hex')
    .slice(0, 16);

/** The payer marks it: the union's own staff for a direct payment, the workers' school for an agency one (R3). */
function assertPayer(u: SessionUser | null, p: PaymentRow): void {
  if (!u) return;
  const ok =
    p.channel === 'agency'
      ? u.role === 'agent' && u.organizationId === p.payerOrganizationId
      : actsForUnion(u, p.payerOrganizationId);
  if (!ok)
    throw forbidden(
      p.channel === 'agency'
        ? '该笔资助由职工学校代发，由职工学校标记结果'
        : '只有负责发放的工会可以标记结果',
    );
}

export function pay(db: Db, actor: Actor, p: PaymentRow, reference: string): PaymentRow['status'] {
  assertPayer(actor.user, p);
  const problem = paymentProblem('pay', p.status);
  if (problem) throw conflict(problem);
  const app = appFacts(db, p.applicationId);
  const outcome = payOutcome({ stage: p.stage, source: p.source, app, deadline: app.deadline });
  if ('problem' in outcome) throw problemError(outcome.problem);
  const held = heldBack(p.stage, { ...app, today: chinaDate(actor.now()) });
  if (held) throw problemError(held);
  const now = actor.now().toISOString();
  db.$client
    .prepare(`update payments set status = 'paid', reference = ?, paid_at = ? where id = ?`)
    .run(reference, now, p.id);
  audit(db, actor, {
    action: 'pay',
    resource: 'payments',
    recordId: p.id,
    before: { status: p.status },
    after: {
      applicationId: p.applicationId,
      stage: p.stage,
      source: p.source,
      amountFen: p.amountFen,
      channel: p.channel,
      status: 'paid',
      reference,
      paidAt: now,
    },
  });
  notifyPayment(db, actor, p, 'paid');
  if (outcome.to)
    moveApplication(db, actor, app, outcome.to as Status, {
      action: 'payout',
      after: { paymentId: p.id, stage: p.stage },
    });
  return 'paid';
}

export function fail(db: Db, actor: Actor, p: PaymentRow, reason: string): PaymentRow['status'] {
  assertPayer(actor.user, p);
  const problem = paymentProblem('fail', p.status);
  if (problem) throw conflict(problem);
  const app = appFacts(db, p.applicationId);
  db.$client
    .prepare(`update payments set status = 'failed', failure_reason = ? where id = ?`)
    .run(reason, p.id);
  audit(db, actor, {
    action: 'fail',
    resource: 'payments',
    recordId: p.id,
    before: { status: p.status },
    after: {
      applicationId: p.applicationId,
      stage: p.stage,
      source: p.source,
      amountFen: p.amountFen,
      status: 'failed',
      reason,
      card: cardPrint(app),
    },
  });
  notifyPayment(db, actor, p, 'failed', reason);
  return 'failed';
}

const returned = (db: Db, applicationId: number, stage: Stage) =>
  !!db.$client
    .prepare(
      `select 1 from fund_return_items i
  join fund_returns f on f.id = i.fund_return_id where i.application_id = ? and f.stage = ?`,
    )
    .get(applicationId, stage);

/**
 * A failed payment is paid again as a new pending one (the failed one stays as it was), once the
 * worker's card has been corrected; the channel is chosen afresh, since a card may now be on file.
 */
export function reissue(
  db: Db,
  actor: Actor,
  p: PaymentRow,
  opts: { cardUnchanged?: boolean; note?: string },
): number {
  const u = actor.user;
  const app = appFacts(db, p.applicationId);
  // R2: a process payment the window cancelled is paid again once the city allowed it late (the
  // city's exception puts it back in the union's pile itself).
  const lateAgain = p.status === 'cancelled' && p.stage === 'process' && !!app.lateProcessApprovedAt;
  if (u && !actsForUnion(u, p.organizationId) && !(lateAgain && u.role === 'city_admin'))
    throw forbidden('只有该工会的工作人员可以重新发放');
  const problem = lateAgain ? null : paymentProblem('reissue', p.status);
  if (problem) throw conflict(problem);
  const live = db.$client
    .prepare(
      `select id from payments where application_id = ? and stage = ? and source = ? and status in ('pending','paid')`,
    )
    .get(p.applicationId, p.stage, p.source) as { id: number } | undefined;
  if (live) throw conflict(`该申请已有有效的发放记录 #${live.id}`);
  if (returned(db, p.applicationId, p.stage))
    throw new DomainError('R4', '该笔资金已返还市总工会，不能再发放');
  const outcome = payOutcome({ stage: p.stage, source: p.source, app, deadline: app.deadline });
  if ('problem' in outcome) throw problemError(outcome.problem);
  const held = heldBack(p.stage, { ...app, today: chinaDate(actor.now()) });
  if (held) throw problemError(held);
  const failedWith = db.$client
    .prepare(
      `select json_extract(after, '$.card') card from audit_log where resource = 'payments' and action = 'fail'
    and record_id = ? order by id desc limit 1`,
    )
    .get(p.id) as { card: string | null } | undefined;
  if (failedWith?.card && failedWith.card === cardPrint(app) && !opts.cardUnchanged) {
    throw new DomainError('R3', '职工的银行卡或工惠卡信息尚未更正；确认卡号无误时请注明原因后重发', {
      cardUnchanged: '卡号未更正',
    });
  }
  const hasCard = !!db.$client
    .prepare(
      'select 1 from workers where id = ? and (bank_card_enc is not null or benefit_card_enc is not null)',
    )
    .get(app.workerId);
  const route = payoutRoute({
    level2Id: p.organizationId,
    source: p.source,
    stage: p.stage,
    today: chinaDate(actor.now()),
    hasCard,
    agreements: agreementsOf(db, p.organizationId),
  });
  const now = actor.now().toISOString();
  const id = Number(
    db.$client
      .prepare(
        `insert into payments (application_id, allocation_id, organization_id, stage, source, amount_fen, channel,
    payer_organization_id, status, reissue_of, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?)`,
      )
      .run(
        p.applicationId,
        p.allocationId,
        p.organizationId,
        p.stage,
        p.source,
        p.amountFen,
        route.channel,
        route.payerOrganizationId,
        p.id,
        now,
      ).lastInsertRowid,
  );
  audit(db, actor, {
    action: 'reissue',
    resource: 'payments',
    recordId: id,
    after: {
      reissueOf: p.id,
      applicationId: p.applicationId,
      stage: p.stage,
      source: p.source,
      amountFen: p.amountFen,
      channel: route.channel,
      status: 'pending',
      note: opts.note ?? null,
    },
  });
  return id;
}

/** Pending payments of an application that will not be paid (dropout R5, lapse R6, return R4) are cancelled, each audited. */
export function cancelPending(
  db: Db,
  actor: Actor,
  applicationId: number,
  reason: string,
  stage?: Stage,
): number[] {
  const rows = db.$client
    .prepare(
      `select id, stage, source, amount_fen amountFen from payments where application_id = ? and status = 'pending'
    ${stage ? 'and stage = ?' : ''} order by id`,
    )
    .all(...(stage ? [applicationId, stage] : [applicationId])) as {
    id: number;
    stage: Stage;
    source: Source;
    amountFen: number;
  }[];
  const set = db.$client.prepare(`update payments set status = 'cancelled', failure_reason = ? where id = ?`);
  for (const r of rows) {
    set.run(reason, r.id);
    audit(db, actor, {
      action: 'cancel',
      resource: 'payments',
      recordId: r.id,
      before: { status: 'pending' },
      after: { ...r, applicationId, status: 'cancelled', reason },
    });
  }
  return rows.map((r) => r.id);
}

/**
 * R8: a union pays the applications on the places it funds itself, stage by stage, from its own
 * money — no city allocation covers them. One pending payment of the union's subsidy per such
 * application due for the stage (R2/R6, held back until the enrolment is verified) that has none yet.
 */
export function payOwnPlaces(
  db: Db,
  actor: Actor,
  d: { roundId: number; stage: Stage },
): { payments: number; amountFen: number; applicationIds: number[] } {
  const u = actor.user!;
  const level2Id = u.level2Id;
  if (!level2Id || !actsForUnion(u, level2Id))
    throw forbidden('只有二级工会的工作人员可以发放本会出资名额的资助');
  const round = roundOf(db, d.roundId);
  if (!round) throw badRequest('批次不存在', { roundId: '批次不存在' });
  const amount = matchingFen(matchingPolicyOf(db, d.roundId, level2Id), d.stage);
  const today = chinaDate(actor.now());
  const rows = db.$client
    .prepare(
      `select a.id, a.status, a.funded_by fundedBy, a.graduation_verified_at graduationVerifiedAt, a.graduated_on graduatedOn,
      a.enrollment_verified_at enrollmentVerifiedAt, a.late_process_approved_at lateProcessApprovedAt
    from applications a where a.round_id = ? and a.level2_id = ? and a.funded_by = 'union' and a.status in ('approved','graduated')
      and not exists (select 1 from payments p where p.application_id = a.id and p.stage = ? and p.source = 'matching'
        and p.status in ('pending','paid'))
      and not exists (select 1 from fund_return_items i join fund_returns f on f.id = i.fund_return_id
        where i.application_id = a.id and f.stage = ?)
    order by a.id`,
    )
    .all(d.roundId, level2Id, d.stage, d.stage) as (Pick<
    HoldFacts,
    'enrollmentVerifiedAt' | 'lateProcessApprovedAt'
  > & {
    id: number;
    status: Status;
    fundedBy: 'union';
    graduationVerifiedAt: string | null;
    graduatedOn: string | null;
  })[];
  const due = rows.filter(
    (a) =>
      dueFor(d.stage, a, round.graduationDeadline) &&
      !heldBack(d.stage, { ...a, today, processPayBy: round.processPayBy }),
  );
  if (!due.length || amount <= 0)
    throw new DomainError(
      'R8',
      amount <= 0
        ? '本会的配套资助政策在这一阶段没有金额'
        : d.stage === 'process'
          ? '本会出资名额中没有待发放过程资助的申请'
          : '本会出资名额中没有毕业已核验、待发放结果资助的申请',
      { stage: '没有待发放的申请' },
    );
  const now = actor.now().toISOString();
  const insert = db.$client.prepare(
    `insert into payments (application_id, allocation_id, organization_id, stage, source, amount_fen, channel,
    payer_organization_id, status, created_at) values (?, null, ?, ?, 'matching', ?, 'direct', ?, 'pending', ?)`,
  );
  const ids = due.map((a) => {
    const id = Number(insert.run(a.id, level2Id, d.stage, amount, level2Id, now).lastInsertRowid);
    audit(db, actor, {
      action: 'create',
      resource: 'payments',
      recordId: id,
      after: {
        applicationId: a.id,
        stage: d.stage,
        source: 'matching',
        fundedBy: 'union',
        amountFen: amount,
        channel: 'direct',
        status: 'pending',
      },
    });
    return a.id;
  });
  return { payments: ids.length, amountFen: amount * ids.length, applicationIds: ids };
}
