/** Workers' appeals: against a rejection, to the union of the step that rejected it, and (R14) against a failed payment. */
import { addDays, addMs, DAY, ymd, type Ctx } from './context';
import type { App, Payment } from './model';

/**
 * A rejected application's appeal: the planned open ones wait for an answer; some historical
 * ones were answered (the result upheld) and perhaps closed.
 */
export function reviewAppeal(ctx: Ctx, a: App, step: number, at: Date, hist: boolean, cityId: number): void {
  const { rng } = ctx;
  const appealTo = step === 1 ? a.org.id : step === 2 ? a.l2.id : cityId;
  if (a.appeal === 'open') {
    const created = ctx.between(at, ctx.latest);
    ctx.appeals.push({
      id: 0,
      app: a,
      subject: 'review',
      organizationId: appealTo,
      reviewStep: step,
      content: '本人为一线职工，所学专业与岗位直接相关，请求重新审核。',
      response: null,
      status: 'open',
      dueOn: ymd(addDays(created, 15)),
      respondedAt: null,
      closedAt: null,
      createdAt: created,
    });
  } else if (hist && rng.chance(0.3)) {
    const created = addMs(at, rng.int(1, 10) * DAY);
    const responded = addMs(created, rng.int(2, 10) * DAY);
    const closed = rng.chance(0.6);
    ctx.appeals.push({
      id: 0,
      app: a,
      subject: 'review',
      organizationId: appealTo,
      reviewStep: step,
      content: '对审核结果有异议，申请复核。',
      response: '经复核，维持原审核结果。',
      status: closed ? 'closed' : 'answered',
      dueOn: ymd(addDays(created, 15)),
      respondedAt: responded,
      closedAt: closed ? addMs(responded, rng.int(1, 5) * DAY) : null,
      createdAt: created,
    });
  }
}

/** R14: a worker appeals a failed payment (to the level-2 union that pays) not yet reissued. */
export function paymentAppeals(ctx: Ctx, payments: Payment[]): void {
  const { now } = ctx;
  for (const p of payments.filter(
    (x) => x.status === 'failed' && x.app.appeal === 'open' && !payments.some((y) => y.reissueOf === x),
  )) {
    const created = ctx.between(addDays(now, -6), addDays(now, -2));
    ctx.appeals.push({
      id: 0,
      app: p.app,
      subject: 'payment',
      organizationId: p.org.id,
      reviewStep: null,
      content: '过程资助显示发放失败，本人银行卡已更换，请重新发放。',
      response: null,
      status: 'open',
      dueOn: ymd(addDays(created, 15)),
      respondedAt: null,
      closedAt: null,
      createdAt: created,
    });
  }
}
