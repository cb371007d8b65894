/**
 * The money of the two historical rounds, per union: the process subsidy's allocation and payments
 * (R1, with the union's matching share: R8), money of dropouts returned before the payout (R4), then
 * what followed the process subsidy (outcomes.ts), then the result subsidy (R2).
 */
import type { Terms } from './agreements';
import { CAL, type Cal } from './calendar';
import { addDays, addMs, APPROVED_OR_BEYOND, DAY, iso, OPEN, utc, ymd, type Ctx } from './context';
import { Ledger } from './ledger';
import type { Allocation, App, FundReturn, MatchingPolicy, Org, Payment, Round } from './model';
import type { Orgs } from './organizations';
import { afterProcess, DROP_REASONS } from './outcomes';

/** One union in one historical round. */
export interface Books {
  ctx: Ctx;
  ledger: Ledger;
  round: number;
  r: Round;
  c: Cal;
  l2: Org;
  /** The union's applications the city approved in the round. */
  mine: App[];
  policy: MatchingPolicy | undefined;
}

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN');

/** The allocation's three dates, one workday each. */
const allocationDates = (ctx: Ctx, d: [string, string, string]): [Date, Date, Date] => [
  ctx.workday(d[0], d[0]),
  ctx.workday(d[1], d[1]),
  ctx.workday(d[2], d[2]),
];

/** R1: the process subsidy of every covered application; R4: a dropout before the payout is cancelled. */
function processSubsidy(b: Books): void {
  const { ctx, ledger, r, c, l2 } = b;
  const { rng } = ctx;
  const covered = b.mine.filter((a) => !(a.status === 'approved' && a.tag === 'uncovered'));
  if (!covered.length) return;
  const al = ledger.allocate(b.round, l2, 'process', covered, 'received', allocationDates(ctx, c.procAlloc));
  const unpaid: Payment[] = [];
  for (const a of covered) {
    const created = addMs(al.receivedAt!, rng.int(1, 5) * DAY);
    if (a.status === 'approved') {
      ledger.pay(
        a,
        al,
        'process',
        'city',
        r.processAmountFen,
        created,
        a.tag === 'failed' ? 'failed' : 'pending',
      );
      continue;
    }
    if (a.status === 'dropped_out' && a.tag === 'unpaid') {
      // R4: dropped out before the payout — the union cancels and returns the money
      a.droppedOutOn = ymd(ctx.between(utc(c.dropUnpaid[0]), utc(c.dropUnpaid[1])));
      a.dropoutReason = rng.pick(DROP_REASONS);
      const p = ledger.pay(
        a,
        al,
        'process',
        'city',
        r.processAmountFen,
        created,
        'cancelled',
        undefined,
        '职工已退学，不符合发放条件，资金退还市总工会（R4）',
      );
      unpaid.push(p);
      continue;
    }
    const p = ledger.pay(a, al, 'process', 'city', r.processAmountFen, created, 'paid', [
      utc(c.procPay[0]),
      ctx.timeOfDay(utc(c.procPay[1])),
    ]);
    a.processPaid = p;
    a.updatedAt = p.paidAt!;
    if (b.policy && b.policy.processAmountFen > 0)
      ledger.pay(
        a,
        null,
        'process',
        'matching',
        b.policy.processAmountFen,
        addMs(p.paidAt!, rng.int(1, 3) * DAY),
        'paid',
      );
  }
  if (unpaid.length) fundReturn(b, unpaid);
}

/** R4: the cancelled payments' money goes back to the city with a report; the city confirms it. */
function fundReturn(b: Books, unpaid: Payment[]): void {
  const { ctx, r, c, l2 } = b;
  const createdAt = ctx.workday(c.fundReturn[0], c.fundReturn[0]);
  const confirmed = b.round === 0 || (l2.code !== 'wuhua' && ctx.rng.chance(0.5));
  const amount = unpaid.reduce((s, p) => s + p.amountFen, 0);
  const names = unpaid.map((p) => p.app.worker.name).join('、');
  const fr: FundReturn = {
    id: 0,
    round: r,
    org: l2,
    stage: 'process',
    amountFen: amount,
    report: `关于退还${r.name}学历提升过程资助资金的情况报告：${l2.name}在发放前核查中发现 ${unpaid.length} 名职工（${names}）已办理退学，不符合发放条件，现将剩余资助资金 ${yuan(amount)} 元退还市总工会。`,
    status: confirmed ? 'confirmed' : 'filed',
    confirmedAt: confirmed ? ctx.workday(c.fundReturn[1], c.fundReturn[1]) : null,
    createdAt,
    items: unpaid,
  };
  b.ledger.fundReturns.push(fr);
  ctx.event(
    fr.createdAt,
    'fund-returns',
    'create',
    () => fr.id,
    () => ({
      roundId: r.id,
      organizationId: l2.id,
      stage: 'process',
      amountFen: amount,
      status: 'filed',
      items: unpaid.map((p) => ({ applicationId: p.app.id, paymentId: p.id, amountFen: p.amountFen })),
    }),
  );
  if (fr.confirmedAt)
    ctx.event(
      fr.confirmedAt,
      'fund-returns',
      'confirm',
      () => fr.id,
      () => ({ status: 'confirmed' }),
    );
}

/**
 * R2: the result subsidy after a verified graduation, allocated and paid (with the matching share),
 * except the G4 graduations still pending payment; a late batch (G3) is still on its way.
 */
function resultSubsidy(b: Books): void {
  const { ctx, ledger, r, c, l2 } = b;
  const { rng } = ctx;
  const resultApps = b.mine.filter(
    (a) => a.status === 'completed' || (a.status === 'graduated' && a.tag === 'G4'),
  );
  if (resultApps.length) {
    const al = ledger.allocate(
      b.round,
      l2,
      'result',
      resultApps,
      'received',
      allocationDates(ctx, c.resAlloc),
    );
    for (const a of resultApps) {
      const created = addMs(al.receivedAt!, rng.int(1, 5) * DAY);
      if (a.status === 'graduated') {
        ledger.pay(a, al, 'result', 'city', r.resultAmountFen, created, 'pending');
        continue;
      }
      const p = ledger.pay(a, al, 'result', 'city', r.resultAmountFen, created, 'paid', [
        utc(c.resPay[0]),
        ctx.timeOfDay(utc(c.resPay[1])),
      ]);
      a.updatedAt = p.paidAt!;
      if (b.policy && b.policy.resultAmountFen > 0)
        ledger.pay(
          a,
          null,
          'result',
          'matching',
          b.policy.resultAmountFen,
          addMs(p.paidAt!, rng.int(1, 3) * DAY),
          'paid',
        );
    }
  }
  // a late batch, still on its way: the city created (and maybe transferred) it last week
  const late = b.mine.filter((a) => a.status === 'graduated' && a.tag === 'G3');
  if (late.length) {
    const transferred = l2.code === 'gaoxin';
    ledger.allocate(b.round, l2, 'result', late, transferred ? 'transferred' : 'created', [
      ctx.timeOfDay(utc(ymd(addDays(ctx.now, -8)))),
      transferred ? ctx.timeOfDay(utc(ymd(addDays(ctx.now, -6)))) : null,
      null,
    ]);
  }
}

/**
 * The open round's first process money (R2: inside its window): a batch the city decided early,
 * allocated, transferred and received this week; some payments wait, one bounced.
 */
function openRoundMoney(ctx: Ctx, ledger: Ledger, orgs: Orgs, apps: App[]): void {
  for (const l2 of orgs.payUnions) {
    const list = apps.filter(
      (a) =>
        a.round === OPEN &&
        a.l2 === l2 &&
        a.status === 'approved' &&
        /^(pending|failed|paid|revoked)$/.test(a.tag),
    );
    if (!list.length) continue;
    const decided = new Date(Math.max(...list.map((a) => a.decidedAt!.getTime())));
    const created = ctx.between(decided, ctx.latest);
    const transferred = ctx.between(created, ctx.latest);
    const received = ctx.between(transferred, ctx.latest);
    const al = ledger.allocate(OPEN, l2, 'process', list, 'received', [created, transferred, received]);
    for (const a of list) {
      const created = ctx.between(received, ctx.latest);
      const p = ledger.pay(a, al, 'process', 'city', al.round.processAmountFen, created, 'pending');
      if (a.tag === 'paid') {
        p.status = 'paid';
        p.paidAt = ctx.between(created, ctx.latest);
        p.reference = ledger.reference(p.channel === 'agency' ? 'ZGXX-DF' : l2.code.toUpperCase(), p.paidAt);
        a.status = 'process_paid';
        a.processPaid = p;
        a.updatedAt = p.paidAt;
        ctx.event(
          p.paidAt,
          'payments',
          'pay',
          () => p.id,
          () => ({
            applicationId: a.id,
            stage: p.stage,
            source: p.source,
            amountFen: p.amountFen,
            channel: p.channel,
            payerOrganizationId: p.payer.id,
            status: 'paid',
            reference: p.reference,
            paidAt: iso(p.paidAt!),
          }),
        );
        continue;
      }
      if (a.tag === 'revoked') {
        revokeAtPayout(ctx, ledger, al, p);
        continue;
      }
      if (a.tag !== 'failed') continue;
      // The bank's refusal came back within the week: it waits for the union to correct the card and re-issue.
      p.status = 'failed';
      p.failedAt = ctx.between(created, ctx.latest);
      p.failureReason = '账户户名与身份证姓名不一致，银行退票';
      ctx.event(
        p.failedAt,
        'payments',
        'fail',
        () => p.id,
        () => ({
          applicationId: a.id,
          stage: p.stage,
          source: p.source,
          amountFen: p.amountFen,
          channel: p.channel,
          payerOrganizationId: p.payer.id,
          status: 'failed',
          reason: p.failureReason,
        }),
      );
    }
  }
}

/**
 * R4: checking before the payout, the union found the worker had become a department manager: the
 * payment is cancelled, the money returned with a report, and the application revoked.
 */
function revokeAtPayout(ctx: Ctx, ledger: Ledger, al: Allocation, p: Payment): void {
  const a = p.app;
  const at = ctx.between(p.createdAt, ctx.latest);
  const report = `${a.l2.name}在发放前核查中发现职工${a.worker.name}已调任部门经理，不属于一线职工（R9b），资格取消，资助资金 ${yuan(p.amountFen)} 元退还市总工会。`;
  p.status = 'cancelled';
  p.failedAt = at;
  p.failureReason = '不符合资助条件，资金退还市总工会（R4）';
  const fr: FundReturn = {
    id: 0,
    round: al.round,
    org: a.l2,
    stage: 'process',
    amountFen: p.amountFen,
    report,
    status: 'filed',
    confirmedAt: null,
    createdAt: at,
    items: [p],
  };
  ledger.fundReturns.push(fr);
  ctx.event(
    at,
    'payments',
    'cancel',
    () => p.id,
    () => ({
      applicationId: a.id,
      stage: p.stage,
      source: p.source,
      amountFen: p.amountFen,
      status: 'cancelled',
      reason: p.failureReason,
    }),
  );
  ctx.event(
    at,
    'fund-returns',
    'create',
    () => fr.id,
    () => ({
      roundId: al.round.id,
      organizationId: a.l2.id,
      stage: 'process',
      amountFen: p.amountFen,
      status: 'filed',
      items: [{ applicationId: a.id, paymentId: p.id, amountFen: p.amountFen }],
    }),
  );
  a.status = 'revoked';
  a.currentStep = null;
  a.revokedReason = report;
  a.updatedAt = at;
  ctx.event(
    at,
    'applications',
    'revoke',
    () => a.id,
    () => ({ status: 'revoked', why: report }),
  );
}

export function seedMoney(ctx: Ctx, rounds: Round[], orgs: Orgs, terms: Terms, apps: App[]): Ledger {
  const ledger = new Ledger(ctx, rounds, orgs.school, terms.agencyStages);
  for (let round = 0; round < 2; round++) {
    for (const l2 of orgs.payUnions) {
      const b: Books = {
        ctx,
        ledger,
        round,
        r: rounds[round],
        c: CAL[round],
        l2,
        mine: apps.filter((a) => a.round === round && a.l2 === l2 && APPROVED_OR_BEYOND.has(a.status)),
        policy: terms.policyOf(round, l2),
      };
      processSubsidy(b);
      afterProcess(b);
      resultSubsidy(b);
    }
  }
  openRoundMoney(ctx, ledger, orgs, apps);
  return ledger;
}
