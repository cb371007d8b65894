/**
 * A round's timetable (the notice's clock): the application window (R11), the intake's enrolment
 * dates (R9c), the last day a process subsidy falls due (R2), the day the waitlist closes (R7), the
 * shortest study before a graduation counts (R2) and the graduation deadline (R6). Dates are
 * calendar days in China time, as `YYYY-MM-DD` strings; no SQL here.
 */
import type { Problem } from './problem';

export interface RoundDatesInput {
  opensOn: string;
  closesOn: string;
  intakeFrom: string;
  intakeTo: string;
  processPayBy?: string | null;
  waitlistClosesOn?: string | null;
  minStudyMonths?: number | null;
}

export interface RoundDates {
  opensOn: string;
  closesOn: string;
  intakeFrom: string;
  intakeTo: string;
  processPayBy: string;
  waitlistClosesOn: string;
  minStudyMonths: number;
  graduationDeadline: string;
}

export const DEFAULT_MIN_STUDY_MONTHS = 30;
/** R6: three years from the intake. */
export const GRADUATION_YEARS = 3;

/** A calendar day plus whole months; the 31st of a shorter month falls back to its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/** Whole months from `from` to `to` (a day short of a month does not count). */
export function monthsBetween(from: string, to: string): number {
  const [y1, m1] = from.split('-').map(Number);
  const [y2, m2] = to.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1);
  // The same count as `addMonths`: the 31st plus a month is the shorter month's last day.
  return addMonths(from, months) <= to ? months : months - 1;
}

/** R6: derived from the intake, never a free date. */
export const graduationDeadlineOf = (intakeFrom: string) => addMonths(intakeFrom, GRADUATION_YEARS * 12);

/** The defaults filled in — `processPayBy` a year after the intake starts, the waitlist closing with it. */
export function withDefaults(r: RoundDatesInput): RoundDates {
  const processPayBy = r.processPayBy || addMonths(r.intakeFrom, 12);
  return {
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    intakeFrom: r.intakeFrom,
    intakeTo: r.intakeTo,
    processPayBy,
    waitlistClosesOn: r.waitlistClosesOn || processPayBy,
    minStudyMonths: r.minStudyMonths ?? DEFAULT_MIN_STUDY_MONTHS,
    graduationDeadline: graduationDeadlineOf(r.intakeFrom),
  };
}

const p = (field: string, message: string, rule = 'R18'): Problem => ({ rule, field, message });

/**
 * The dates of a round checked together. Each problem names the field a clerk must change.
 * Sensible bounds: an intake of at most a year; the application window within a year of the
 * intake; the process payment due within two years of the intake's start.
 */
export function roundDateProblems(r: RoundDates): Problem[] {
  const out: Problem[] = [];
  if (r.closesOn < r.opensOn) out.push(p('closesOn', '申请截止日期不能早于开始日期', 'R11'));
  if (r.intakeTo < r.intakeFrom) out.push(p('intakeTo', '入学日期范围的结束不能早于开始', 'R9c'));
  else if (r.intakeTo > addMonths(r.intakeFrom, 12))
    out.push(p('intakeTo', '一个批次的入学日期范围不能超过一年', 'R9c'));
  if (r.opensOn < addMonths(r.intakeFrom, -12) || r.opensOn > addMonths(r.intakeTo, 12))
    out.push(p('opensOn', '申请时间应在入学日期前后一年之内', 'R11'));
  if (r.processPayBy < r.closesOn)
    out.push(p('processPayBy', '过程资助发放截止日期不能早于申请截止日期', 'R2'));
  else if (r.processPayBy > addMonths(r.intakeFrom, 24))
    out.push(p('processPayBy', '过程资助应在入学后两年之内发放', 'R2'));
  if (r.waitlistClosesOn < r.closesOn)
    out.push(p('waitlistClosesOn', '候补截止日期不能早于申请截止日期', 'R7'));
  else if (r.waitlistClosesOn > r.processPayBy)
    out.push(p('waitlistClosesOn', '候补截止日期不能晚于过程资助发放截止日期', 'R7'));
  if (!Number.isInteger(r.minStudyMonths) || r.minStudyMonths < 12 || r.minStudyMonths > 36)
    out.push(p('minStudyMonths', '最短学习时间应为 12 至 36 个月', 'R2'));
  return out;
}

/** The dates a round's history has already used, which a change may no longer move. */
export interface RoundUse {
  submitted: boolean;
  processPaid: boolean;
  graduationsReported: boolean;
  today: string;
}

/**
 * Changing a date that decisions or money already relied on would re-judge them after the fact:
 * refused (409) rather than silently rewriting history. A date still ahead may move.
 */
export function frozenDateProblems(before: RoundDates, after: RoundDates, use: RoundUse): Problem[] {
  const out: Problem[] = [];
  const changed = (k: keyof RoundDates) => before[k] !== after[k];
  if (use.submitted) {
    for (const k of ['intakeFrom', 'intakeTo'] as const)
      if (changed(k)) out.push(p(k, '已有申请按该入学日期范围提交，不能再修改', 'R9c'));
  }
  if (changed('processPayBy') && (use.processPaid || before.processPayBy < use.today))
    out.push(p('processPayBy', '过程资助已按该截止日期发放或已过期，不能再修改', 'R2'));
  if (changed('waitlistClosesOn') && before.waitlistClosesOn <= use.today)
    out.push(p('waitlistClosesOn', '候补已截止，不能再修改', 'R7'));
  if (changed('minStudyMonths') && use.graduationsReported)
    out.push(p('minStudyMonths', '已有毕业按该最短学习时间上报，不能再修改', 'R2'));
  return out;
}

/** R9c: the enrolment date belongs to the round's intake. */
export function intakeProblem(
  r: Pick<RoundDates, 'intakeFrom' | 'intakeTo'>,
  enrolledOn: string,
): Problem | null {
  return enrolledOn < r.intakeFrom || enrolledOn > r.intakeTo
    ? p('enrolledOn', `入学日期须在本批次的入学日期范围内（${r.intakeFrom} 至 ${r.intakeTo}）`, 'R9c')
    : null;
}

/** R2: a graduation dated sooner than the shortest study after enrolment is refused. */
export function studyLengthProblem(
  enrolledOn: string,
  graduatedOn: string,
  minStudyMonths: number,
): Problem | null {
  const earliest = addMonths(enrolledOn, minStudyMonths);
  return graduatedOn < earliest
    ? p('date', `毕业日期不能早于 ${earliest}（入学后至少 ${minStudyMonths} 个月）`, 'R2')
    : null;
}

/** R2: a process subsidy falls due only until the round's `processPayBy`, unless the city allowed it late. */
export const processWindowOpen = (processPayBy: string, today: string, lateApproved: boolean) =>
  lateApproved || today <= processPayBy;

/** R7: the waitlist is closed from `waitlistClosesOn` on. */
export const waitlistClosed = (waitlistClosesOn: string, today: string) => today >= waitlistClosesOn;
