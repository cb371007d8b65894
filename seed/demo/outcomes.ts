/**
 * What followed the process subsidy, per application: a paid dropout's refund from the institution
 * (R5), the dropout itself, a lapse at the graduation deadline (R6), a graduation and its
 * verification (R2).
 */
import { addDays, addMs, appEvent, DAY, HOUR, iso, maxDate, utc, ymd } from './context';
import { addDoc } from './documents';
import type { App, Payment, Refund } from './model';
import type { Books } from './money';

export const DROP_REASONS = [
  '工作调动，无法继续学业',
  '家庭原因主动退学',
  '身体原因退学',
  '工作任务重，无法兼顾学业',
];

/** R5: dropped out after the payout; the institution refunds the process subsidy (maybe not yet). */
function refund(b: Books, a: App, paid: Payment): void {
  const { ctx, c } = b;
  const { rng } = ctx;
  const dropped = maxDate(ctx.workday(c.dropPaid[0], c.dropPaid[1]), addDays(paid.paidAt!, 20));
  a.droppedOutOn = ymd(dropped);
  a.dropoutReason = rng.pick(DROP_REASONS);
  const created = addMs(dropped, rng.int(3, 15) * DAY);
  const status = a.refund ?? 'confirmed';
  const received = status === 'expected' ? null : addMs(created, rng.int(10, 40) * DAY);
  const confirmed = status === 'confirmed' ? addMs(received!, rng.int(2, 10) * DAY) : null;
  const rf: Refund = {
    id: 0,
    app: a,
    payment: paid,
    amountFen: paid.amountFen,
    status,
    reference: received ? b.ledger.reference('TK', received) : null,
    receivedAt: received,
    confirmedAt: confirmed,
    createdAt: created,
  };
  b.ledger.refunds.push(rf);
  const after = (s: string) => () => ({
    applicationId: a.id,
    paymentId: paid.id,
    institutionId: a.inst?.id ?? null,
    amountFen: rf.amountFen,
    status: s,
  });
  ctx.event(created, 'refunds', 'create', () => rf.id, after('expected'));
  if (received) ctx.event(received, 'refunds', 'receive', () => rf.id, after('received'));
  if (confirmed) ctx.event(confirmed, 'refunds', 'confirm', () => rf.id, after('confirmed'));
}

/** The graduation record uploaded (G1: lately, not yet verified) and, but for G1, verified. */
function graduate(b: Books, a: App): void {
  const { ctx, c } = b;
  const { rng } = ctx;
  const grad = ctx.workday(c.grad[0], c.grad[1]);
  a.graduatedOn = ymd(grad);
  const uploaded =
    a.tag === 'G1' ? ctx.between(addDays(ctx.now, -20), ctx.latest) : addMs(grad, rng.int(5, 20) * DAY);
  a.graduationDoc = addDoc(ctx, a, 'graduation_record', uploaded);
  appEvent(ctx, a, uploaded, 'graduate', () => ({
    status: 'graduated',
    graduatedOn: a.graduatedOn,
    documentId: a.graduationDoc!.id,
  }));
  a.updatedAt = uploaded;
  if (a.tag !== 'G1') {
    a.graduationVerifiedAt = addMs(uploaded, rng.int(3, 10) * DAY);
    appEvent(ctx, a, a.graduationVerifiedAt, 'verify-graduation', () => ({
      decision: 'approve',
      graduationVerifiedAt: iso(a.graduationVerifiedAt!),
    }));
    a.updatedAt = a.graduationVerifiedAt;
  }
}

export function afterProcess(b: Books): void {
  const { ctx, r } = b;
  const { rng } = ctx;
  for (const a of b.mine) {
    const paidProcess = a.processPaid;
    if (a.status === 'dropped_out' && a.tag === 'paid' && paidProcess) refund(b, a, paidProcess);
    if (a.status === 'dropped_out' && a.droppedOutOn) {
      const at = ctx.timeOfDay(utc(a.droppedOutOn!));
      addDoc(ctx, a, 'withdrawal_proof', addMs(at, rng.int(1, 5) * DAY));
      appEvent(ctx, a, at, 'dropout', () => ({
        status: 'dropped_out',
        droppedOutOn: a.droppedOutOn,
        reason: a.dropoutReason,
      }));
      a.updatedAt = maxDate(a.updatedAt, at);
    }
    if (a.status === 'lapsed') {
      const at = addMs(utc(r.graduationDeadline), DAY + HOUR);
      appEvent(ctx, a, at, 'lapse', () => ({
        status: 'lapsed',
        reason: `未在 ${r.graduationDeadline} 前取得毕业证书（R6）`,
      }));
      a.updatedAt = at;
    }
    if (a.status === 'graduated' || a.status === 'completed') graduate(b, a);
  }
}
