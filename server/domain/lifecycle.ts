/**
 * The application's states, the named sets of them that the rest of the system asks about, and the
 * only moves between them (the lifecycle of docs/rules.md). Every list of statuses in the services,
 * the statistics, the seed, the panel, the portal and the SQL of partial indexes comes from here.
 */
import { GLOSSARY } from './glossary';
export const STATUSES = [
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'waitlisted',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
  'process_paid',
  'graduated',
  'completed',
  'dropped_out',
  'lapsed',
  'not_funded',
  'revoked',
] as const;
export type Status = (typeof STATUSES)[number];
export type Decision = 'approve' | 'reject' | 'return';
export type Step = 1 | 2 | 3;

export const TRANSITIONS: Record<Status, readonly Status[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['unit_approved', 'returned', 'rejected', 'withdrawn'],
  unit_approved: ['org_approved', 'approved', 'waitlisted', 'returned', 'rejected', 'withdrawn'],
  org_approved: ['approved', 'waitlisted', 'returned', 'rejected', 'withdrawn'],
  // R7: promoted when a place frees up, until the waitlist closes; then not funded.
  waitlisted: ['approved', 'withdrawn', 'not_funded'],
  // R7: an approval with no money moved yet may yield its place to an earlier submission.
  approved: ['process_paid', 'dropped_out', 'lapsed', 'waitlisted', 'revoked'],
  returned: ['submitted', 'withdrawn'],
  // Only an upheld appeal reopens a rejection, at the step that rejected it.
  rejected: ['submitted', 'unit_approved', 'org_approved'],
  withdrawn: [],
  process_paid: ['graduated', 'dropped_out', 'lapsed', 'revoked'],
  graduated: ['completed'],
  completed: [],
  dropped_out: [],
  lapsed: [],
  not_funded: [],
  revoked: [],
};

/** Chinese status names for server messages: the glossary's, so the API and the clients agree. */
export const STATUS_LABEL: Record<Status, string> = GLOSSARY['zh-CN'].status;

/** The statuses an application waits in for a reviewer (R13). */
export const IN_REVIEW: readonly Status[] = ['submitted', 'unit_approved', 'org_approved'];

/**
 * Statuses that hold one of the union's places for the round (R7). A dropout (R5), a revocation (R4)
 * and an application that was never funded free it; a lapse keeps it (the place was used).
 */
export const PLACE_HOLDING: readonly Status[] = [
  'approved',
  'process_paid',
  'graduated',
  'completed',
  'lapsed',
];

/** Approved at some point: a place was taken, even if later freed by a dropout or a revocation (R15). */
export const EVER_APPROVED: readonly Status[] = [...PLACE_HOLDING, 'dropped_out', 'revoked'];

/** Past the process subsidy stage (R15's completion-rate base): approved and moved on. */
export const PAST_PROCESS: readonly Status[] = [
  'process_paid',
  'graduated',
  'completed',
  'dropped_out',
  'lapsed',
];

/** R2/R4/R5/R6: funded and still studying: may be paid, drop out, be revoked or lapse. */
export const STUDYING: readonly Status[] = ['approved', 'process_paid'];

/** A graduation reported (graduated) or paid (completed). */
export const GRADUATED: readonly Status[] = ['graduated', 'completed'];

/** R9e: the statuses that do not take the education level; every other one does, forever. */
export const LEVEL_FREEING: readonly Status[] = ['rejected', 'withdrawn', 'not_funded', 'revoked'];

/** Ends of the road: nothing more happens to the application except, for a rejection, an appeal. */
export const FINAL: readonly Status[] = [
  'rejected',
  'withdrawn',
  'completed',
  'dropped_out',
  'lapsed',
  'not_funded',
  'revoked',
];

/** The worker may withdraw before the city's approval. */
export const WITHDRAWABLE: readonly Status[] = [
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'waitlisted',
  'returned',
];

/** The worker may edit the application and its documents. */
export const EDITABLE: readonly Status[] = ['draft', 'returned'];

/** Whether a status is in one of the sets above (a plain `includes` on a narrower tuple will not type-check). */
export const isIn = (set: readonly Status[], status: string): status is Status =>
  (set as readonly string[]).includes(status);

/** A set as an SQL `in (...)` operand: the partial indexes and hot queries build their lists from the sets. */
export const sqlList = (set: readonly Status[]) => `(${set.map((s) => `'${s}'`).join(',')})`;
export const PLACE_HOLDING_SQL = sqlList(PLACE_HOLDING);

export class TransitionError extends Error {}

export function assertTransition(from: Status, to: Status): void {
  if (!TRANSITIONS[from].includes(to)) {
    throw new TransitionError(`状态「${STATUS_LABEL[from]}」不能变为「${STATUS_LABEL[to]}」`);
  }
}

export const stepOfRole = (role: string): Step | null =>
  role === 'unit_admin' ? 1 : role === 'org_admin' ? 2 : role === 'city_admin' ? 3 : null;

/** R13: the step an application waits at; a union directly under the city skips step 2. */
export function waitingStep(status: Status, isDirect: boolean): Step | null {
  if (status === 'submitted') return 1;
  if (status === 'unit_approved') return isDirect ? 3 : 2;
  if (status === 'org_approved') return 3;
  return null;
}

/** Where a reviewer's decision takes the application; step 3 approval is settled by the quota (R7). */
export function reviewOutcome(
  status: Status,
  step: Step,
  decision: Decision,
  isDirect: boolean,
): { status: Status | 'quota'; currentStep: Step | null } {
  const waiting = waitingStep(status, isDirect);
  if (waiting === null) throw new TransitionError(`状态「${STATUS_LABEL[status]}」的申请不在审核中`);
  if (waiting !== step) throw new TransitionError(`该申请正等待第 ${waiting} 级审核，不在第 ${step} 级`);
  if (decision === 'reject') return { status: 'rejected', currentStep: null };
  if (decision === 'return') return { status: 'returned', currentStep: null };
  if (step === 1) return { status: 'unit_approved', currentStep: isDirect ? 3 : 2 };
  if (step === 2) return { status: 'org_approved', currentStep: 3 };
  return { status: 'quota', currentStep: null };
}

/** An upheld appeal on a rejection reopens the application at the step that rejected it. */
export function reopenAt(step: Step, isDirect: boolean): { status: Status; currentStep: Step } {
  if (step === 1) return { status: 'submitted', currentStep: 1 };
  if (step === 2) return { status: 'unit_approved', currentStep: 2 };
  return { status: isDirect ? 'unit_approved' : 'org_approved', currentStep: 3 };
}
