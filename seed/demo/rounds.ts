/** Institutions, the rounds (R11, R18) and their quotas per union, with the city's adjustments (R7). */
import { withDefaults } from '../../server/domain/rounds';
import * as N from '../names';
import { addDays, addMs, DEMO_SIZE, HOUR, iso, utc, ymd, type Ctx } from './context';
import type { Inst, Org, Quota, QuotaAdjustment, Round, Worker } from './model';
import type { Orgs } from './organizations';

export const institutions = (): Inst[] => N.INSTITUTIONS.map((def, i) => ({ id: i + 1, def }));

/** The two rounds of the notice (2019 autumn, 2020 spring) and one open on `now`. */
export function seedRounds(ctx: Ctx): Round[] {
  const { now } = ctx;
  const month = now.getUTCMonth() + 1;
  const year = now.getUTCFullYear();
  const autumn = month >= 7;
  const openTerm = `${year}-${autumn ? 'autumn' : 'spring'}`;
  if (openTerm === '2019-autumn' || openTerm === '2020-spring')
    throw new Error("seedDemo: the open round would clash with the notice's rounds");
  return [
    {
      id: 1,
      name: '2019年秋季',
      intakeTerm: '2019-autumn',
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: 1500,
      ...withDefaults({
        opensOn: '2019-11-11',
        closesOn: '2019-11-30',
        intakeFrom: '2019-08-01',
        intakeTo: '2019-12-31',
      }),
      createdAt: '2019-05-24T03:00:00.000Z',
    },
    {
      id: 2,
      name: '2020年春季',
      intakeTerm: '2020-spring',
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: 1500,
      ...withDefaults({
        opensOn: '2020-05-11',
        closesOn: '2020-05-31',
        intakeFrom: '2020-03-01',
        intakeTo: '2020-07-31',
      }),
      createdAt: '2019-05-24T03:00:00.000Z',
    },
    {
      id: 3,
      name: `${year}年${autumn ? '秋季' : '春季'}`,
      intakeTerm: openTerm,
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: DEMO_SIZE.openRoundPlaces,
      ...withDefaults({
        opensOn: ymd(addDays(now, -10)),
        closesOn: ymd(addDays(now, 20)),
        intakeFrom: `${year}-${autumn ? '08-01' : '02-01'}`,
        intakeTo: `${year}-${autumn ? '12-31' : '07-31'}`,
      }),
      createdAt: iso(ctx.timeOfDay(utc(ymd(addDays(now, -40))))),
    },
  ];
}

export interface Quotas {
  quotas: Quota[];
  adjustments: QuotaAdjustment[];
  /** Workers per level-2 union. */
  sizeOf: Map<number, number>;
  /** The quota of a union in the round of index `round`. */
  quotaOf: (round: number, org: Org) => Quota;
}

/** R18: the plan split by size, largest remainders first, so the quotas sum to the plan. */
function splitPlaces(planned: number, sizes: number[]): number[] {
  const total = sizes.reduce((s, x) => s + x, 0);
  const raw = sizes.map((size) => (planned * size) / total);
  const places = raw.map(Math.floor);
  let left = planned - places.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    places[i]++;
  }
  return places;
}

export function seedQuotas(orgs: Orgs, rounds: Round[], workers: Worker[]): Quotas {
  const { payUnions, byCode } = orgs;
  const sizeOf = new Map<number, number>();
  for (const w of workers) sizeOf.set(w.l2.id, (sizeOf.get(w.l2.id) ?? 0) + 1);
  const quotas: Quota[] = [];
  for (const r of rounds) {
    const places = splitPlaces(
      r.plannedPlaces,
      payUnions.map((o) => sizeOf.get(o.id) ?? 0),
    );
    payUnions.forEach((o, i) => quotas.push({ id: quotas.length + 1, round: r, org: o, places: places[i] }));
  }
  const quotaOf = (round: number, org: Org) => quotas.find((q) => q.round.id === round + 1 && q.org === org)!;
  // R7: the city moves places between unions with a reason (the plan total stays 1,500).
  const adjustments: QuotaAdjustment[] = [];
  const adjust = (q: Quota, delta: number, reason: string, at: Date) => {
    adjustments.push({
      id: adjustments.length + 1,
      quota: q,
      delta,
      before: q.places,
      after: q.places + delta,
      reason,
      at,
    });
    q.places += delta;
  };
  adjust(
    quotaOf(0, byCode.get('jingkai')!),
    -8,
    '经开区申报人数低于分配名额，调出 8 个名额给西山区',
    addMs(utc('2019-12-03'), 3 * HOUR + 10 * 60000),
  );
  adjust(
    quotaOf(0, byCode.get('xishan')!),
    8,
    '西山区申报踊跃，从经开区调剂 8 个名额（R7）',
    addMs(utc('2019-12-03'), 3 * HOUR + 12 * 60000),
  );
  return { quotas, adjustments, sizeOf, quotaOf };
}

/** Quota adjustments are audited too; pushed last, as ties in the chain's time sort keep the push order. */
export function auditAdjustments(ctx: Ctx, adjustments: QuotaAdjustment[]): void {
  for (const qa of adjustments) {
    ctx.event(
      qa.at,
      'quotas',
      'adjust',
      () => qa.quota.id,
      () => ({
        roundId: qa.quota.round.id,
        organizationId: qa.quota.org.id,
        delta: qa.delta,
        placesBefore: qa.before,
        placesAfter: qa.after,
        reason: qa.reason,
      }),
    );
  }
}
