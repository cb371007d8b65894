/**
 * R15: the institutions' study checks of the demo's funded workers — last term's for every one then
 * enrolled (most 在读, some 学业预警 or 休学), and this term's for about three in five, so each
 * institution and union still has checks due.
 */
import type { Db } from '../../db/client';
import { currentTerm, FOLLOWED } from '../../server/domain/study';
import { sqlList } from '../../server/domain/lifecycle';

/** The term before `term` (`2026-autumn` → `2026-spring`, `2026-spring` → `2025-autumn`). */
export function previousTerm(term: string): string {
  const [y, season] = term.split('-');
  return season === 'autumn' ? `${y}-spring` : `${Number(y) - 1}-autumn`;
}

/** The first day of a term: autumn on 1 September, spring on 1 March. */
const termStart = (term: string) => {
  const [y, season] = term.split('-');
  return season === 'autumn' ? `${y}-09-01` : `${y}-03-01`;
};

export function seedStudyChecks(db: Db, now: Date): number {
  const term = currentTerm(now);
  const prev = previousTerm(term);
  const insert = (t: string, at: string, share: string) =>
    db.$client
      .prepare(
        `insert into study_checks (application_id, term, state, note, user_id, created_at)
      select a.id, ?, case when a.id % 23 = 0 then 'suspended' when a.id % 11 = 0 then 'warning' else 'studying' end,
        case when a.id % 23 = 0 then '因工作调动申请休学一学期' when a.id % 11 = 0 then '本学期有两门课程未通过，已约谈' else '' end,
        (select u.id from users u where u.role = 'institution' and u.institution_id = a.institution_id order by u.id limit 1),
        ?
      from applications a where a.status in ${sqlList(FOLLOWED)} and a.enrolled_on < ? and ${share}`,
      )
      .run(t, at, termStart(t)).changes;
  // last term's checks were recorded ten days before its end; this term's so far for three in five
  const prevAt = new Date(Date.parse(`${termStart(term)}T02:00:00.000Z`) - 10 * 86_400_000).toISOString();
  return insert(prev, prevAt, '1') + insert(term, now.toISOString(), 'a.id % 5 < 3');
}
