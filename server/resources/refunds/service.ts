import type { Db } from '../../../db/client';
import {
  REFUND_NEXT,
  refundProblem,
  type PaymentStatus,
  type RefundStatus,
  type Source,
  type Stage,
} from '../../domain/money';
import { audit } from '../../lib/audit';
import { notify, staffAccounts } from '../notifications/service';
import type { Actor } from '../../lib/context';
import { conflict, DomainError } from '../../lib/errors';

export type RefundRow = {
  id: number;
  applicationId: number;
  paymentId: number;
  institutionId: number | null;
  amountFen: number;
  status: RefundStatus;
  reference: string | null;
  receivedAt: string | null;
  confirmedAt: string | null;
  createdAt: string;
};

/**
 * R5: a worker who got the process subsidy drops out — the institution owes the city that money.
 * Expected at the dropout, for the amount paid; null when nothing was paid (nothing to refund).
 */
export function expectRefund(db: Db, actor: Actor, applicationId: number): number | null {
  const app = db.$client
    .prepare('select status, institution_id institutionId from applications where id = ?')
    .get(applicationId) as { status: string; institutionId: number | null };
  const payment = db.$client
    .prepare(
      `select id, stage, source, status, amount_fen amountFen from payments
    where application_id = ? and stage = 'process' and source = 'city' and status = 'paid'`,
    )
    .get(applicationId) as
    { id: number; stage: Stage; source: Source; status: PaymentStatus; amountFen: number } | undefined;
  if (!payment) return null;
  const problem = refundProblem({ appStatus: app.status, payment, amountFen: payment.amountFen });
  if (problem) throw new DomainError('R5', problem);
  if (db.$client.prepare('select 1 from refunds where payment_id = ?').get(payment.id))
    throw conflict('该笔资助已有退款记录');
  const now = actor.now().toISOString();
  const id = Number(
    db.$client
      .prepare(
        `insert into refunds (application_id, payment_id, institution_id, amount_fen, status, created_at)
    values (?, ?, ?, ?, 'expected', ?)`,
      )
      .run(applicationId, payment.id, app.institutionId, payment.amountFen, now).lastInsertRowid,
  );
  audit(db, actor, {
    action: 'create',
    resource: 'refunds',
    recordId: id,
    after: {
      applicationId,
      paymentId: payment.id,
      institutionId: app.institutionId,
      amountFen: payment.amountFen,
      status: 'expected',
    },
  });
  if (app.institutionId)
    notify(db, actor, staffAccounts(db, { institutionId: app.institutionId }), {
      template: 'refund.expected',
      applicationId,
      params: { applicationId, amountYuan: (payment.amountFen / 100).toFixed(2) },
    });
  return id;
}

/** R5: the institution's money arrived (recorded by the institution or the city). */
export function receiveRefund(db: Db, actor: Actor, r: RefundRow, reference: string): void {
  if (r.status !== REFUND_NEXT.receive)
    throw conflict(`退款状态为「${r.status}」，只有待退回的退款可以登记到账`);
  const now = actor.now().toISOString();
  db.$client
    .prepare(`update refunds set status = 'received', reference = ?, received_at = ? where id = ?`)
    .run(reference, now, r.id);
  audit(db, actor, {
    action: 'receive',
    resource: 'refunds',
    recordId: r.id,
    before: { status: r.status },
    after: { status: 'received', reference, amountFen: r.amountFen },
  });
}

/** R5: the city confirms the refund is back in its balance. */
export function confirmRefund(db: Db, actor: Actor, r: RefundRow): void {
  if (r.status !== REFUND_NEXT.confirm) throw conflict(`退款状态为「${r.status}」，须先登记到账再确认`);
  const now = actor.now().toISOString();
  db.$client.prepare(`update refunds set status = 'confirmed', confirmed_at = ? where id = ?`).run(now, r.id);
  audit(db, actor, {
    action: 'confirm',
    resource: 'refunds',
    recordId: r.id,
    before: { status: r.status },
    after: { status: 'confirmed', amountFen: r.amountFen },
  });
}
