import type { Db } from '../../db/client';
import { prepared } from './ra-list';

/**
 * Who money goes to, by name, beside its numbers: payments, refunds, appeals, returns and the items
 * of an allocation carry the worker's name (a payment also the masked card it goes to), so a clerk
 * confirming money sees the person, not `#2798`. One prepared lookup per row of a page.
 */
export function applicantName(db: Db, applicationId: number): string | null {
  const r = prepared(
    db,
    'select w.name from applications a join workers w on w.id = a.worker_id where a.id = ?',
  ).get(applicationId) as { name: string } | undefined;
  return r?.name ?? null;
}

/** The worker and the card a payment goes to: the bank card if there is one, else the benefit card (as the bank sheet). */
export function payee(
  db: Db,
  applicationId: number,
): { workerName: string | null; cardMasked: string | null } {
  const r = prepared(
    db,
    `select w.name, w.bank_card_masked bank, w.benefit_card_masked benefit
    from applications a join workers w on w.id = a.worker_id where a.id = ?`,
  ).get(applicationId) as { name: string; bank: string | null; benefit: string | null } | undefined;
  return { workerName: r?.name ?? null, cardMasked: r ? (r.bank ?? r.benefit ?? null) : null };
}

export interface CoveredApplication {
  applicationId: number;
  workerName: string;
  organizationId: number;
  organizationName: string;
  amountFen?: number;
}

/** The applications an allocation covers, with their workers and grassroots unions (R3). */
export function allocationItems(db: Db, allocationId: number): CoveredApplication[] {
  return prepared(
    db,
    `select i.application_id applicationId, w.name workerName, a.organization_id organizationId,
      o.name organizationName, i.amount_fen amountFen
    from allocation_items i join applications a on a.id = i.application_id join workers w on w.id = a.worker_id
    join organizations o on o.id = a.organization_id where i.allocation_id = ? order by i.application_id`,
  ).all(allocationId) as CoveredApplication[];
}

/** The same for a list of applications (an allocation's preview before it exists). */
export function coveredApplications(db: Db, ids: number[]): CoveredApplication[] {
  if (ids.length === 0) return [];
  const out: CoveredApplication[] = [];
  const stmt = prepared(
    db,
    `select a.id applicationId, w.name workerName, a.organization_id organizationId, o.name organizationName
    from applications a join workers w on w.id = a.worker_id join organizations o on o.id = a.organization_id
    where a.id in (select value from json_each(?)) order by a.id`,
  );
  for (let i = 0; i < ids.length; i += 1000)
    out.push(...(stmt.all(JSON.stringify(ids.slice(i, i + 1000))) as CoveredApplication[]));
  return out;
}

/** The grassroots and level-2 unions of an application by name, for every role that may see it. */
export function unionNames(
  db: Db,
  a: { organizationId: number; level2Id: number | null },
): { organizationName: string | null; level2Name: string | null } {
  const name = (id: number | null) =>
    id === null
      ? null
      : ((prepared(db, 'select name from organizations where id = ?').get(id) as { name: string } | undefined)
          ?.name ?? null);
  return { organizationName: name(a.organizationId), level2Name: name(a.level2Id) };
}
