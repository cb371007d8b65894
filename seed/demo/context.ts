/**
 * What the phases of the demo seed share: the clock, the one PRNG that makes the demo deterministic
 * (every phase draws from it in a fixed order, so the phases run in the order of `seedDemo`), the
 * time helpers built on them, and the rows more than one phase appends to.
 */
import { EVER_APPROVED } from '../../server/domain/lifecycle';
import { Rng } from '../rng';
import type { App, Appeal, AuditEvent, Doc, Status } from './model';

export const DEMO_PASSWORD = 'Kunming@2019';

/**
 * Sizes of the demo. A later `--scale N` option multiplies these (workers per union, applications
 * per round); everything else (statuses, money) follows from them.
 */
export const DEMO_SIZE = {
  /** Workers of a grassroots union: min + uniform(0, spread). */
  workersPerUnitMin: 12,
  workersPerUnitSpread: 40,
  /** Workers of a `direct` union: min + uniform(0, spread). */
  workersPerDirectMin: 50,
  workersPerDirectSpread: 20,
  /** Share of a union's workers applying in each round (historical, historical, open). */
  applyRate: [0.22, 0.24, 0.05] as const,
  /** Places of the open round (the two of the notice have 1,500 each: R18). */
  openRoundPlaces: 1000,
};

/** Index of the round open on `now`; the two rounds of the notice come first (R11, R18). */
export const OPEN = 2;

/**
 * The planned statuses the city approved: each took a place when approved (R7, I6) and has money
 * to follow. The seed plans final statuses, so a dropout counts: it held its place until it left.
 */
export const APPROVED_OR_BEYOND: ReadonlySet<Status> = new Set(EVER_APPROVED);

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const iso = (d: Date) => d.toISOString();
export const ymd = (d: Date) => d.toISOString().slice(0, 10);
export const addMs = (d: Date, ms: number) => new Date(d.getTime() + ms);
export const addDays = (d: Date, n: number) => addMs(d, n * DAY);
export const utc = (s: string) => new Date(`${s}T00:00:00.000Z`);
export const maxDate = (a: Date, b: Date) => (a > b ? a : b);

export interface Ctx {
  now: Date;
  rng: Rng;
  /** An hour before `now`: the latest moment anything of the open round happened. */
  latest: Date;
  /** The audit chain to be, appended as things happen to be recorded (I7). */
  events: AuditEvent[];
  docs: Doc[];
  appeals: Appeal[];
  event: (at: Date, resource: string, action: string, record: () => number, after: () => unknown) => void;
  /** A time on `day` within office hours: 09:00–17:59 北京时间. */
  timeOfDay: (day: Date) => Date;
  between: (a: Date, b: Date) => Date;
  /** A time of day on a date from `from` to `to` (YYYY-MM-DD). */
  workday: (from: string, to: string) => Date;
}

export function newContext(now: Date, seed: number): Ctx {
  const rng = new Rng(seed);
  const events: AuditEvent[] = [];
  const timeOfDay = (day: Date) => addMs(day, (1 + rng.int(0, 8)) * HOUR + rng.int(0, 3599) * 1000);
  const between = (a: Date, b: Date) =>
    new Date(a.getTime() + rng.next() * Math.max(0, b.getTime() - a.getTime()));
  return {
    now,
    rng,
    latest: addMs(now, -HOUR),
    events,
    docs: [],
    appeals: [],
    event: (at, resource, action, record, after) => {
      events.push({ at, resource, action, record, after });
    },
    timeOfDay,
    between,
    workday: (from, to) => timeOfDay(utc(ymd(between(utc(from), utc(to))))),
  };
}

export const appEvent = (ctx: Ctx, app: App, at: Date, action: string, after: () => unknown) =>
  ctx.event(at, 'applications', action, () => app.id, after);
