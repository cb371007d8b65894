import type { Db } from '../../../db/client';
import { lapseWarning } from '../../domain/notifications';
import { sqlList, STUDYING } from '../../domain/lifecycle';
import { currentTerm, FOLLOWED } from '../../domain/study';
import type { Actor } from '../../lib/context';
import { notify, staffAccounts, workerAccount } from './service';

/**
 * The clock's messages, from the daily sweep: R6 lapse warnings 90 and 30 days before the graduation
 * deadline, R14 appeals past their answer date, R15 study checks due this term. Each is keyed, so a
 * second sweep the same day (a restart) writes nothing twice.
 */
export function warnSweep(db: Db, actor: Actor, today: string) {
  const horizon = new Date(Date.parse(today) + 90 * 86_400_000).toISOString().slice(0, 10);
  const studying = db.$client
    .prepare(
      `select a.id, r.graduation_deadline deadline from applications a join rounds r on r.id = a.round_id
       where a.status in ${sqlList(STUDYING)} and a.graduation_verified_at is null
       and r.graduation_deadline >= ? and r.graduation_deadline <= ?`,
    )
    .all(today, horizon) as { id: number; deadline: string }[];
  let lapse = 0;
  for (const a of studying) {
    const w = lapseWarning(a.deadline, today);
    if (!w) continue;
    const days = Math.round((Date.parse(a.deadline) - Date.parse(today)) / 86_400_000);
    notify(db, actor, workerAccount(db, a.id), {
      template: 'lapse.warning',
      applicationId: a.id,
      params: { applicationId: a.id, deadline: a.deadline, days },
      dedupeKey: `lapse${w}:${a.id}`,
    });
    lapse++;
  }

  const overdue = db.$client
    .prepare(
      `select id, application_id applicationId, organization_id organizationId, due_on dueOn from appeals
       where status = 'open' and due_on < ?`,
    )
    .all(today) as { id: number; applicationId: number; organizationId: number; dueOn: string }[];
  for (const a of overdue)
    notify(db, actor, staffAccounts(db, { organizationId: a.organizationId }), {
      template: 'appeal.overdue',
      applicationId: a.applicationId,
      params: { appealId: a.id, applicationId: a.applicationId, dueOn: a.dueOn },
      dedupeKey: `appeal-overdue:${a.id}`,
    });

  const term = currentTerm(actor.now());
  const due = db.$client
    .prepare(
      `select a.institution_id institutionId, count(*) n from applications a
       where a.status in ${sqlList(FOLLOWED)} and a.institution_id is not null
       and not exists (select 1 from study_checks c where c.application_id = a.id and c.term = ?)
       group by a.institution_id`,
    )
    .all(term) as { institutionId: number; n: number }[];
  for (const d of due)
    notify(db, actor, staffAccounts(db, { institutionId: d.institutionId }), {
      template: 'study.due',
      params: { term, count: d.n },
      dedupeKey: `study-due:${term}`,
    });
  return { lapse, appealsOverdue: overdue.length, studyDue: due.length };
}
