/**
 * The notice's clock over the demo's history, as the system would have kept it in its own time:
 * enrolment reports accepted before any money moved (R2), waitlists of past rounds closed into
 * not funded (R7), and the city's audited exception for a process subsidy still owed after its
 * round's `processPayBy` (R2).
 */
import { addMs, DAY, HOUR, utc, ymd, type Ctx } from './context';
import { addDoc } from './documents';
import type { App, Payment, Round } from './model';

/** The level-2 union accepts the report a few days after upload, always before the money (R2, R12). */
function acceptReports(ctx: Ctx, apps: App[], payments: Payment[]): void {
  const firstMoney = new Map<App, Date>();
  for (const p of payments)
    if (!firstMoney.has(p.app) || p.createdAt < firstMoney.get(p.app)!) firstMoney.set(p.app, p.createdAt);
  const report = new Map<App, Date>();
  for (const d of ctx.docs)
    if (d.kind === 'enrollment_report' && (!report.has(d.app) || d.at < report.get(d.app)!))
      report.set(d.app, d.at);
  for (const a of apps) {
    const money = firstMoney.get(a);
    let at = report.get(a);
    if (money && (!at || at >= money)) {
      const earliest = a.submittedAt! > addMs(money, -20 * DAY) ? a.submittedAt! : addMs(money, -20 * DAY);
      at = ctx.between(earliest, addMs(money, -HOUR));
      addDoc(ctx, a, 'enrollment_report', at);
    }
    if (!at) continue;
    const accepted = money ? ctx.between(at, money) : addMs(at, ctx.rng.int(1, 4) * DAY);
    if (accepted > ctx.latest) continue;
    a.enrollmentVerifiedAt = accepted;
    ctx.event(
      accepted,
      'applications',
      'verify-enrollment',
      () => a.id,
      () => ({
        status: a.status,
        decision: 'approve',
      }),
    );
  }
}

/** R7: on a past round's `waitlistClosesOn` the still-waitlisted applications were not funded. */
function closePastWaitlists(ctx: Ctx, rounds: Round[], apps: App[]): void {
  const today = ymd(ctx.now);
  for (const a of apps) {
    const r = rounds[a.round];
    if (a.status !== 'waitlisted' || r.waitlistClosesOn > today) continue;
    const at = addMs(utc(r.waitlistClosesOn), -7 * HOUR); // 01:00 in Kunming
    a.status = 'not_funded';
    a.currentStep = null;
    a.decidedAt = at;
    a.updatedAt = at;
    ctx.event(
      at,
      'applications',
      'close-waitlist',
      () => a.id,
      () => ({
        status: 'not_funded',
        why: `R7: 候补已于 ${r.waitlistClosesOn} 截止，本批次未获资助`,
      }),
    );
  }
}

/**
 * R2: a process subsidy still owed past its round's `processPayBy` (the demo keeps a few for the
 * unions to act on) carries the city's exception, decided on that day, with its reason.
 */
function lateProcessExceptions(ctx: Ctx, rounds: Round[], payments: Payment[]): void {
  const today = ymd(ctx.now);
  for (const p of payments) {
    const r = rounds[p.app.round];
    const late =
      p.stage === 'process' &&
      (p.status === 'pending' || (p.status === 'paid' && ymd(addMs(p.paidAt!, 8 * HOUR)) > r.processPayBy));
    if (!late || r.processPayBy >= today || p.app.lateProcessApprovedAt) continue;
    const at = addMs(utc(r.processPayBy), 2 * HOUR);
    p.app.lateProcessApprovedAt = at;
    p.app.lateProcessReason = '职工银行卡信息待更正，经市总工会同意延期发放';
    ctx.event(
      at,
      'applications',
      'allow-late-process',
      () => p.app.id,
      () => ({
        status: p.app.status,
        why: p.app.lateProcessReason,
      }),
    );
  }
}

/**
 * R6: an application still studying when its round's deadline passed lapsed the next day (the sweep
 * runs at 01:00 Kunming), and every payment it still had pending was cancelled with it.
 */
function lapsePast(ctx: Ctx, rounds: Round[], apps: App[], payments: Payment[]): void {
  const today = ymd(ctx.now);
  const lapsed = new Set<App>();
  for (const a of apps) {
    const r = rounds[a.round];
    if ((a.status !== 'approved' && a.status !== 'process_paid') || a.graduationVerifiedAt) continue;
    if (r.graduationDeadline >= today) continue;
    const at = addMs(utc(r.graduationDeadline), 17 * HOUR + ctx.rng.int(0, 600) * 1000);
    const why = `R6: 未在 ${r.graduationDeadline} 前取得毕业证书并经核验，结果资助失效`;
    a.status = 'lapsed';
    a.currentStep = null;
    a.updatedAt = at;
    ctx.event(
      at,
      'applications',
      'lapse',
      () => a.id,
      () => ({ status: 'lapsed', reason: why, why }),
    );
    lapsed.add(a);
  }
  for (const p of payments) {
    if (p.status !== 'pending' || !lapsed.has(p.app)) continue;
    p.status = 'cancelled';
    p.failedAt = addMs(p.app.updatedAt, 1000);
    p.failureReason = `R6: 未在 ${rounds[p.app.round].graduationDeadline} 前取得毕业证书并经核验`;
    ctx.event(
      p.failedAt,
      'payments',
      'cancel',
      () => p.id,
      () => ({
        applicationId: p.app.id,
        stage: p.stage,
        source: p.source,
        amountFen: p.amountFen,
        status: 'cancelled',
        reason: p.failureReason,
      }),
    );
  }
}

export function settleClock(ctx: Ctx, rounds: Round[], apps: App[], payments: Payment[]): void {
  acceptReports(ctx, apps, payments);
  closePastWaitlists(ctx, rounds, apps);
  lapsePast(ctx, rounds, apps, payments);
  lateProcessExceptions(ctx, rounds, payments);
}
