import { STUDYING } from '../../../server/domain/lifecycle';
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
  not_funded: 'bad',
  revoked: 'bad',
};

export const statusKey = (s: Status) => `status.${s}` as MessageKey;
export const explainKey = (s: Status) => `explain.${s}` as MessageKey;

export { EDITABLE, WITHDRAWABLE } from '../../../server/domain/lifecycle';
/** R6: the result subsidy is still to be earned by graduating before the round's deadline. */
export const COUNTDOWN: readonly Status[] = [...STUDYING, 'graduated'];
/** R9e: statuses that do not take the education level. */
export { LEVEL_FREEING as LEVEL_FREE } from '../../../server/domain/lifecycle';

export const isOpen = (r: Round, today: string) => r.opensOn <= today && today <= r.closesOn;

export const roundOf = (rounds: Round[], a: Application) => rounds.find((r) => r.id === a.roundId);
