import { and, count, desc, eq, inArray, notExists, sql, sum } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, institutions, organizations, refunds, studyChecks } from '../../../db/schema';
import { type Status } from '../../domain/lifecycle';
import { currentTerm, FOLLOWED } from '../../domain/study';
import type { SessionUser } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { applicationScope } from '../../lib/scope';

/** R15: the statuses an institution's figures count: funded, and where the funding ended. */
export const INSTITUTION_STATUSES: readonly Status[] = [
  'approved',
  'process_paid',
  'graduated',
  'completed',
  'dropped_out',
  'lapsed',
];

/** Followed applications (R15) with no check for `term`, within `where`. */
const dueWhere = (term: string) =>
  and(
    inArray(applications.status, FOLLOWED as Status[]),
    notExists(
      sql`(select 1 from ${studyChecks} where ${studyChecks.applicationId} = ${applications.id} and ${studyChecks.term} = ${term})`,
    ),
  );

/**
 * R15: an institution's own students' figures: by status, checks due this term, dropouts, refunds by
 * status. Only the caller's institution: nothing of another's is counted or named.
 */
export function institutionStats(db: Db, u: SessionUser, now: Date) {
  if (u.role !== 'institution' || !u.institutionId) throw forbidden();
  const inst = eq(applications.institutionId, u.institutionId);
  const term = currentTerm(now);
  const byStatus = Object.fromEntries(INSTITUTION_STATUSES.map((s) => [s, 0])) as Record<string, number>;
  for (const r of db
    .select({ status: applications.status, n: count() })
    .from(applications)
    .where(and(inst, inArray(applications.status, INSTITUTION_STATUSES as Status[])))
    .groupBy(applications.status)
    .all())
    byStatus[r.status] = r.n;
  const due = db
    .select({ n: count() })
    .from(applications)
    .where(and(inst, dueWhere(term)))
    .get()!.n;
  const refundRows = db
    .select({ status: refunds.status, n: count(), fen: sum(refunds.amountFen) })
    .from(refunds)
    .where(eq(refunds.institutionId, u.institutionId))
    .groupBy(refunds.status)
    .all();
  const byRefund = Object.fromEntries(
    ['expected', 'received', 'confirmed'].map((s) => [s, { count: 0, amountFen: 0 }]),
  );
  for (const r of refundRows) byRefund[r.status] = { count: r.n, amountFen: Number(r.fen ?? 0) };
  const name = db
    .select({ name: institutions.name })
    .from(institutions)
    .where(eq(institutions.id, u.institutionId))
    .get()?.name;
  return {
    institutionId: u.institutionId,
    name,
    term,
    byStatus,
    funded: FOLLOWED.reduce((n, s) => n + byStatus[s], 0),
    checksDue: due,
    dropouts: byStatus.dropped_out,
    refunds: {
      count: refundRows.reduce((n, r) => n + r.n, 0),
      amountFen: refundRows.reduce((n, r) => n + Number(r.fen ?? 0), 0),
      byStatus: byRefund,
    },
  };
}

/**
 * R15: who is behind on this term's checks, within the caller's scope: level-2 unions and institutions
 * with funded applications that have no check for the current term, most behind first.
 */
export function studyChecksDue(db: Db, u: SessionUser, now: Date) {
  const term = currentTerm(now);
  const where = and(applicationScope(u), dueWhere(term));
  const unions = db
    .select({ organizationId: applications.level2Id, name: organizations.name, due: count() })
    .from(applications)
    .innerJoin(organizations, eq(organizations.id, applications.level2Id))
    .where(where)
    .groupBy(applications.level2Id)
    .orderBy(desc(count()), applications.level2Id)
    .all();
  const insts = db
    .select({ institutionId: applications.institutionId, name: institutions.name, due: count() })
    .from(applications)
    .innerJoin(institutions, eq(institutions.id, applications.institutionId))
    .where(where)
    .groupBy(applications.institutionId)
    .orderBy(desc(count()), applications.institutionId)
    .all();
  return { term, unions, institutions: insts, total: unions.reduce((n, r) => n + r.due, 0) };
}
