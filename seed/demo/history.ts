/**
 * The lives of the applications up to the city's decision: the scans, the reviews of steps 1–3
 * (R13: a direct union skips step 2), returns, rejections with their appeals, withdrawals, and the
 * approvals and waitlistings (R7). Historical rounds follow their calendar; the open round's
 * steps fall between submission and `now`.
 */
import { CAL, type Cal } from './calendar';
import { addMs, appEvent, DAY, HOUR, maxDate, OPEN, type Ctx } from './context';
import { draftDocuments, enrollmentReport, formDocuments } from './documents';
import { reviewAppeal } from './appeals';
import type { App, Review } from './model';
import type { Orgs } from './organizations';
import type { Accounts } from './people';

const COMMENTS = {
  1: [
    '同意推荐',
    '经单位工会审核，所学专业符合岗位需要，同意推荐',
    '材料齐全，同意推荐',
    '该职工为一线岗位，同意推荐',
  ],
  2: ['审查通过', '材料审查无误，同意上报', '符合资助条件，同意', '经审查符合条件，报市总工会审核'],
  3: ['审核通过', '同意资助', '符合资助条件，予以资助'],
} as const;
const RETURNS = [
  '入学通知书扫描件不清晰，请重新上传',
  '缴费凭证缺失，请补充后重新提交',
  '申请表未加盖单位工会公章，请补盖后重新上传',
  '专业名称与录取通知书不一致，请核对后重新提交',
];

interface Reviewers {
  reviews: Review[];
  staffByOrg: Map<number, number>;
  cityId: number;
}

/** One submitted application's way through the steps; `t` is the time of its latest move. */
class Life {
  readonly direct: boolean;
  readonly hist: boolean;
  readonly c: Cal;
  t: Date;
  constructor(
    readonly ctx: Ctx,
    readonly who: Reviewers,
    readonly a: App,
  ) {
    this.direct = a.org.kind === 'direct';
    this.hist = a.round !== OPEN;
    this.c = CAL[a.round];
    this.t = a.submittedAt!;
  }
  /** Some days after `t` in a historical round; a share of the time left until `now` in the open one. */
  later(t: Date, minDays: number, maxDays: number): Date {
    const { rng, now } = this.ctx;
    return this.hist
      ? addMs(t, (minDays + rng.next() * (maxDays - minDays)) * DAY)
      : addMs(t, (now.getTime() - t.getTime()) * (0.08 + rng.next() * 0.3));
  }
  /** Moves `t` on to the time of a decision at `step`: the city's falls in the round's decision window. */
  at(step: number): Date {
    if (step === 1) return (this.t = this.later(this.t, 0.3, 4));
    if (step === 2) return (this.t = this.later(this.t, 0.5, 6));
    return (this.t = this.hist
      ? maxDate(addMs(this.t, 12 * HOUR), this.ctx.workday(this.c.decide[0], this.c.decide[1]))
      : this.later(this.t, 0, 0));
  }
  review(step: number, decision: string, resultStatus: string, at: Date, comment: string): void {
    const { a, who } = this;
    const organizationId = step === 1 ? a.org.id : step === 2 ? a.l2.id : who.cityId;
    who.reviews.push({
      id: 0,
      app: a,
      step,
      organizationId,
      userId: who.staffByOrg.get(organizationId) ?? null,
      decision,
      resultStatus,
      comment,
      at,
    });
  }
  approveChain(upTo: number): void {
    const { rng } = this.ctx;
    if (upTo >= 1) this.review(1, 'approve', 'unit_approved', this.at(1), rng.pick(COMMENTS[1]));
    if (upTo >= 2 && !this.direct)
      this.review(2, 'approve', 'org_approved', this.at(2), rng.pick(COMMENTS[2]));
  }
}

/** Rejected at the planned step, or where the worker's ineligibility shows (R9), with the reason. */
function reject(life: Life): void {
  const { a, ctx } = life;
  const w = a.worker;
  let step =
    a.rejectStep ?? (!w.isFrontline ? 1 : !w.org.duesPaid || !w.isUnionMember ? 2 : ctx.rng.pick([1, 2, 3]));
  if (life.direct && step === 2) step = 3;
  const reason = !w.isFrontline
    ? '该职工岗位为单位中层以上管理人员，不属于一线职工（R9b）'
    : !w.org.duesPaid
      ? '所在单位未按规定缴交工会经费，不符合申请条件（R9a）'
      : !w.isUnionMember
        ? '申请人不具备工会会员资格（R9a）'
        : step === 1
          ? '所学专业与本单位岗位需要不符，不予推荐（R9d）'
          : step === 2
            ? '入学时间不在本期资助范围内（R9c）'
            : '材料与学信网学籍信息不一致，宁缺毋滥，不予资助（R16）';
  life.approveChain(step - 1);
  const at = life.at(step);
  life.review(step, 'reject', 'rejected', at, reason);
  a.decidedAt = at;
  reviewAppeal(ctx, a, step, at, life.hist, life.who.cityId);
}

/** The reviews that brought the application to its planned status. */
function decide(life: Life): void {
  const { a, ctx } = life;
  const { rng } = ctx;
  switch (a.status) {
    case 'submitted':
      a.currentStep = 1;
      break;
    case 'unit_approved':
      life.approveChain(1);
      a.currentStep = life.direct ? 3 : 2;
      break;
    case 'org_approved':
      life.approveChain(2);
      a.currentStep = 3;
      break;
    case 'returned': {
      const step = rng.pick(life.direct ? [1, 3] : [1, 2, 3]);
      life.approveChain(step - 1);
      life.review(step, 'return', 'returned', life.at(step), rng.pick(RETURNS));
      break;
    }
    case 'rejected':
      reject(life);
      break;
    case 'withdrawn': {
      if (rng.chance(0.5)) life.approveChain(1);
      life.t = life.later(life.t, 0.5, 8);
      appEvent(ctx, a, life.t, 'withdraw', () => ({ status: 'withdrawn' }));
      break;
    }
    default: {
      // city decision reached: waitlisted, approved and beyond
      life.approveChain(2);
      const at = life.at(3);
      if (a.status === 'waitlisted')
        life.review(
          3,
          'approve',
          'waitlisted',
          at,
          '符合资助条件，但本单位名额已满，按提交时间先后列入候补（R7）',
        );
      else life.review(3, 'approve', 'approved', at, rng.pick(COMMENTS[3]));
      a.decidedAt = at;
    }
  }
}

export function seedHistory(ctx: Ctx, orgs: Orgs, accounts: Accounts, apps: App[]): Review[] {
  const who: Reviewers = { reviews: [], staffByOrg: accounts.staffByOrg, cityId: orgs.city.id };
  for (const a of apps) {
    // documents uploaded while filling in the form
    if (a.status === 'draft') {
      draftDocuments(ctx, a);
      a.updatedAt = a.createdAt;
      continue;
    }
    formDocuments(ctx, a);
    const life = new Life(ctx, who, a);
    appEvent(ctx, a, life.t, 'submit', () => ({ status: 'submitted', currentStep: 1 }));
    a.updatedAt = life.t;
    decide(life);
    a.updatedAt = life.t;
    enrollmentReport(ctx, a, life.hist);
  }
  return who.reviews;
}
