import type { MessageKey } from '../i18n';
import type { Application, Round, Status } from './types';

/** How a status reads to a worker: its tone (chip colour) and what it means, in plain words. */
export const TONE: Record<Status, 'wait' | 'good' | 'bad' | 'todo' | 'done'> = {
  draft: 'todo',
  returned: 'todo',
  submitted: 'wait',
  unit_approved: 'wait',
  org_approved: 'wait',
  waitlisted: 'wait',
  approved: 'good',
  process_paid: 'good',
  graduated: 'good',
  completed: 'done',
  rejected: 'bad',
  withdrawn: 'done',
  dropped_out: 'done',
  lapsed: 'bad',
};

export const statusKey = (s: Status) => `status.${s}` as MessageKey;
export const explainKey = (s: Status) => `explain.${s}` as MessageKey;

export const EDITABLE: readonly Status[] = ['draft', 'returned'];
export const WITHDRAWABLE: readonly Status[] = [
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'waitlisted',
  'returned',
];
/** R6: the result subsidy is still to be earned by graduating before the round's deadline. */
export const COUNTDOWN: readonly Status[] = ['approved', 'process_paid', 'graduated'];
/** R9e: statuses that do not take the education level. */
export const LEVEL_FREE: readonly Status[] = ['rejected', 'withdrawn'];

export const isOpen = (r: Round, today: string) => r.opensOn <= today && today <= r.closesOn;

export const roundOf = (rounds: Round[], a: Application) => rounds.find((r) => r.id === a.roundId);
