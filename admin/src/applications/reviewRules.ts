import { stepOfRole, TRANSITIONS, type Status } from '../../../server/domain/lifecycle';
import { canAccess, type Role } from '../providers/canAccess';

/** The review step a role decides (R13): unit 1, level-2 union 2, city 3; the server's own rule. */
export const reviewStepOf = (role: Role | undefined): 1 | 2 | 3 | null => (role ? stepOfRole(role) : null);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a react-admin record
type ReviewFacts = Record<string, any>;

/** Show the review buttons only to a role that may review, on an application waiting at its step. */
export function mayReviewNow(role: Role | undefined, record: ReviewFacts | undefined): boolean {
  if (!record || !canAccess(role, { resource: 'applications', action: 'review' })) return false;
  const step = reviewStepOf(role);
  return step !== null && record.currentStep === step;
}

/** R5: a dropout can be recorded from approved or process_paid, by the roles allowed to. */
export function mayRecordDropout(role: Role | undefined, record: ReviewFacts | undefined): boolean {
  if (!record?.status || !canAccess(role, { resource: 'applications', action: 'dropout' })) return false;
  return TRANSITIONS[record.status as Status]?.includes('dropped_out') ?? false;
}

/** R2: the city verifies a reported graduation once. */
export function mayVerifyGraduation(role: Role | undefined, record: ReviewFacts | undefined): boolean {
  return (
    !!record &&
    record.status === 'graduated' &&
    !record.graduationVerifiedAt &&
    canAccess(role, { resource: 'applications', action: 'verifyGraduation' })
  );
}

/** A comment is the reviewer's reason: required when returning or rejecting (the server checks too). */
export const commentRequired = (decision: 'approve' | 'reject' | 'return') => decision !== 'approve';

/** R2: the institution (or the worker, in the portal) reports a graduation after the process subsidy. */
export const mayReportGraduation = (role: Role | undefined, record: ReviewFacts | undefined): boolean =>
  !!record &&
  (record.status === 'process_paid' || (record.status === 'graduated' && !record.graduationVerifiedAt)) &&
  canAccess(role, { resource: 'applications', action: 'graduate' });
