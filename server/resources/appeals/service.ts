import { and, eq, inArray } from 'drizzle-orm';
import { moveApplication } from '../applications/transition';
import type { Db } from '../../../db/client';
import { appeals, applications, organizations, payments, reviews } from '../../../db/schema';
import { appealableProblem, dueOn } from '../../domain/appeals';
import { chinaDate } from '../../domain/eligibility';
import { reopenAt, type Step } from '../../domain/lifecycle';
import { audit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { conflict, DomainError, forbidden } from '../../lib/errors';
import { notify, notifyWorker, staffAccounts } from '../notifications/service';
import type { AppRow } from '../applications/service';

type AppealRow = typeof appeals.$inferSelect;

export function fileAppeal(
  db: Db,
  actor: Actor,
  app: AppRow,
  subject: 'review' | 'payment',
  content: string,
): number {
  const pay = db
    .select()
    .from(payments)
    .where(eq(payments.applicationId, app.id))
    .orderBy(payments.id)
    .all()
    .at(-1);
  const problem = appealableProblem(subject, app.status, !!pay);
  if (problem) throw new DomainError('R14', problem, { subject: problem });
  const open = db
    .select({ id: appeals.id })
    .from(appeals)
    .where(
      and(eq(appeals.applicationId, app.id), eq(appeals.subject, subject), inArray(appeals.status, ['open'])),
    )
    .get();
  if (open) throw conflict('该申请已有一件待答复的申诉');
  // It goes to the union that decided: the reviewer that rejected, or the payer of the payment.
  let organizationId: number;
  let reviewStep: number | null = null;
  if (subject === 'review') {
    const r = db
      .select()
      .from(reviews)
      .where(and(eq(reviews.applicationId, app.id), eq(reviews.decision, 'reject')))
      .orderBy(reviews.id)
      .all()
      .at(-1)!;
    organizationId = r.organizationId;
    reviewStep = r.step;
  } else {
    organizationId = pay!.organizationId;
  }
  const today = chinaDate(actor.now());
  const row = db
    .insert(appeals)
    .values({
      applicationId: app.id,
      subject,
      organizationId,
      reviewStep,
      content,
      dueOn: dueOn(today),
      createdAt: actor.now().toISOString(),
    })
    .returning({ id: appeals.id })
    .get();
  notify(db, actor, staffAccounts(db, { organizationId }), {
    template: 'appeal.filed',
    applicationId: app.id,
    params: { applicationId: app.id, appealId: row.id, dueOn: dueOn(today) },
  });
  return row.id;
}

function assertDecider(db: Db, actor: Actor, appeal: AppealRow) {
  const u = actor.user!;
  if (u.role !== 'city_admin' && u.organizationId !== appeal.organizationId)
    throw forbidden('申诉由作出决定的工会答复');
}

export function respond(db: Db, actor: Actor, appeal: AppealRow, response: string, upheld: boolean): void {
  assertDecider(db, actor, appeal);
  if (appeal.status !== 'open' && appeal.status !== 'answered') throw conflict('该申诉已结束');
  const now = actor.now().toISOString();
  db.update(appeals)
    .set({ response, status: upheld ? 'upheld' : 'answered', respondedAt: now })
    .where(eq(appeals.id, appeal.id))
    .run();
  audit(db, actor, {
    action: upheld ? 'appeal:uphold' : 'appeal:answer',
    resource: 'appeals',
    recordId: appeal.id,
    before: { status: appeal.status },
    after: { status: upheld ? 'upheld' : 'answered' },
  });
  notifyWorker(db, actor, appeal.applicationId, upheld ? 'appeal.upheld' : 'appeal.answered', { response });
  if (upheld && appeal.subject === 'review') {
    const app = db.select().from(applications).where(eq(applications.id, appeal.applicationId)).get()!;
    if (app.status !== 'rejected') return;
    const isDirect =
      db
        .select({ kind: organizations.kind })
        .from(organizations)
        .where(eq(organizations.id, app.level2Id))
        .get()?.kind === 'direct';
    const to = reopenAt((appeal.reviewStep ?? 1) as Step, isDirect);
    moveApplication(db, actor, app, to.status, {
      action: 'reopen',
      set: { currentStep: to.currentStep, decidedAt: null },
      after: { why: `申诉 #${appeal.id} 成立` },
    });
  }
}

export function close(db: Db, actor: Actor, appeal: AppealRow): void {
  assertDecider(db, actor, appeal);
  if (appeal.status === 'closed') throw conflict('该申诉已关闭');
  if (appeal.status === 'open') throw conflict('请先答复再关闭');
  db.update(appeals)
    .set({ status: 'closed', closedAt: actor.now().toISOString() })
    .where(eq(appeals.id, appeal.id))
    .run();
  audit(db, actor, {
    action: 'appeal:close',
    resource: 'appeals',
    recordId: appeal.id,
    before: { status: appeal.status },
    after: { status: 'closed' },
  });
}
