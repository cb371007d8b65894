import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { studyChecks } from '../../../db/schema';
import { isIn, STATUS_LABEL, type Status } from '../../domain/lifecycle';
import { FOLLOWED } from '../../domain/study';
import type { Actor } from '../../lib/context';
import { conflict, DomainError } from '../../lib/errors';
import type { AppRow } from '../applications/service';

export type StudyCheckRow = typeof studyChecks.$inferSelect;
export type StudyState = StudyCheckRow['state'];

/**
 * R15: the institution (or the unit union) records one check per funded application and term. The
 * caller has already found `app` in its own scope (another institution's or unit's student is a 404).
 */
export function recordCheck(
  db: Db,
  actor: Actor,
  app: AppRow,
  d: { term: string; state: StudyState; note: string },
): number {
  if (!isIn(FOLLOWED, app.status))
    throw new DomainError(
      'R15',
      `学业检查只记录已获资助、在读或已毕业待发放的申请，本申请为「${STATUS_LABEL[app.status as Status]}」`,
      { applicationId: '该申请不在资助跟踪中' },
    );
  const dup = db
    .select({ id: studyChecks.id })
    .from(studyChecks)
    .where(and(eq(studyChecks.applicationId, app.id), eq(studyChecks.term, d.term)))
    .get();
  if (dup) throw conflict(`该申请 ${d.term} 学期已有学业检查记录`);
  return db
    .insert(studyChecks)
    .values({
      applicationId: app.id,
      term: d.term,
      state: d.state,
      note: d.note,
      userId: actor.user!.id,
      createdAt: actor.now().toISOString(),
    })
    .returning({ id: studyChecks.id })
    .get().id;
}
