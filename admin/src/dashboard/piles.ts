import { IN_REVIEW, STUDYING, type Status } from '../../../server/domain/lifecycle';
import { canAccess, type Role } from '../providers/canAccess';

/**
 * The piles of work on each role's home: applications waiting at the caller's step,
 * money to move, appeals to answer. Overdue piles come first. Plain data, so a test can check
 * what each role is shown; the dashboard counts them through the ordinary list endpoints.
 */
export type Tone = 'overdue' | 'todo' | 'watch';

export interface Pile {
  key: string;
  resource: string;
  filter: Record<string, unknown>;
  sort?: { field: string; order: 'ASC' | 'DESC' };
  tone: Tone;
  /** Counted client-side from the first page (the API lacks the filter): see `graduationsToVerify`. */
  countWhere?: 'unverifiedGraduation';
}

export interface PileUser {
  role: Role;
  orgLevel: number | null;
  organizationId: number | null;
}

/** A review waiting longer than this at one step is overdue (a panel choice: the notice sets no limit). */
export const REVIEW_OVERDUE_DAYS = 7;
/** R6: lapses within this many days are shown to the unions that follow the worker's studies. */
export const LAPSING_DAYS = 90;

const ACTIVE: readonly Status[] = [...IN_REVIEW, 'waitlisted', ...STUDYING];
const STEP: Partial<Record<Role, number>> = { unit_admin: 1, org_admin: 2, city_admin: 3 };

export function pilesFor(user: PileUser, now: Date): Pile[] {
  const piles: Pile[] = [];
  const staleBefore = new Date(now.getTime() - REVIEW_OVERDUE_DAYS * 86_400_000).toISOString();
  const step = STEP[user.role];
  const add = (p: Pile) => {
    if (canAccess(user.role, { resource: p.resource, action: 'list' })) piles.push(p);
  };

  if (step) {
    add({
      key: 'review_overdue',
      resource: 'applications',
      tone: 'overdue',
      filter: { waitingStep: step, updatedAt_lte: staleBefore },
      sort: { field: 'updatedAt', order: 'ASC' },
    });
    add({
      key: 'review',
      resource: 'applications',
      tone: 'todo',
      filter: { waitingStep: step },
      sort: { field: 'submittedAt', order: 'ASC' },
    });
    add({
      key: 'appeals_overdue',
      resource: 'appeals',
      tone: 'overdue',
      filter: { overdue: true },
      sort: { field: 'dueOn', order: 'ASC' },
    });
    add({
      key: 'appeals_open',
      resource: 'appeals',
      tone: 'todo',
      filter: { status: 'open' },
      sort: { field: 'dueOn', order: 'ASC' },
    });
  }
  if (user.role === 'city_admin') {
    add({
      key: 'allocations_to_transfer',
      resource: 'allocations',
      tone: 'todo',
      filter: { status: 'created' },
    });
    add({
      key: 'graduations_to_verify',
      resource: 'applications',
      tone: 'todo',
      filter: { status: 'graduated' },
      countWhere: 'unverifiedGraduation',
    });
    add({ key: 'refunds_to_receive', resource: 'refunds', tone: 'todo', filter: { status: 'expected' } });
    add({ key: 'refunds_to_confirm', resource: 'refunds', tone: 'todo', filter: { status: 'received' } });
    add({ key: 'returns_to_confirm', resource: 'fund-returns', tone: 'todo', filter: { status: 'filed' } });
  }
  if (user.orgLevel === 2 && (user.role === 'org_admin' || user.role === 'unit_admin')) {
    // The union that holds the money: receive allocations, pay its direct payments, re-issue failed ones (R3).
    add({
      key: 'allocations_to_receive',
      resource: 'allocations',
      tone: 'todo',
      filter: { status: 'transferred' },
    });
    add({
      key: 'payments_to_make',
      resource: 'payments',
      tone: 'todo',
      filter: { status: 'pending', channel: 'direct', payerOrganizationId: user.organizationId },
    });
    add({
      key: 'payments_failed',
      resource: 'payments',
      tone: 'todo',
      filter: { status: 'failed', organizationId: user.organizationId },
    });
  }
  if (user.role === 'agent') {
    add({
      key: 'payments_to_make',
      resource: 'payments',
      tone: 'todo',
      filter: { status: 'pending', payerOrganizationId: user.organizationId },
    });
    add({
      key: 'payments_failed',
      resource: 'payments',
      tone: 'watch',
      filter: { status: 'failed', payerOrganizationId: user.organizationId },
    });
  }
  if (user.role === 'institution') {
    add({
      key: 'students',
      resource: 'applications',
      tone: 'todo',
      filter: { status: [...STUDYING] },
    });
    add({ key: 'refunds_to_receive', resource: 'refunds', tone: 'todo', filter: { status: 'expected' } });
  }
  if (step) {
    add({
      key: 'waitlisted',
      resource: 'applications',
      tone: 'watch',
      filter: { status: 'waitlisted' },
      sort: { field: 'submittedAt', order: 'ASC' },
    });
    add({
      key: 'outstanding_documents',
      resource: 'applications',
      tone: 'watch',
      filter: { outstandingDocuments: true, status: ACTIVE },
    });
    add({
      key: 'lapsing',
      resource: 'applications',
      tone: 'watch',
      filter: { lapsingWithinDays: LAPSING_DAYS },
    });
  }
  if (user.role === 'unit_admin') {
    add({ key: 'returned', resource: 'applications', tone: 'watch', filter: { status: 'returned' } });
  }
  const order: Record<Tone, number> = { overdue: 0, todo: 1, watch: 2 };
  return piles.sort((a, b) => order[a.tone] - order[b.tone]);
}

/** The list URL a pile links to: react-admin reads `filter`, `sort` and `order` from the query. */
export function pileLink(p: Pile): string {
  const q = new URLSearchParams({ filter: JSON.stringify(p.filter) });
  if (p.sort) {
    q.set('sort', p.sort.field);
    q.set('order', p.sort.order);
  }
  return `/${p.resource}?${q.toString()}`;
}
