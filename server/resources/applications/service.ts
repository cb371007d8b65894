import { and, eq, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { applications, institutions, organizations, reviews, rounds, workers } from '../../../db/schema';
import { attestationProblems, chinaDate, submitProblems } from '../../domain/eligibility';
import { audit } from '../../lib/audit';
import {
  EDITABLE,
  LEVEL_FREEING,
  reviewOutcome,
  stepOfRole,
  TransitionError,
  WITHDRAWABLE,
  type Decision,
  type Status,
} from '../../domain/lifecycle';
import { settleApproval, type FundedBy } from '../../domain/quota';
import type { Actor, SessionUser } from '../../lib/context';
import { badRequest, conflict, DomainError, forbidden, problemError } from '../../lib/errors';
import { findScoped } from '../../lib/resource';
import { scopeFor } from '../../lib/scope';
import { cityPlaces, displaceable, promoteWaitlist, unionPlaces, waitlistClosedFor } from '../quotas/service';
import { workerList } from '../workers';
import { applicationList } from './list';
import { moveApplication } from './transition';

export type AppRow = typeof applications.$inferSelect;

export interface DraftInput {
  roundId?: number;
  workerId?: number;
  institutionId?: number | null;
  educationLevel?: 'associate' | 'bachelor' | null;
  major?: string | null;
  studyMode?: AppRow['studyMode'];
  enrolledOn?: string | null;
  admissionNo?: string | null;
}

const nowIso = (a: Actor) => a.now().toISOString();

function guard<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof TransitionError) throw conflict(e.message);
    throw e;
  }
}

/** Every status change of this file goes through the one writer; `why` is the audited reason. */
const move = (
  db: Db,
  actor: Actor,
  app: AppRow,
  to: Status,
  set: Partial<AppRow>,
  action: string,
  why?: string,
) => moveApplication(db, actor, app, to, { set, action, after: why ? { why } : {} });

/** R9e: the worker's other applications that still take this education level. */
function sameLevelLive(
  db: Db,
  app: Pick<AppRow, 'id' | 'workerId'>,
  level: string | null | undefined,
): number {
  if (!level) return 0;
  return db
    .select({ id: applications.id })
    .from(applications)
    .where(
      and(
        eq(applications.workerId, app.workerId),
        eq(applications.educationLevel, level as 'associate'),
        ne(applications.id, app.id),
        notInArray(applications.status, [...LEVEL_FREEING]),
      ),
    )
    .all().length;
}

function assertRoundOpen(db: Db, actor: Actor, roundId: number) {
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw badRequest('申请批次不存在', { roundId: '申请批次不存在' });
  const today = chinaDate(actor.now());
  if (today < round.opensOn || today > round.closesOn) {
    throw new DomainError('R11', `该批次的申请时间为 ${round.opensOn} 至 ${round.closesOn}`, {
      roundId: '不在申请时间内',
    });
  }
  return round;
}

export function createDraft(db: Db, actor: Actor, input: DraftInput): number {
  const u = actor.user!;
  const workerId = u.role === 'worker' ? u.workerId! : input.workerId;
  if (!workerId) throw badRequest('请选择申请职工', { workerId: '请选择申请职工' });
  const worker = findScoped<typeof workers.$inferSelect>(db, workerList, u, workerId);
  assertRoundOpen(db, actor, input.roundId!);
  assertInstitutionKnown(db, input.institutionId);
  if (sameLevelLive(db, { id: 0, workerId }, input.educationLevel)) {
    throw new DomainError('R9e', '每人每个学历层次只能申领一次资助', {
      educationLevel: '该学历层次已申请过',
    });
  }
  const { workerId: _w, ...fields } = input;
  const row = db
    .insert(applications)
    .values({
      ...fields,
      roundId: input.roundId!,
      workerId,
      organizationId: worker.organizationId,
      level2Id: worker.level2Id,
      status: 'draft',
      createdAt: nowIso(actor),
      updatedAt: nowIso(actor),
    })
    .returning({ id: applications.id })
    .get();
  return row.id;
}

/** R9c: a draft may name only a recorded institution (whether it is active is judged at submit). */
function assertInstitutionKnown(db: Db, institutionId: number | null | undefined): void {
  if (
    institutionId &&
    !db.select({ id: institutions.id }).from(institutions).where(eq(institutions.id, institutionId)).get()
  )
    throw badRequest('所选院校不存在', { institutionId: '所选院校不存在' });
}

export function updateDraft(db: Db, actor: Actor, app: AppRow, input: DraftInput): void {
  if (!EDITABLE.includes(app.status)) throw conflict('只有草稿或退回的申请可以修改');
  const { roundId, workerId: _w, ...fields } = input;
  if (roundId !== undefined && roundId !== app.roundId) assertRoundOpen(db, actor, roundId);
  assertInstitutionKnown(db, fields.institutionId);
  if (fields.educationLevel && sameLevelLive(db, app, fields.educationLevel)) {
    throw new DomainError('R9e', '每人每个学历层次只能申领一次资助', {
      educationLevel: '该学历层次已申请过',
    });
  }
  db.update(applications)
    .set({ ...fields, ...(roundId ? { roundId } : {}), updatedAt: nowIso(actor) })
    .where(eq(applications.id, app.id))
    .run();
}

export function deleteDraft(db: Db, app: AppRow): void {
  if (app.status !== 'draft') throw conflict('只有草稿可以删除；已提交的申请请撤回');
  db.$client.prepare('delete from documents where application_id = ?').run(app.id);
  db.delete(applications).where(eq(applications.id, app.id)).run();
}

export function submit(db: Db, actor: Actor, app: AppRow): void {
  if (!EDITABLE.includes(app.status)) throw conflict(`状态为「${app.status}」的申请不能提交`);
  const round = db.select().from(rounds).where(eq(rounds.id, app.roundId)).get()!;
  const unit = db.select().from(organizations).where(eq(organizations.id, app.organizationId)).get()!;
  const institution = app.institutionId
    ? (db.select().from(institutions).where(eq(institutions.id, app.institutionId)).get() ?? null)
    : null;
  const kinds = (
    db.$client.prepare('select distinct kind from documents where application_id = ?').all(app.id) as {
      kind: string;
    }[]
  ).map((r) => r.kind);
  const problems = submitProblems({
    today: chinaDate(actor.now()),
    round,
    institution,
    firstSubmittedAt: app.submittedAt,
    unit,
    application: app,
    documentKinds: kinds,
    sameLevelLive: sameLevelLive(db, app, app.educationLevel),
  });
  if (problems.length) {
    const errors = Object.fromEntries(problems.map((p) => [p.field, p.message]));
    throw new DomainError(problems[0].rule, problems.map((p) => p.message).join('；'), errors);
  }
  // submittedAt is set by the server once: a resubmission after a return keeps its place (R7).
  move(
    db,
    actor,
    app,
    'submitted',
    { currentStep: 1, submittedAt: app.submittedAt ?? nowIso(actor) },
    'submit',
  );
}

export function withdraw(db: Db, actor: Actor, app: AppRow): void {
  if (!WITHDRAWABLE.includes(app.status)) throw conflict('已通过审核的申请不能撤回');
  move(db, actor, app, 'withdrawn', { currentStep: null }, 'withdraw');
  promoteWaitlist(db, actor, app.roundId, app.level2Id, '撤回');
}

const isDirectUnion = (db: Db, level2Id: number) =>
  db.select({ kind: organizations.kind }).from(organizations).where(eq(organizations.id, level2Id)).get()
    ?.kind === 'direct';

/** R13 three-level review; R7 at the city's approval. Returns the new status. */
export interface Attest {
  member: boolean;
  frontline: boolean;
  comment?: string;
}

export function review(
  db: Db,
  actor: Actor,
  app: AppRow,
  decision: Decision,
  comment: string,
  attest?: Attest,
): Status {
  const u = actor.user!;
  const step = stepOfRole(u.role);
  if (!step) throw forbidden('当前角色不参与审核');
  if (decision !== 'approve' && !comment.trim())
    throw badRequest('退回或不通过须填写意见', { comment: '请填写意见' });
  const outcome = guard(() => reviewOutcome(app.status, step, decision, isDirectUnion(db, app.level2Id)));
  if (step === 1 && decision === 'approve') attestAtRecommendation(db, actor, app, attest);
  let to: Status;
  let why: string | undefined;
  let fundedBy: FundedBy | undefined;
  if (outcome.status === 'quota') {
    const city = cityPlaces(db, app.roundId, app.level2Id);
    // R7: once the round's waitlist has closed, nobody waits and nobody is displaced onto it.
    const closed = waitlistClosedFor(db, app.roundId, actor);
    const settled = settleApproval(
      { id: app.id, submittedAt: app.submittedAt! },
      city,
      closed ? [] : displaceable(db, app.roundId, app.level2Id),
      unionPlaces(db, app.roundId, app.level2Id),
    );
    if (closed && settled.result === 'waitlisted')
      throw new DomainError(
        'R7',
        `候补已截止，名额已满（${city.used}/${city.places}）：请增加名额，或不予通过`,
        {
          decision: '名额已满且候补已截止',
        },
      );
    to = settled.result;
    fundedBy = settled.fundedBy;
    why =
      to === 'waitlisted'
        ? `名额已满（${city.used}/${city.places}），按提交时间候补`
        : fundedBy === 'union'
          ? `市总工会名额已满（${city.used}/${city.places}），使用本会出资名额，只享受本会资助`
          : undefined;
    if (settled.displace) {
      const other = db.select().from(applications).where(eq(applications.id, settled.displace)).get()!;
      move(
        db,
        actor,
        other,
        'waitlisted',
        { decidedAt: nowIso(actor), fundedBy: 'city' },
        'displace',
        `名额让给提交更早的申请 #${app.id}`,
      );
    }
  } else {
    to = outcome.status;
  }
  db.insert(reviews)
    .values({
      applicationId: app.id,
      step,
      organizationId: u.organizationId!,
      userId: u.id,
      decision,
      resultStatus: to,
      comment: comment.trim(),
      createdAt: nowIso(actor),
    })
    .run();
  move(
    db,
    actor,
    app,
    to,
    {
      currentStep: outcome.currentStep,
      ...(to === 'approved' || to === 'rejected' || to === 'waitlisted' ? { decidedAt: nowIso(actor) } : {}),
      ...(fundedBy ? { fundedBy } : {}),
    },
    `review:${decision}`,
    why,
  );
  return to;
}

/**
 * R9a/b: the unit's recommendation carries its attestation of membership and the front-line post;
 * without one (now or recorded before) it is refused, naming what is missing. A new attestation is
 * written on the worker with who and when, and audited.
 */
function attestAtRecommendation(db: Db, actor: Actor, app: AppRow, attest: Attest | undefined): void {
  const w = db.select().from(workers).where(eq(workers.id, app.workerId)).get()!;
  const problems = attestationProblems({ worker: w, attest });
  if (problems.length) throw problemError(problems);
  if (!attest) return;
  const now = nowIso(actor);
  const set = {
    isUnionMember: attest.member,
    isFrontline: attest.frontline,
    attestedBy: actor.user!.id,
    attestedAt: now,
    attestationComment: attest.comment?.trim() || null,
  };
  db.update(workers).set(set).where(eq(workers.id, w.id)).run();
  audit(db, actor, {
    action: 'attest',
    resource: 'workers',
    recordId: w.id,
    before: { isUnionMember: w.isUnionMember, isFrontline: w.isFrontline, attestedAt: w.attestedAt },
    after: {
      isUnionMember: attest.member,
      isFrontline: attest.frontline,
      applicationId: app.id,
      why: set.attestationComment,
    },
  });
}

export function scopedApplication(db: Db, user: SessionUser, id: number): AppRow {
  return findScoped<AppRow>(db, applicationList, user, id);
}

/**
 * The worker's other applications, as far as the viewer may see them: through the one scope of every
 * list (an institution does not learn of other institutions, a level-2 union of drafts).
 */
export function otherApplications(db: Db, app: AppRow, u: SessionUser) {
  return db
    .select({
      id: applications.id,
      roundId: applications.roundId,
      educationLevel: applications.educationLevel,
      status: applications.status,
    })
    .from(applications)
    .where(
      and(eq(applications.workerId, app.workerId), ne(applications.id, app.id), scopeFor('applications', u)),
    )
    .all();
}
