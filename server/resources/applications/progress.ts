import type { Hono } from 'hono';
import { z } from 'zod';
import { tx, type Db } from '../../../db/client';
import { and, desc, eq } from 'drizzle-orm';
import { applications, payments, rounds } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import { FINAL, isIn, sqlList, STUDYING, type Status } from '../../domain/lifecycle';
import { shouldLapse } from '../../domain/money';
import { studyLengthProblem } from '../../domain/rounds';
import { audit } from '../../lib/audit';
import type { Actor, AppEnv, Clock } from '../../lib/context';
import { badRequest, conflict, DomainError, forbidden, problemError } from '../../lib/errors';
import { recordSchema } from '../../lib/openapi';
import { recordActions } from '../../lib/record-action';
import { cancelPending, reissue } from '../payments/service';
import { actsForUnion } from '../allocations/service';
import { closeWaitlists, promoteWaitlist } from '../quotas/service';
import { expectRefund } from '../refunds/service';
import { scopedApplication, type AppRow } from './service';
import { moveApplication } from './transition';
import { notifyWorker } from '../notifications/service';
import { warnSweep } from '../notifications/sweep';

/** After approval: dropout (R5), graduation and its verification (R2), lapse (R6), and the clock's sweep. */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2019-11-11');
const deadlineOf = (db: Db, roundId: number) =>
  (db.$client.prepare('select graduation_deadline d from rounds where id = ?').get(roundId) as { d: string })
    .d;

function checkDay(actor: Actor, app: AppRow, day: string, field: string): void {
  if (day > chinaDate(actor.now())) throw badRequest('日期不能晚于今天', { [field]: '日期不能晚于今天' });
  if (app.enrolledOn && day < app.enrolledOn)
    throw badRequest(`日期不能早于入学日期 ${app.enrolledOn}`, { [field]: '早于入学日期' });
}

/**
 * R5: the worker left the programme. Pending money is cancelled (the union returns it, R4), a paid
 * process subsidy becomes a refund expected from the institution, and the place goes to the waitlist (R7).
 */
export function dropout(db: Db, actor: Actor, app: AppRow, d: { date: string; reason: string }) {
  checkDay(actor, app, d.date, 'date');
  moveApplication(db, actor, app, 'dropped_out', {
    action: 'dropout',
    set: { droppedOutOn: d.date, dropoutReason: d.reason, currentStep: null },
    after: { droppedOutOn: d.date, reason: d.reason, why: d.reason },
  });
  const cancelled = cancelPending(db, actor, app.id, `职工已于 ${d.date} 退学`);
  const refundId = expectRefund(db, actor, app.id);
  const promoted = promoteWaitlist(db, actor, app.roundId, app.level2Id, `申请 #${app.id} 退学，名额递补`);
  return { refundId, cancelled, promoted };
}

/** R2: the worker (or the institution) reports the graduation with the 学信网 record; the city verifies it next. */
export function graduate(db: Db, actor: Actor, app: AppRow, d: { date: string; documentId: number }) {
  const doc = db.$client
    .prepare('select kind from documents where id = ? and application_id = ?')
    .get(d.documentId, app.id) as { kind: string } | undefined;
  if (doc?.kind !== 'graduation_record') {
    throw badRequest('请先上传学信网《教育部学历证书电子注册备案表》', {
      documentId: '须为本申请的学历证书电子注册备案表',
    });
  }
  checkDay(actor, app, d.date, 'date');
  const round = db.select().from(rounds).where(eq(rounds.id, app.roundId)).get()!;
  const short = app.enrolledOn && studyLengthProblem(app.enrolledOn, d.date, round.minStudyMonths);
  if (short) throw problemError(short);
  const deadline = round.graduationDeadline;
  if (d.date > deadline)
    throw new DomainError('R6', `毕业时间晚于 ${deadline}（入学后三年），不发结果资助`, {
      date: `晚于 ${deadline}`,
    });
  if (app.status === 'graduated' && app.graduationVerifiedAt) throw conflict('毕业已核验，不能再修改');
  moveApplication(db, actor, app, 'graduated', {
    action: 'graduate',
    set: { graduatedOn: d.date, graduationDocumentId: d.documentId, graduationVerifiedAt: null },
    after: { graduatedOn: d.date, documentId: d.documentId },
    allowSame: true,
  });
}

/** R2: the city checks the record; only a verified graduation before the deadline earns the result subsidy (R6). */
export function verifyGraduation(
  db: Db,
  actor: Actor,
  app: AppRow,
  d: { decision: 'approve' | 'reject' | 'return'; comment: string },
) {
  if (app.status !== 'graduated' || app.graduationVerifiedAt)
    throw conflict('只有已上报毕业、尚未核验的申请可以核验');
  if (d.decision !== 'approve') {
    if (!d.comment.trim()) throw badRequest('核验不通过须说明原因', { comment: '请填写意见' });
    audit(db, actor, {
      action: 'verify-graduation',
      resource: 'applications',
      recordId: app.id,
      before: { status: app.status },
      after: { status: app.status, decision: d.decision, why: d.comment },
    });
    notifyWorker(db, actor, app.id, 'graduation.refused', { comment: d.comment });
    return;
  }
  const deadline = deadlineOf(db, app.roundId);
  if (!app.graduatedOn || app.graduatedOn > deadline)
    throw new DomainError('R6', `毕业时间晚于 ${deadline}，不发结果资助`);
  const now = actor.now().toISOString();
  moveApplication(db, actor, app, 'graduated', {
    action: 'verify-graduation',
    set: { graduationVerifiedAt: now },
    after: { decision: 'approve', graduationVerifiedAt: now, ...(d.comment ? { why: d.comment } : {}) },
    allowSame: true,
  });
}

/**
 * R6: every application past its round's deadline without a verified graduation lapses, against the
 * injected clock. R6 takes the result subsidy only: a process subsidy still owed stays payable.
 * Run at start and daily (server/index.ts).
 */
export function lapseSweep(db: Db, clock: Clock): number[] {
  const now = clock();
  const today = chinaDate(now);
  const actor: Actor = { user: null, now: () => now };
  return tx(db, (t) => {
    const rows = t.$client
      .prepare(
        `select a.*, r.graduation_deadline deadline from applications a join rounds r on r.id = a.round_id
      where a.status in ${sqlList(STUDYING)} and a.graduation_verified_at is null and r.graduation_deadline < ?`,
      )
      .all(today) as {
      id: number;
      status: Status;
      graduation_verified_at: string | null;
      deadline: string;
    }[];
    const lapsed: number[] = [];
    for (const r of rows) {
      if (
        !shouldLapse({ status: r.status, graduationVerifiedAt: r.graduation_verified_at }, r.deadline, today)
      )
        continue;
      const why = `未在 ${r.deadline} 前取得毕业证书并经核验，结果资助失效`;
      moveApplication(t, actor, r, 'lapsed', {
        action: 'lapse',
        set: { currentStep: null },
        after: { reason: why, why },
      });
      // R6: every unpaid payment of the application, of either stage and source; the money stays
      // with the level-2 union as balance to return or re-use.
      cancelPending(t, actor, r.id, why);
      lapsed.push(r.id);
    }
    return lapsed;
  });
}

/**
 * R4: the level-2 union found the worker ineligible at payout and returned the money: the application
 * is revoked (资格取消) with the return report as its reason; its pending payments are cancelled, its
 * place goes to the waitlist while that is open (R7), and its education level is free again (R9e).
 */
export function revoke(db: Db, actor: Actor, app: AppRow, reason: string, fundReturnId: number) {
  moveApplication(db, actor, app, 'revoked', {
    action: 'revoke',
    set: { revokedReason: reason, currentStep: null },
    after: { why: reason, fundReturnId },
  });
  const cancelled = cancelPending(db, actor, app.id, `资格取消（返还报告 #${fundReturnId}）`);
  const promoted = promoteWaitlist(
    db,
    actor,
    app.roundId,
    app.level2Id,
    `申请 #${app.id} 资格取消，名额递补`,
  );
  return { cancelled, promoted };
}

/** R2/R12: a reviewer accepts (or refuses) the uploaded enrollment verification report; money waits for it. */
export function verifyEnrollment(
  db: Db,
  actor: Actor,
  app: AppRow,
  d: { decision: 'approve' | 'reject'; comment: string },
) {
  const u = actor.user!;
  if (u.role !== 'city_admin' && !actsForUnion(u, app.level2Id))
    throw forbidden('学籍验证报告由二级工会或市总工会审核');
  if (isIn(FINAL, app.status) || app.status === 'draft')
    throw conflict('该申请已结束或尚未提交，不需要审核学籍');
  if (app.enrollmentVerifiedAt) throw conflict('学籍在线验证报告已审核通过');
  const report = db.$client
    .prepare(
      `select id from documents where application_id = ? and kind = 'enrollment_report' order by id desc`,
    )
    .get(app.id) as { id: number } | undefined;
  if (!report)
    throw new DomainError('R12', '尚未上传学籍在线验证报告', { documents: '请先上传学籍在线验证报告' });
  if (d.decision === 'reject' && !d.comment.trim())
    throw badRequest('不通过须说明原因', { comment: '请填写意见' });
  const now = actor.now().toISOString();
  if (d.decision === 'approve')
    db.update(applications)
      .set({ enrollmentVerifiedAt: now, enrollmentVerifiedBy: u.id, updatedAt: now })
      .where(eq(applications.id, app.id))
      .run();
  audit(db, actor, {
    action: 'verify-enrollment',
    resource: 'applications',
    recordId: app.id,
    before: { status: app.status },
    after: {
      status: app.status,
      decision: d.decision,
      documentId: report.id,
      ...(d.comment ? { why: d.comment } : {}),
    },
  });
}

/**
 * R2: the city's deliberate exception — a process subsidy that missed the round's `processPayBy`
 * may still be paid, with a reason, audited. Without it the application is listed as missed.
 */
export function allowLateProcess(db: Db, actor: Actor, app: AppRow, d: { reason: string }) {
  if (app.status !== 'approved') throw conflict('只有已通过、尚未发放过程资助的申请可以补发');
  if (app.lateProcessApprovedAt) throw conflict('已同意补发');
  const now = actor.now().toISOString();
  db.update(applications)
    .set({ lateProcessApprovedAt: now, lateProcessReason: d.reason, updatedAt: now })
    .where(eq(applications.id, app.id))
    .run();
  audit(db, actor, {
    action: 'allow-late-process',
    resource: 'applications',
    recordId: app.id,
    before: { status: app.status },
    after: { status: app.status, why: d.reason },
  });
  // The city process payment the window cancelled goes back to the payer as a new pending one.
  const cancelled = db
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.applicationId, app.id),
        eq(payments.stage, 'process'),
        eq(payments.source, 'city'),
        eq(payments.status, 'cancelled'),
      ),
    )
    .orderBy(desc(payments.id))
    .get();
  if (cancelled && cancelled.allocationId)
    reissue(db, actor, cancelled, { cardUnchanged: true, note: d.reason });
}

/**
 * R2: a pending process payment whose round passed its `processPayBy` no longer falls due (unless the
 * city allowed it late): cancelled, the money stays with the union as balance.
 */
function cancelMissedProcess(db: Db, actor: Actor, today: string): number[] {
  const rows = db.$client
    .prepare(
      `select distinct a.id, r.process_pay_by payBy from payments p join applications a on a.id = p.application_id
      join rounds r on r.id = a.round_id
      where p.status = 'pending' and p.stage = 'process' and r.process_pay_by < ? and a.late_process_approved_at is null`,
    )
    .all(today) as { id: number; payBy: string }[];
  for (const r of rows) cancelPending(db, actor, r.id, `已过过程资助发放截止日期 ${r.payBy}`, 'process');
  return rows.map((r) => r.id);
}

/**
 * The notice's clock, run at start and daily (server/index.ts): R6 lapses, R7 waitlists that close
 * (not funded), R2 process payments past their window.
 */
export function clockSweep(db: Db, clock: Clock) {
  const lapsed = lapseSweep(db, clock);
  const now = clock();
  const actor: Actor = { user: null, now: () => now };
  return tx(db, (t) => ({
    lapsed,
    notFunded: closeWaitlists(t, actor, chinaDate(now)),
    processMissed: cancelMissedProcess(t, actor, chinaDate(now)),
    // The lapse, overdue-appeal and study-check messages of the day (keyed: written once).
    warned: warnSweep(t, actor, chinaDate(now)),
  }));
}

const dropoutBody = z.object({ date, reason: z.string().trim().min(2, '请填写退学原因').max(500) });
const graduateBody = z.object({ date, documentId: z.number().int().positive() });
const enrollmentBody = z.object({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(1000).default(''),
});
const lateBody = z.object({ reason: z.string().trim().min(4, '请说明补发的原因').max(500) });
const verifyBody = z.object({
  decision: z.enum(['approve', 'reject', 'return']),
  comment: z.string().max(1000).default(''),
});

/** Adds the after-approval actions to the applications sub-app; each is one transaction with its audit rows. */
export function progressRoutes(app: Hono<AppEnv>): void {
  const action = recordActions(app, {
    resource: 'applications',
    find: scopedApplication,
    record: recordSchema('applications', applications),
  });
  action('dropout', {
    money: true,
    summary:
      'R5: the worker left the programme: pending money cancelled, a refund expected, the place passed on',
    body: dropoutBody,
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => dropout(db, actor, row, body),
    // The record, with what the dropout set in motion: the refund expected, payments cancelled, who moved up.
    answer: ({ result, reread }) => ({ ...reread(), ...result }),
  });
  action('graduate', {
    money: true,
    summary: 'R2: report the graduation with its 学信网 record; the city verifies it next',
    body: graduateBody,
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => graduate(db, actor, row, body),
  });
  action('verify-enrollment', {
    money: true,
    permission: 'verifyEnrollment',
    summary:
      'R2/R12: accept or refuse the enrollment verification report; no money moves before it is accepted',
    body: enrollmentBody,
    refusals: [403, 409, 422],
    run: ({ db, actor, row, body }) => verifyEnrollment(db, actor, row, body),
  });
  action('allow-late-process', {
    money: true,
    permission: 'allowLateProcess',
    summary: "R2: the city's audited exception to pay a process subsidy after the round's processPayBy",
    body: lateBody,
    refusals: [409],
    run: ({ db, actor, row, body }) => allowLateProcess(db, actor, row, body),
  });
  action('verify-graduation', {
    money: true,
    permission: 'verifyGraduation',
    summary:
      'R2/R6: the city verifies the graduation; only a verified one before the deadline earns the result subsidy',
    body: verifyBody,
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => verifyGraduation(db, actor, row, body),
  });
}
