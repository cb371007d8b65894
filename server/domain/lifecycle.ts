/** SPEC §3: the application's states and the only moves between them. */
export type Status =
  | 'draft'
  | 'submitted'
  | 'unit_approved'
  | 'org_approved'
  | 'waitlisted'
  | 'approved'
  | 'returned'
  | 'rejected'
  | 'withdrawn'
  | 'process_paid'
  | 'graduated'
  | 'completed'
  | 'dropped_out'
  | 'lapsed';
export type Decision = 'approve' | 'reject' | 'return';
export type Step = 1 | 2 | 3;

export const TRANSITIONS: Record<Status, readonly Status[]> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['unit_approved', 'returned', 'rejected', 'withdrawn'],
  unit_approved: ['org_approved', 'approved', 'waitlisted', 'returned', 'rejected', 'withdrawn'],
  org_approved: ['approved', 'waitlisted', 'returned', 'rejected', 'withdrawn'],
  waitlisted: ['approved', 'withdrawn'],
  // R7: an approval with no money moved yet may yield its place to an earlier submission.
  approved: ['process_paid', 'dropped_out', 'lapsed', 'waitlisted'],
  returned: ['submitted', 'withdrawn'],
  // Only an upheld appeal reopens a rejection, at the step that rejected it.
  rejected: ['submitted', 'unit_approved', 'org_approved'],
  withdrawn: [],
  process_paid: ['graduated', 'dropped_out', 'lapsed'],
  graduated: ['completed'],
  completed: [],
  dropped_out: [],
  lapsed: [],
};

export const STATUS_LABEL: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  unit_approved: '基层已推荐',
  org_approved: '区县已审查',
  waitlisted: '候补',
  approved: '已通过',
  returned: '已退回',
  rejected: '未通过',
  withdrawn: '已撤回',
  process_paid: '已发过程资助',
  graduated: '已毕业',
  completed: '已完成',
  dropped_out: '已退学',
  lapsed: '已失效',
};

/** Statuses that hold one of the union's places for the round (R7); a dropout frees its place (R5). */
export const PLACE_HOLDING: readonly Status[] = [
  'approved',
  'process_paid',
  'graduated',
  'completed',
  'lapsed',
];
/** The same list as an SQL `in (...)` operand. */
export const PLACE_HOLDING_SQL = `(${PLACE_HOLDING.map((s) => `'${s}'`).join(',')})`;
/** Live for R9e: the education level is taken. */
export const LEVEL_TAKING_EXCLUDED: readonly Status[] = ['rejected', 'withdrawn'];
export const WITHDRAWABLE: readonly Status[] = [
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'waitlisted',
  'returned',
];
export const EDITABLE: readonly Status[] = ['draft', 'returned'];

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
