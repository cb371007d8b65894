/**
 * The calendars of the two historical rounds (when each step of R1–R6 happened), the submission
 * times of every application, and R7: first come, first served within each union's quota.
 */
import { addDays, addMs, APPROVED_OR_BEYOND, DAY, HOUR, maxDate, OPEN, utc, ymd, type Ctx } from './context';
import type { App, Round } from './model';
import type { Orgs } from './organizations';
import type { Quotas } from './rounds';

/** Date windows (YYYY-MM-DD) of a historical round; the allocations' are [created, transferred, received]. */
export interface Cal {
  open: Date;
  close: Date;
  decide: [string, string];
  enrolled: [string, string];
  procAlloc: [string, string, string];
  procPay: [string, string];
  dropUnpaid: [string, string];
  cancel: [string, string];
  fundReturn: [string, string];
  dropPaid: [string, string];
  grad: [string, string];
  resAlloc: [string, string, string];
  resPay: [string, string];
}

export const CAL: Cal[] = [
  {
    open: utc('2019-11-11'),
    close: addMs(utc('2019-11-30'), 10 * HOUR),
    decide: ['2019-12-05', '2019-12-27'],
    enrolled: ['2019-09-01', '2019-10-25'],
    procAlloc: ['2020-03-10', '2020-03-16', '2020-03-20'],
    procPay: ['2020-03-25', '2020-05-29'],
    dropUnpaid: ['2020-02-10', '2020-03-05'],
    cancel: ['2020-04-01', '2020-04-20'],
    fundReturn: ['2020-05-06', '2020-05-20'],
    dropPaid: ['2020-06-15', '2021-12-20'],
    // R2: no sooner than 30 months after the last enrolment (2019-10-25), before the deadline (R6)
    grad: ['2022-04-26', '2022-07-20'],
    resAlloc: ['2022-09-05', '2022-09-09', '2022-09-14'],
    resPay: ['2022-09-20', '2022-11-30'],
  },
  {
    open: utc('2020-05-11'),
    close: addMs(utc('2020-05-31'), 10 * HOUR),
    decide: ['2020-06-05', '2020-06-28'],
    enrolled: ['2020-03-01', '2020-04-30'],
    procAlloc: ['2020-09-08', '2020-09-14', '2020-09-18'],
    procPay: ['2020-09-24', '2020-11-30'],
    dropUnpaid: ['2020-08-01', '2020-09-05'],
    cancel: ['2020-10-01', '2020-10-20'],
    fundReturn: ['2020-11-05', '2020-11-20'],
    dropPaid: ['2020-12-10', '2022-06-30'],
    grad: ['2022-11-01', '2023-02-20'],
    resAlloc: ['2023-08-01', '2023-08-07', '2023-08-11'],
    resPay: ['2023-08-15', '2023-10-31'],
  },
];

/** Creation, submission and enrolment dates, and the admission number of each application. */
export function scheduleSubmissions(ctx: Ctx, rounds: Round[], apps: App[]): void {
  const { rng, between, latest } = ctx;
  const openStart = utc(rounds[OPEN].opensOn);
  for (const a of apps) {
    if (a.round === OPEN) {
      const advanced = a.status !== 'draft' && a.status !== 'submitted';
      a.submittedAt =
        a.status === 'draft'
          ? null
          : between(
              addMs(openStart, 2 * HOUR),
              advanced ? between(addMs(openStart, 2 * DAY), addMs(openStart, 5 * DAY)) : latest,
            );
      a.createdAt = a.submittedAt
        ? maxDate(openStart, addMs(a.submittedAt, -rng.int(1, 48) * HOUR))
        : between(openStart, latest);
      a.enrolledOn = ymd(between(addDays(openStart, -70), addDays(openStart, -8)));
    } else {
      const c = CAL[a.round];
      a.submittedAt = a.status === 'draft' ? null : ctx.timeOfDay(utc(ymd(between(c.open, c.close))));
      a.createdAt = a.submittedAt
        ? maxDate(addMs(c.open, HOUR), addMs(a.submittedAt, -rng.int(1, 72) * HOUR))
        : ctx.timeOfDay(utc(ymd(between(c.open, c.close))));
      if (a.submittedAt && a.createdAt > a.submittedAt) a.createdAt = addMs(a.submittedAt, -30 * 60000);
      a.enrolledOn = ymd(between(utc(c.enrolled[0]), utc(c.enrolled[1])));
    }
    if (a.inst)
      a.admissionNo = `${rounds[a.round].intakeTerm.slice(0, 4)}${String(a.inst.id).padStart(2, '0')}${rng.digits(6)}`;
    if (!a.inst) a.enrolledOn = null;
  }
}

/** R7: beyond its union's places, an application the city approved waits (in submission order). */
/**
 * R7 in the open round: one union has approved more than its places (the city filled its quota
 * early), so its latest approvals wait — a waitlist that is still open today.
 */
export function fillOneOpenQuota(orgs: Orgs, quotas: Quotas, apps: App[], code = 'panlong'): void {
  const l2 = orgs.payUnions.find((o) => o.code === code)!;
  const approved = apps.filter((a) => a.round === OPEN && a.l2 === l2 && APPROVED_OR_BEYOND.has(a.status));
  const q = quotas.quotaOf(OPEN, l2);
  const freed = q.places - Math.max(0, approved.length - 2);
  q.places -= freed;
  // The places it did not take stay in the plan (R18): the city gave them to 五华区.
  quotas.quotaOf(
    OPEN,
    orgs.payUnions.find((o) => o.code === 'wuhua')!,
  ).places += freed;
}

export function waitlistOverQuota(orgs: Orgs, quotas: Quotas, apps: App[]): void {
  for (let round = 0; round < 3; round++) {
    for (const l2 of orgs.payUnions) {
      const inQuota = apps
        .filter((a) => a.round === round && a.l2 === l2 && APPROVED_OR_BEYOND.has(a.status))
        .sort((x, y) => x.submittedAt!.getTime() - y.submittedAt!.getTime());
      const places = quotas.quotaOf(round, l2).places;
      for (const a of inQuota.slice(places)) {
        a.status = 'waitlisted';
        a.tag = '';
        a.refund = undefined;
      }
    }
  }
}
