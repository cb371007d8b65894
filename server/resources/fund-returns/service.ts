import type { Db } from '../../../db/client';
import { returnProblem, type Stage } from '../../domain/money';
import { audit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { badRequest, conflict, DomainError, forbidden } from '../../lib/errors';
import { actsForUnion } from '../allocations/service';
import { eq } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import { isIn, STUDYING } from '../../domain/lifecycle';
import { revoke } from '../applications/progress';
import { cancelPending } from '../payments/service';

export type FundReturnRow = {
  id: number;
  roundId: number;
  organizationId: number;
  stage: Stage;
  amountFen: number;
  report: string;
  status: 'filed' | 'confirmed';
  confirmedAt: string | null;
  createdAt: string;
};

export interface ReturnInput {
  roundId: number;
  stage: Stage;
  applicationIds: number[];
  report: string;
}

/**
 * R4 返还: the union sends back the city's money it received for applications it will not pay
 * (ineligible at payout, dropped out or lapsed before payment), with its report. Pending payments of
 * those applications are cancelled; the return names the payment it replaces, if there was one.
 */
export function fileReturn(db: Db, actor: Actor, d: ReturnInput): number {
  const u = actor.user!;
  const orgId = u.level2Id!;
  if (!actsForUnion(u, orgId)) throw forbidden('资金返还由区县级（产业、直属）工会填报');
  const ids = [...new Set(d.applicationIds)];
  const covered = db.$client
    .prepare(`select i.amount_fen amountFen, al.status from allocation_items i join allocations al on al.id = i.allocation_id
    join applications a on a.id = i.application_id where i.application_id = ? and i.stage = ? and al.round_id = ? and al.organization_id = ? and a.level2_id = ?`);
  const paid = db.$client.prepare(
    `select 1 from payments where application_id = ? and stage = ? and source = 'city' and status = 'paid'`,
  );
  const returned = db.$client.prepare(
    `select 1 from fund_return_items i join fund_returns f on f.id = i.fund_return_id where i.application_id = ? and f.stage = ?`,
  );
  const errors: Record<string, string> = {};
  const items: { applicationId: number; amountFen: number }[] = [];
  for (const appId of ids) {
    const c = covered.get(appId, d.stage, d.roundId, orgId, orgId) as
      { amountFen: number; status: string } | undefined;
    const problem = returnProblem({
      covered: !!c,
      received: c?.status === 'received',
      paid: !!paid.get(appId, d.stage),
      returned: !!returned.get(appId, d.stage),
    });
    if (problem) errors[`applicationIds.${appId}`] = `申请 #${appId}：${problem}`;
    else items.push({ applicationId: appId, amountFen: c!.amountFen });
  }
  if (Object.keys(errors).length) throw new DomainError('R4', Object.values(errors).join('；'), errors);
  const amountFen = items.reduce((s, i) => s + i.amountFen, 0);
  if (amountFen <= 0) throw badRequest('返还金额须大于 0', { applicationIds: '没有可返还的金额' });
  const now = actor.now().toISOString();
  const id = Number(
    db.$client
      .prepare(
        `insert into fund_returns (round_id, organization_id, stage, amount_fen, report, status, created_at)
    values (?, ?, ?, ?, ?, 'filed', ?)`,
      )
      .run(d.roundId, orgId, d.stage, amountFen, d.report, now).lastInsertRowid,
  );
  const insert = db.$client.prepare(
    'insert into fund_return_items (fund_return_id, application_id, payment_id, amount_fen) values (?, ?, ?, ?)',
  );
  const lastUnpaid = db.$client
    .prepare(`select p.id from payments p where p.application_id = ? and p.stage = ? and p.source = 'city'
    and p.status in ('failed','cancelled') and not exists (select 1 from fund_return_items i where i.payment_id = p.id) order by p.id desc limit 1`);
  const out = [];
  const appOf = (appId: number) => db.select().from(applications).where(eq(applications.id, appId)).get()!;
  for (const it of items) {
    cancelPending(db, actor, it.applicationId, `资金退还市总工会（返还报告 #${id}）`, d.stage);
    // R4: a worker still studying whose money goes back was found ineligible: the application is revoked.
    const app = appOf(it.applicationId);
    if (isIn(STUDYING, app.status)) revoke(db, actor, app, d.report, id);
    const paymentId = (lastUnpaid.get(it.applicationId, d.stage) as { id: number } | undefined)?.id ?? null;
    insert.run(id, it.applicationId, paymentId, it.amountFen);
    out.push({ ...it, paymentId });
  }
  audit(db, actor, {
    action: 'create',
    resource: 'fund-returns',
    recordId: id,
    after: {
      roundId: d.roundId,
      organizationId: orgId,
      stage: d.stage,
      amountFen,
      status: 'filed',
      items: out,
    },
  });
  return id;
}

/** R4: the city confirms the returned money arrived. */
export function confirmReturn(db: Db, actor: Actor, f: FundReturnRow): void {
  if (f.status !== 'filed') throw conflict('该返还已确认');
  const now = actor.now().toISOString();
  db.$client
    .prepare(`update fund_returns set status = 'confirmed', confirmed_at = ? where id = ?`)
    .run(now, f.id);
  audit(db, actor, {
    action: 'confirm',
    resource: 'fund-returns',
    recordId: f.id,
    before: { status: f.status },
    after: { status: 'confirmed', amountFen: f.amountFen },
  });
}
