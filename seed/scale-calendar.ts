/**
 * The calendar of the scale seed: twenty rounds (ten years of spring and autumn intakes) ending with
 * the one open on `now`, each with the dates its money moves on (R2, R6, R11; the notice's windows:
 * autumn 11-11 to 11-30, spring 05-11 to 05-31).
 */
import { addMonths } from '../server/domain/rounds';
export interface ScaleRound {
  id: number;
  term: string;
  name: string;
  opensOn: string;
  intakeFrom: string;
  intakeTo: string;
  processPayBy: string;
  closesOn: string;
  deadline: string;
  /** 0 the round open now, 1 the one decided last term, 2+ historical (money has moved). */
  age: number;
  opensMs: number;
  closesMs: number;
  intakeMs: number;
  decideFrom: number;
  decideTo: number;
  procAllocMs: number;
  processPaidBy: number;
  resultAllocMs: number;
  resultPaidBy: number;
  deadlineMs: number;
  /** The result allocation of the round has been paid out. */
  resultDone: boolean;
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const ymd = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function scaleRounds(now: Date, count = 20): ScaleRound[] {
  const nowMs = now.getTime();
  // A term as one number: year × 2, +1 for autumn; the last `count` terms end with the current one.
  const current = now.getUTCFullYear() * 2 + (now.getUTCMonth() + 1 >= 7 ? 1 : 0);
  const terms = Array.from({ length: count }, (_, i) => current - count + 1 + i).map(
    (t) => [Math.floor(t / 2), t % 2 === 1] as const,
  );
  return terms.map(([y, autumn], i, all) => {
    const age = all.length - 1 - i;
    let opens = autumn ? utc(y, 11, 11) : utc(y, 5, 11);
    let closes = autumn ? utc(y, 11, 30) : utc(y, 5, 31);
    if (age === 0 && !(opens <= nowMs && nowMs < closes + DAY)) {
      // keep the open round open on `now`
      opens = utc(now.getUTCFullYear(), now.getUTCMonth() + 1, now.getUTCDate()) - 10 * DAY;
      closes = opens + 30 * DAY;
    }
    const intakeMs = autumn ? utc(y, 9, 1) : utc(y, 3, 1);
    const intakeFrom = ymd(intakeMs);
    const procAllocMs = closes + 100 * DAY + 2 * HOUR;
    const resultAllocMs = (autumn ? utc(y + 3, 9, 5) : utc(y + 3, 3, 5)) + 2 * HOUR;
    const deadline = autumn ? `${y + 3}-12-31` : `${y + 3}-06-30`;
    return {
      id: i + 1,
      term: `${y}-${autumn ? 'autumn' : 'spring'}`,
      name: `${y}年${autumn ? '秋季' : '春季'}`,
      opensOn: ymd(opens),
      closesOn: ymd(closes),
      intakeFrom,
      intakeTo: autumn ? `${y}-12-31` : `${y}-07-31`,
      // R2: due within the first study year (the round's default)
      processPayBy: addMonths(intakeFrom, 12),
      deadline,
      age,
      opensMs: opens + HOUR,
      closesMs: closes + 10 * HOUR,
      intakeMs,
      decideFrom: closes + 5 * DAY + 2 * HOUR,
      decideTo: closes + 27 * DAY + 8 * HOUR,
      procAllocMs,
      processPaidBy: procAllocMs + 70 * DAY,
      resultAllocMs,
      resultPaidBy: resultAllocMs + 70 * DAY,
      deadlineMs: Date.parse(`${deadline}T16:00:00.000Z`),
      resultDone: resultAllocMs + 75 * DAY < nowMs,
    };
  });
}
