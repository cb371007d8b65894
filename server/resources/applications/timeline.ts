import type { Db } from '../../../db/client';
import { prepared } from '../../lib/ra-list';
import { outstandingDocuments, REQUIRED_DOCUMENTS } from '../../domain/eligibility';
import { waitingStep, type Status } from '../../domain/lifecycle';
import type {
  ActorRole,
  Timeline,
  TimelineActor,
  TimelineEntry,
  TimelineEvent,
  TimelineNext,
} from '../../domain/timeline-words';
import type { SessionUser } from '../../lib/context';
import { matchingFen } from '../../domain/money';
import { matchingPolicyOf } from '../allocations/service';
import type { AppRow } from './service';

/** The audit actions a timeline shows (the reviews come from their own table). */
const EVENTS = new Set<string>([
  'submit',
  'withdraw',
  'promote',
  'displace',
  'dropout',
  'graduate',
  'verify-graduation',
  'lapse',
  'reopen',
  'close-waitlist',
  'verify-enrollment',
  'allow-late-process',
  'revoke',
]);

/**
 * R14: every step so far as codes — what, who (a role and the organisation by id and name; the
 * union, not the clerk, for a worker), the decision, the status after — then where it waits, what
 * comes next and which documents are missing. The clients put it into words (domain/timeline-words).
 */
export function timeline(db: Db, app: AppRow, viewer: SessionUser): Timeline {
  const org = (id: number | null) =>
    id
      ? (prepared(db, 'select id, name, kind from organizations where id = ?').get(id) as
          { id: number; name: string; kind: string } | undefined)
      : undefined;
  const asActor = (id: number | null, role?: ActorRole): TimelineActor => {
    const o = org(id);
    if (!o) return { role: role ?? 'system' };
    return { role: role ?? (o.kind === 'city' ? 'city' : 'union'), id: o.id, name: o.name };
  };
  const staff = viewer.role !== 'worker';
  const cityId = (
    prepared(db, `select id from organizations where kind = 'city' limit 1`).get() as
      { id: number } | undefined
  )?.id;
  const entries: TimelineEntry[] = [];

  const reviewRows = prepared(
    db,
    `select r.*, u.display_name userName from reviews r left join users u on u.id = r.user_id
    where application_id = ? order by r.id`,
  ).all(app.id) as {
    step: 1 | 2 | 3;
    organization_id: number;
    decision: 'approve' | 'reject' | 'return';
    comment: string;
    created_at: string;
    result_status: Status;
    userName: string | null;
  }[];
  for (const r of reviewRows) {
    const by = asActor(r.organization_id);
    entries.push({
      at: r.created_at,
      event: 'review',
      step: r.step,
      decision: r.decision,
      comment: r.comment || undefined,
      by: staff && r.userName ? { ...by, clerk: r.userName } : by,
      status: r.result_status,
    });
  }

  const events = prepared(
    db,
    `select a.at, a.action, a.organization_id, a.role, a.after, u.display_name userName,
      i.id institutionId, i.name institutionName
    from audit_log a left join users u on u.id = a.user_id left join institutions i on i.id = u.institution_id
    where a.resource = 'applications' and a.record_id = ? and a.action not like 'review:%'
      and a.action not like 'refused%' order by a.id`,
  ).all(app.id) as {
    at: string;
    action: string;
    organization_id: number | null;
    role: string | null;
    after: string | null;
    userName: string | null;
    institutionId: number | null;
    institutionName: string | null;
  }[];
  // A row written without a signed-in user: the clock's sweeps, or the demo history the seed writes.
  // Who such a step belongs to follows from the step itself.
  const unattended = (action: string): TimelineActor => {
    if (action === 'submit' || action === 'withdraw' || action === 'graduate') return { role: 'applicant' };
    if (action === 'verify-enrollment' || action === 'revoke') return asActor(app.level2Id);
    if (action === 'verify-graduation' || action === 'allow-late-process')
      return asActor(cityId ?? null, 'city');
    if (action === 'dropout' && app.institutionId) {
      const i = prepared(db, 'select id, name from institutions where id = ?').get(app.institutionId) as
        { id: number; name: string } | undefined;
      if (i) return { role: 'institution', id: i.id, name: i.name };
    }
    return { role: 'system' };
  };
  for (const e of events) {
    if (!EVENTS.has(e.action)) continue;
    const after = e.after ? JSON.parse(e.after) : {};
    let by: TimelineActor;
    if (!e.role) by = unattended(e.action);
    else if (e.role === 'worker') by = { role: 'applicant' };
    else if (e.role === 'institution')
      by = e.institutionId
        ? { role: 'institution', id: e.institutionId, name: e.institutionName! }
        : { role: 'institution' };
    else by = asActor(e.organization_id, e.role === 'agent' ? 'school' : undefined);
    if (staff && e.userName && e.role !== 'worker' && by.role !== 'system') by = { ...by, clerk: e.userName };
    entries.push({
      at: e.at,
      event: e.action as TimelineEvent,
      by,
      decision: after.decision,
      comment: after.why,
      status: after.status,
    });
  }

  const pays = prepared(
    db,
    `select stage, source, amount_fen, status, paid_at, created_at, channel, payer_organization_id
    from payments where application_id = ? order by id`,
  ).all(app.id) as {
    stage: 'process' | 'result';
    source: 'city' | 'matching';
    amount_fen: number;
    status: 'pending' | 'paid' | 'failed' | 'cancelled';
    paid_at: string | null;
    created_at: string;
    channel: 'direct' | 'agency';
    payer_organization_id: number | null;
  }[];
  for (const p of pays) {
    entries.push({
      at: p.paid_at ?? p.created_at,
      event: 'payment',
      by: asActor(p.payer_organization_id, p.channel === 'agency' ? 'school' : 'union'),
      payment: { stage: p.stage, source: p.source, amountFen: p.amount_fen, status: p.status },
    });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

  const isDirect = org(app.level2Id)?.kind === 'direct';
  const step = waitingStep(app.status, isDirect) as 1 | 2 | 3 | null;
  const kinds = (
    prepared(db, 'select distinct kind from documents where application_id = ?').all(app.id) as {
      kind: string;
    }[]
  ).map((k) => k.kind);
  const missing = [
    ...REQUIRED_DOCUMENTS.filter((k) => !kinds.includes(k)),
    ...(app.submittedAt ? outstandingDocuments(kinds) : []),
  ];
  const holderId = step === 1 ? app.organizationId : step === 2 ? app.level2Id : step === 3 ? cityId : null;
  const lastCheck = [...entries]
    .reverse()
    .find((e) => e.event === 'verify-graduation' || e.event === 'graduate');
  return {
    applicationId: app.id,
    status: app.status,
    entries,
    current: step && holderId ? { step, holder: asActor(holderId), since: app.updatedAt } : null,
    next: heldBy(app, kinds) ?? nextStep(db, app, step, lastCheck),
    missing,
  };
}

/** R2/R12: what holds the money of an approved application back, when it is the enrolment check. */
function heldBy(app: AppRow, kinds: string[]): TimelineNext | null {
  if (app.enrollmentVerifiedAt || (app.status !== 'approved' && app.status !== 'waitlisted')) return null;
  return { code: kinds.includes('enrollment_report') ? 'awaitReport' : 'uploadReport' };
}

function nextStep(db: Db, app: AppRow, step: number | null, lastCheck?: TimelineEntry): TimelineNext | null {
  if (step) return null;
  const amount = (stage: 'process' | 'result'): TimelineNext => {
    // R8: on a place the union funds itself, the union's subsidy is what comes.
    if (app.fundedBy === 'union')
      return {
        code: 'awaitPayment',
        stage,
        amountFen: matchingFen(matchingPolicyOf(db, app.roundId, app.level2Id), stage),
      };
    const r = prepared(db, 'select process_amount_fen p, result_amount_fen r from rounds where id = ?').get(
      app.roundId,
    ) as { p: number; r: number };
    return { code: 'awaitPayment', stage, amountFen: stage === 'process' ? r.p : r.r };
  };
  switch (app.status) {
    case 'draft':
      return { code: 'submit' };
    case 'returned':
      return { code: 'resubmit' };
    case 'waitlisted':
      return { code: 'waitlist' };
    case 'approved':
      return amount('process');
    case 'process_paid':
      return { code: 'uploadGraduation' };
    case 'graduated':
      // R2: the result subsidy waits for the city's verification; a refused check sends it back.
      if (app.graduationVerifiedAt) return amount('result');
      if (lastCheck?.event === 'verify-graduation' && lastCheck.decision !== 'approve')
        return { code: 'redoGraduation' };
      return { code: 'awaitGraduationCheck' };
    case 'rejected':
    case 'revoked':
    case 'dropped_out':
    case 'lapsed':
      return { code: 'appeal' };
    case 'not_funded':
    case 'withdrawn':
      return { code: 'nextRound' };
    default:
      return null;
  }
}
