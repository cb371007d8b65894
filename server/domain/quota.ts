import type { Problem } from './problem';

/** R7: places go first come, first served by submission time; the waitlist is promoted in that order. */
export interface Candidate {
  id: number;
  submittedAt: string;
}

export const bySubmission = (a: Candidate, b: Candidate) =>
  a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id - b.id;

/** R8: whose money a place is — the city's quota, or a union's own extra places (增加资助人数). */
export type FundedBy = 'city' | 'union';

/** Places of one kind: how many there are and how many are taken. */
export interface Places {
  places: number;
  used: number;
}

/**
 * The city approves `app` with `city` places of the union's quota and `union` places the union funds
 * itself (R8): a free city place first, then a free union place. When both are full, the latest of
 * the `displaceable` approvals (those no money has touched yet) yields its place — city or union —
 * if it was submitted later than `app` (R7 first come, first served); otherwise `app` waits.
 */
export function settleApproval(
  app: Candidate,
  city: Places,
  displaceable: (Candidate & { fundedBy?: FundedBy })[],
  union: Places = { places: 0, used: 0 },
): { result: 'approved' | 'waitlisted'; fundedBy?: FundedBy; displace?: number } {
  if (city.used < city.places) return { result: 'approved', fundedBy: 'city' };
  if (union.used < union.places) return { result: 'approved', fundedBy: 'union' };
  const latest = [...displaceable].sort(bySubmission).at(-1);
  if (latest && bySubmission(latest, app) > 0)
    return { result: 'approved', fundedBy: latest.fundedBy ?? 'city', displace: latest.id };
  return { result: 'waitlisted' };
}

/**
 * R7/R8: whom to promote, earliest submission first: free city places first, then free places the
 * union funds itself.
 */
export function promotions(
  city: Places,
  waitlist: Candidate[],
  union: Places = { places: 0, used: 0 },
): { id: number; fundedBy: FundedBy }[] {
  const freeCity = Math.max(0, city.places - city.used);
  const freeUnion = Math.max(0, union.places - union.used);
  return [...waitlist]
    .sort(bySubmission)
    .slice(0, freeCity + freeUnion)
    .map((c, i) => ({ id: c.id, fundedBy: i < freeCity ? 'city' : 'union' }));
}

/** R8: a union lowers its own extra places never below those already taken. */
export function extraPlacesProblem(extraPlaces: number, used: number): Problem | null {
  if (extraPlaces >= used) return null;
  return {
    rule: 'R8',
    field: 'extraPlaces',
    message: `本会出资名额（${extraPlaces}）不能少于已使用的 ${used} 个`,
  };
}

/** R7: a quota can be raised freely, lowered never below the places already used. */
/**
 * The most places a union's quota may hold, as when it is created: far above any city's plan, and
 * low enough that places times the subsidy stays an exact integer of fen (R7, I6).
 */
export const MAX_PLACES = 1_000_000;

export function adjustProblem(places: number, used: number, delta: number): string | null {
  if (!Number.isInteger(delta) || delta === 0) return '调整数量须为非零整数';
  if (Math.abs(delta) > MAX_PLACES || places + delta > MAX_PLACES)
    return `调整后名额不能超过 ${MAX_PLACES} 个`;
  if (places + delta < used) return `调整后名额（${places + delta}）不能少于已使用的 ${used} 个`;
  return null;
}

/**
 * R18: the quotas of a round never add up to more than its planned places. `change` is what the
 * quotas' sum would move by (a new quota's places, an adjustment's delta); taking places back is
 * always allowed. With `field` `plannedPlaces`, `plannedPlaces` is a new plan against today's sum.
 */
export function planProblem(
  plannedPlaces: number,
  quotaSum: number,
  change: number,
  field: 'places' | 'delta' | 'plannedPlaces' = 'places',
): Problem | null {
  if (change < 0 || quotaSum + change <= plannedPlaces) return null;
  const message =
    field === 'plannedPlaces'
      ? `计划名额（${plannedPlaces}）不能少于已分配的名额合计 ${quotaSum} 个`
      : `本批次计划 ${plannedPlaces} 个名额，已分配 ${quotaSum} 个，再分配 ${change} 个将超出计划；请先增加计划`;
  return { rule: 'R18', message, field };
}

/** R18: the most one raise of the plan may add. */
export const MAX_PLAN_RAISE = 100_000;

/** R18: what a level-2 union brings to the split of a new round's plan. */
export interface ProposalFacts {
  organizationId: number;
  /** Attested union members (by the roster or by hand, R9a). */
  members: number;
  /** Applications submitted in the earlier rounds, and of those, places taken up (approved and on). */
  applications: number;
  uptake: number;
}

/**
 * R18: a proposed split of `plannedPlaces` over the level-2 unions — half by attested members, a quarter
 * by the earlier rounds' applications, a quarter by their uptake (a term nobody has drops out, its weight
 * to the others; with no figures at all, equal shares) — rounded by largest remainder so that it sums to
 * the plan exactly. Exact integer arithmetic (BigInt): no float decides a place.
 */
export function proposeQuotas(
  plannedPlaces: number,
  unions: readonly ProposalFacts[],
): { organizationId: number; places: number }[] {
  if (!unions.length) return [];
  const terms = [
    { weight: 2n, of: (u: ProposalFacts) => BigInt(u.members) },
    { weight: 1n, of: (u: ProposalFacts) => BigInt(u.applications) },
    { weight: 1n, of: (u: ProposalFacts) => BigInt(u.uptake) },
  ]
    .map((t) => ({ ...t, total: unions.reduce((s, u) => s + t.of(u), 0n) }))
    .filter((t) => t.total > 0n);
  // w_i = Σ weight × value_i / total, over the common denominator Π totals.
  const product = terms.reduce((p, t) => p * t.total, 1n);
  const w = unions.map((u) =>
    terms.length ? terms.reduce((s, t) => s + (t.weight * t.of(u) * product) / t.total, 0n) : 1n,
  );
  const W = w.reduce((s, x) => s + x, 0n);
  const P = BigInt(plannedPlaces);
  const base = w.map((x) => (P * x) / W);
  const rest = w.map((x, i) => ({ i, r: (P * x) % W }));
  let left = Number(P - base.reduce((s, x) => s + x, 0n));
  rest.sort((a, b) =>
    a.r === b.r ? unions[a.i].organizationId - unions[b.i].organizationId : a.r > b.r ? -1 : 1,
  );
  for (const { i } of rest) {
    if (left <= 0) break;
    base[i] += 1n;
    left--;
  }
  return unions.map((u, i) => ({ organizationId: u.organizationId, places: Number(base[i]) }));
}
