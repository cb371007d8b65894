import { and, type SQL } from 'drizzle-orm';
import { tx, type Db } from '../../../db/client';
import { appeals, applications, payments } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import { stepOfRole } from '../../domain/lifecycle';
import { digestDue } from '../../domain/notifications';
import { canAccess } from '../../domain/permissions';
import { loadSessionUser } from '../../lib/auth';
import type { Actor, Clock, SessionUser } from '../../lib/context';
import { buildWhere, countRows, type ListSpec } from '../../lib/ra-list';
import { scopeFor } from '../../lib/scope';
import { appealList } from '../appeals/index';
import { applicationList } from '../applications/list';
import { paymentList } from '../payments/index';
import { notify } from './service';

/** A review waiting longer than this at one step is overdue: the dashboard's own limit. */
const REVIEW_OVERDUE_DAYS = 7;

export interface Piles {
  toReview: number;
  overdue: number;
  toPay: number;
  appealsDue: number;
}

/** What the dashboard counts for this account, through the same list filters and scope. */
export function pilesOf(db: Db, u: SessionUser, now: Date): Piles {
  const count = (spec: ListSpec, table: Parameters<typeof countRows>[1], filter: Record<string, unknown>) =>
    canAccess(u.role, { resource: spec.resource, action: 'list' })
      ? countRows(
          db,
          table,
          and(scopeFor(spec.resource, u), buildWhere(spec, filter, now)) as SQL | undefined,
        )
      : 0;
  const step = stepOfRole(u.role);
  const stale = new Date(now.getTime() - REVIEW_OVERDUE_DAYS * 86_400_000).toISOString();
  const payer = (u.orgLevel === 2 && u.role !== 'city_admin') || u.role === 'agent';
  return {
    toReview: step ? count(applicationList, applications, { waitingStep: step }) : 0,
    overdue: step
      ? count(applicationList, applications, { waitingStep: step, updatedAt_lte: stale }) +
        count(appealList, appeals, { overdue: true })
      : 0,
    toPay: payer
      ? count(paymentList, payments, { status: 'pending', payerOrganizationId: u.organizationId })
      : 0,
    appealsDue: step ? count(appealList, appeals, { status: 'open' }) : 0,
  };
}

/**
 * The morning digest (from 08:00 China time, once a China day): each active staff account with work
 * waiting gets one message of its piles; keyed by the day, so a restart or a second round writes
 * nothing twice. An account with nothing waiting gets nothing.
 */
export function digestRound(db: Db, clock: Clock): number {
  const now = clock();
  if (!digestDue(now)) return 0;
  const day = chinaDate(now);
  const actor: Actor = { user: null, now: () => now };
  const staff = db.$client
    .prepare(
      `select id from users u where active = 1 and role in ('city_admin','org_admin','unit_admin','agent')
       and not exists (select 1 from notifications n where n.user_id = u.id and n.dedupe_key = ?)`,
    )
    .all(`digest:${day}`) as { id: number }[];
  let written = 0;
  for (const { id } of staff) {
    const u = loadSessionUser(db, id);
    if (!u) continue;
    const piles = pilesOf(db, u, now);
    if (!Object.values(piles).some((n) => n > 0)) continue;
    tx(db, (t) =>
      notify(t, actor, id, { template: 'digest.staff', params: { ...piles }, dedupeKey: `digest:${day}` }),
    );
    written++;
  }
  return written;
}
