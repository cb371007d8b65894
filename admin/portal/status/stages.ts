import { FINAL } from '../../../server/domain/lifecycle';
import type { Application, Organization, Payment, Review, Round, Status } from '../lib/types';

/**
 * The road of one application as a worker sees it (the lifecycle, R13, R2): submitted, the three review
 * steps (two for a union directly under the city), the process subsidy, graduation, the result subsidy.
 */
/** The ends of the road other than completion. */
export const ENDS: readonly Status[] = FINAL.filter((s) => s !== 'completed');

export type StepState = 'done' | 'current' | 'todo' | 'bad' | 'returned' | 'skipped' | 'ended';
export interface Stage {
  id: 'submit' | 'review1' | 'review2' | 'review3' | 'process' | 'graduation' | 'result';
  state: StepState;
  at?: string | null;
  org?: string;
  comment?: string;
  amountFen?: number;
}

export function stages(
  app: Application,
  reviews: Review[],
  payments: Payment[],
  orgs: Organization[],
  isDirect: boolean,
  round?: Round,
): Stage[] {
  const name = (id: number) => orgs.find((o) => o.id === id)?.name;
  // A return sends the application back to step 1: only reviews after the last restart count.
  const live: Partial<Record<1 | 2 | 3, Review>> = {};
  for (const r of [...reviews].sort((a, b) => a.id - b.id)) {
    if (r.step === 1) {
      delete live[2];
      delete live[3];
    }
    live[r.step] = r;
  }
  const reviewStage = (step: 1 | 2 | 3): Stage => {
    const id = `review${step}` as Stage['id'];
    if (step === 2 && isDirect) return { id, state: 'skipped' };
    // While it waits at step k, a decision at k or later is from before a return or a reopened appeal.
    const r = app.currentStep && step >= app.currentStep ? undefined : live[step];
    if (r) {
      const state: StepState =
        r.decision === 'approve' ? 'done' : r.decision === 'reject' ? 'bad' : 'returned';
      return { id, state, at: r.createdAt, org: name(r.organizationId), comment: r.comment || undefined };
    }
    return { id, state: app.currentStep === step ? 'current' : 'todo' };
  };
  const paid = (stage: 'process' | 'result'): Stage => {
    const p = payments
      .filter((x) => x.stage === stage && x.source === 'city' && x.status !== 'cancelled')
      .at(-1);
    const id = stage;
    if (!p)
      return {
        id,
        state: 'todo',
        amountFen: stage === 'process' ? round?.processAmountFen : round?.resultAmountFen,
      };
    return {
      id,
      state: p.status === 'paid' ? 'done' : p.status === 'failed' ? 'bad' : 'current',
      at: p.paidAt ?? p.createdAt,
      amountFen: p.amountFen,
    };
  };
  const grad: Stage = app.graduatedOn
    ? {
        id: 'graduation',
        state: app.graduationVerifiedAt ? 'done' : 'current',
        at: app.graduationVerifiedAt ?? app.graduatedOn,
      }
    : { id: 'graduation', state: 'todo' };
  const road: Stage[] = [
    { id: 'submit', state: app.submittedAt ? 'done' : 'current', at: app.submittedAt },
    reviewStage(1),
    reviewStage(2),
    reviewStage(3),
    paid('process'),
    grad,
    paid('result'),
  ];
  // At an end of the road (rejected, withdrawn, dropped out, lapsed, not funded, revoked) nothing
  // further is pending: the stages not reached read as ended, not as waiting.
  if (!ENDS.includes(app.status)) return road;
  return road.map((s) =>
    s.state === 'todo' || s.state === 'current' ? { ...s, state: 'ended', amountFen: undefined } : s,
  );
}
