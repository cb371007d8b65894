import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { quotaAdjustments, quotas, rounds } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import { waitlistClosed } from '../../domain/rounds';
import { PLACE_HOLDING_SQL } from '../../domain/lifecycle';
import { moveApplication } from '../applications/transition';
import {
  adjustProblem,
  planProblem,
  promotions,
  type Candidate,
  type FundedBy,
  type Places,
} from '../../domain/quota';
import { audit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { DomainError, problemError } from '../../lib/errors';

/** R18: the round's planned places and the sum of its quotas. */
export function roundPlan(db: Db, roundId: number): { plannedPlaces: number; quotaSum: number } | undefined {
  return db.$client
    .prepare(
      'select planned_places plannedPlaces, (select coalesce(sum(places), 0) from quotas where round_id = r.id) quotaSum from rounds r where id = ?',
    )
    .get(roundId) as { plannedPlaces: number; quotaSum: number } | undefined;
}

/** R18: refuses (422) quotas that would add up to more than the round's planned places. */
export function assertWithinPlan(db: Db, roundId: number, change: number, field: 'places' | 'delta'): void {
  const plan = roundPlan(db, roundId);
  const problem = plan && planProblem(plan.plannedPlaces, plan.quotaSum, change, field);
  if (problem) throw problemError(problem);
}

export function quotaOf(db: Db, roundId: number, level2Id: number) {
  return db
    .select()
    .from(quotas)
    .where(and(eq(quotas.roundId, roundId), eq(quotas.organizationId, level2Id)))
    .get();
}

/**
 * Places taken in a union's city quota for a round (R7): city-funded approvals and everything after
 * them, bar dropouts; with `union`, the places the union funds itself (R8).
 */
export function placesUsed(db: Db, roundId: number, level2Id: number, fundedBy: FundedBy = 'city'): number {
  return (
    db.$client
      .prepare(
        `select count(*) n from applications where round_id = ? and level2_id = ? and funded_by = ? and status in ${PLACE_HOLDING_SQL}`,
      )
      .get(roundId, level2Id, fundedBy) as { n: number }
  ).n;
}

/** R8: the places a union funds itself in a round (its matching policy's extra places) and those taken. */
export function unionPlaces(db: Db, roundId: number, level2Id: number): Places {
  const policy = db.$client
    .prepare('select extra_places places from matching_policies where round_id = ? and organization_id = ?')
    .get(roundId, level2Id) as { places: number } | undefined;
  return { places: policy?.places ?? 0, used: placesUsed(db, roundId, level2Id, 'union') };
}

/** R7: the union's city quota for a round and the places taken in it. */
export function cityPlaces(db: Db, roundId: number, level2Id: number): Places {
  return { places: quotaOf(db, roundId, level2Id)?.places ?? 0, used: placesUsed(db, roundId, level2Id) };
}

/**
 * Approvals that no allocation or payment has touched, on a city place or one the union funds itself:
 * they may yield their place to an earlier submission (R7, R8).
 */
export function displaceable(
  db: Db,
  roundId: number,
  level2Id: number,
): (Candidate & { fundedBy: FundedBy })[] {
  return db.$client
    .prepare(
      `select id, submitted_at submittedAt, funded_by fundedBy from applications a where round_id = ? and level2_id = ? and status = 'approved'
    and not exists (select 1 from allocation_items i where i.application_id = a.id)
    and not exists (select 1 from payments p where p.application_id = a.id)`,
    )
    .all(roundId, level2Id) as (Candidate & { fundedBy: FundedBy })[];
}

function waitlist(db: Db, roundId: number, level2Id: number): Candidate[] {
  return db.$client
    .prepare(
      `select id, submitted_at submittedAt from applications where round_id = ? and level2_id = ? and status = 'waitlisted'
    order by submitted_at, id`,
    )
    .all(roundId, level2Id) as Candidate[];
}

/** R7: whether the round's waitlist has closed on the actor's day (China time). */
export function waitlistClosedFor(db: Db, roundId: number, actor: Actor): boolean {
  const closes = db.select({ on: rounds.waitlistClosesOn }).from(rounds).where(eq(rounds.id, roundId)).get();
  return !!closes && waitlistClosed(closes.on, chinaDate(actor.now()));
}

/** R7/R8: fill free city places, then the union's own, from the waitlist, earliest submission first; each promotion audited. */
export function promoteWaitlist(
  db: Db,
  actor: Actor,
  roundId: number,
  level2Id: number,
  why: string,
): number[] {
  // R7: once the round's waitlist has closed, a freed place promotes nobody.
  if (waitlistClosedFor(db, roundId, actor)) return [];
  const picks = promotions(
    cityPlaces(db, roundId, level2Id),
    waitlist(db, roundId, level2Id),
    unionPlaces(db, roundId, level2Id),
  );
  const now = actor.now().toISOString();
  for (const { id, fundedBy } of picks) {
    moveApplication(db, actor, { id, status: 'waitlisted' }, 'approved', {
      action: 'promote',
      set: { decidedAt: now, fundedBy },
      after: { why, fundedBy },
    });
  }
  return picks.map((p) => p.id);
}

/**
 * R7: on a round's `waitlistClosesOn` every application still waitlisted becomes not funded, which
 * frees its education level (R9e). Run by the daily sweep and at start-up.
 */
export function closeWaitlists(db: Db, actor: Actor, today: string): number[] {
  const rows = db.$client
    .prepare(
      `select a.id, r.waitlist_closes_on closesOn from applications a join rounds r on r.id = a.round_id
      where a.status = 'waitlisted' and r.waitlist_closes_on <= ? order by a.id`,
    )
    .all(today) as { id: number; closesOn: string }[];
  for (const r of rows)
    moveApplication(db, actor, { id: r.id, status: 'waitlisted' }, 'not_funded', {
      action: 'close-waitlist',
      set: { currentStep: null, decidedAt: actor.now().toISOString() },
      after: { why: `候补已于 ${r.closesOn} 截止，本批次未获资助`, waitlistClosesOn: r.closesOn },
    });
  return rows.map((r) => r.id);
}

export function adjustQuota(db: Db, actor: Actor, quotaId: number, delta: number, reason: string) {
  const q = db.select().from(quotas).where(eq(quotas.id, quotaId)).get()!;
  const used = placesUsed(db, q.roundId, q.organizationId);
  const problem = adjustProblem(q.places, used, delta);
  if (problem) throw new DomainError('R7', problem, { delta: problem });
  assertWithinPlan(db, q.roundId, delta, 'delta');
  const after = q.places + delta;
  db.update(quotas).set({ places: after }).where(eq(quotas.id, q.id)).run();
  db.insert(quotaAdjustments)
    .values({
      quotaId: q.id,
      delta,
      placesBefore: q.places,
      placesAfter: after,
      reason,
      userId: actor.user?.id ?? null,
      createdAt: actor.now().toISOString(),
    })
    .run();
  audit(db, actor, {
    action: 'adjust',
    resource: 'quotas',
    recordId: q.id,
    before: { places: q.places },
    after: { places: after, reason },
  });
  const promoted = promoteWaitlist(db, actor, q.roundId, q.organizationId, `名额调整：${reason}`);
  return { places: after, used: used + promoted.length, promoted };
}
