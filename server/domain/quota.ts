import type { Problem } from './problem';

/** R7: places go first come, first served by submission time; the waitlist is promoted in that order. */
export interface Candidate {
  id: number;
  submittedAt: string;
}

export const bySubmission = (a: Candidate, b: Candidate) =>
  a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : a.id - b.id;

/**
 * The city approves `app` while `used` of `places` are taken. `displaceable` are approvals that
 * no money has touched yet: if the quota is full and one of them was submitted later than `app`,
 * the latest of them yields its place (R7 first come, first served).
 */
export function settleApproval(
  app: Candidate,
  used: number,
  places: number,
  displaceable: Candidate[],
): { result: 'approved' | 'waitlisted'; displace?: number } {
  if (used < places) return { result: 'approved' };
  const latest = [...displaceable].sort(bySubmission).at(-1);
  if (latest && bySubmission(latest, app) > 0) return { result: 'approved', displace: latest.id };
  return { result: 'waitlisted' };
}

/** How many of the waitlist to promote, earliest first. */
export function promotions(used: number, places: number, waitlist: Candidate[]): number[] {
  const free = Math.max(0, places - used);
  return [...waitlist]
    .sort(bySubmission)
    .slice(0, free)
    .map((c) => c.id);
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
