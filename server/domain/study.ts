/**
 * R15 study checks: each term the institution (or the unit union) records how a funded worker's
 * studies go. Terms are written like a round's intake term: `2026-autumn`, `2027-spring`.
 */
import { chinaDate } from './eligibility';
import { isIn, STUDYING, type Status } from './lifecycle';

export const TERM_PATTERN = /^\d{4}-(spring|autumn)$/;

/** R15: the applications followed term by term: funded and not yet ended (studying, or graduated awaiting payment). */
export const FOLLOWED: readonly Status[] = [...STUDYING, 'graduated'];

/** R15: the term a date falls in (China time): September to February is the autumn term, March to August the spring term. */
export function currentTerm(now: Date): string {
  const [y, m] = chinaDate(now).split('-').map(Number);
  if (m >= 9) return `${y}-autumn`;
  if (m <= 2) return `${y - 1}-autumn`;
  return `${y}-spring`;
}

/** R15: the followed applications with no check recorded for `term`. */
export function checksDue<A extends { id: number; status: string }>(
  apps: readonly A[],
  checks: readonly { applicationId: number; term: string }[],
  term: string,
): A[] {
  const done = new Set(checks.filter((c) => c.term === term).map((c) => c.applicationId));
  return apps.filter((a) => isIn(FOLLOWED, a.status) && !done.has(a.id));
}

/** R15: a withdrawn (退学) check does not drop the worker out by itself: the dropout action does. */
export const nextStep = (state: string): 'dropout' | null => (state === 'withdrawn' ? 'dropout' : null);
