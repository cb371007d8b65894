import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { planAdjustments, rounds } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import {
  frozenDateProblems,
  roundDateProblems,
  withDefaults,
  type RoundDates,
  type RoundDatesInput,
} from '../../domain/rounds';
import { MAX_PLAN_RAISE, planProblem } from '../../domain/quota';
import { audit } from '../../lib/audit';
import type { Actor } from '../../lib/context';
import { ApiError, conflict, problemError } from '../../lib/errors';
import { roundPlan } from '../quotas/service';

type RoundRow = typeof rounds.$inferSelect;

export interface RoundInput extends RoundDatesInput {
  name: string;
  intakeTerm: string;
  processAmountFen: number;
  resultAmountFen: number;
  plannedPlaces: number;
}

/** The round's dates with their defaults, checked together; 400 naming the field. */
function checkedDates(input: RoundDatesInput): RoundDates {
  const dates = withDefaults(input);
  const problems = roundDateProblems(dates);
  if (problems.length) {
    const e = problemError(problems);
    throw new ApiError(400, e.message, e.errors, e.rule);
  }
  return dates;
}

export function createRound(db: Db, _actor: Actor, input: RoundInput): number {
  const dates = checkedDates(input);
  return db
    .insert(rounds)
    .values({ ...input, ...dates })
    .returning({ id: rounds.id })
    .get().id;
}

/** What the round's history already relied on, for the dates that may no longer move. */
function roundUse(db: Db, roundId: number, today: string) {
  const one = (sql: string) => !!db.$client.prepare(sql).get(roundId);
  return {
    submitted: one('select 1 from applications where round_id = ? and submitted_at is not null limit 1'),
    processPaid: one(
      `select 1 from payments p join applications a on a.id = p.application_id
       where a.round_id = ? and p.stage = 'process' and p.status = 'paid' limit 1`,
    ),
    graduationsReported: one(
      'select 1 from applications where round_id = ? and graduated_on is not null limit 1',
    ),
    today,
  };
}

export function updateRound(db: Db, actor: Actor, before: RoundRow, data: Partial<RoundInput>): void {
  // R1: amounts belong to a round; once money moved in it, they are history.
  const moved = db.$client.prepare('select 1 from allocations where round_id = ? limit 1').get(before.id);
  if (
    moved &&
    ((data.processAmountFen ?? before.processAmountFen) !== before.processAmountFen ||
      (data.resultAmountFen ?? before.resultAmountFen) !== before.resultAmountFen)
  ) {
    throw conflict('该批次已有拨付，不能再修改资助金额');
  }
  checkPlanEdit(db, before, data.plannedPlaces);
  const dates = checkedDates({ ...before, ...data });
  const frozen = frozenDateProblems(
    withDefaults(before),
    dates,
    roundUse(db, before.id, chinaDate(actor.now())),
  );
  if (frozen.length) {
    const e = problemError(frozen);
    throw new ApiError(409, e.message, e.errors, e.rule);
  }
  db.update(rounds)
    .set({ ...data, ...dates })
    .where(eq(rounds.id, before.id))
    .run();
}

/**
 * R18: once a round has quotas, its plan is not a plain edit: below the quotas' sum it is refused
 * (422), and a raise goes through the audited 增加计划 action (409). A round without quotas is free.
 */
function checkPlanEdit(db: Db, before: RoundRow, plannedPlaces: number | undefined): void {
  if (plannedPlaces === undefined || plannedPlaces === before.plannedPlaces) return;
  const plan = roundPlan(db, before.id)!;
  const hasQuotas = !!db.$client.prepare('select 1 from quotas where round_id = ? limit 1').get(before.id);
  if (!hasQuotas) return;
  const problem = planProblem(plannedPlaces, plan.quotaSum, 0, 'plannedPlaces');
  if (problem) throw problemError(problem);
  if (plannedPlaces > before.plannedPlaces) {
    const message = '该批次已分配名额，增加计划名额请用“增加计划”，并说明原因';
    throw new ApiError(409, message, { plannedPlaces: message }, 'R18');
  }
}

/** R18: 增加计划 — the city raises a round's planned places, with its reason, audited. */
export function raisePlan(db: Db, actor: Actor, before: RoundRow, delta: number, reason: string) {
  const after = before.plannedPlaces + delta;
  if (delta > MAX_PLAN_RAISE || after > 1_000_000) {
    throw problemError({ rule: 'R18', message: '增加后的计划名额过大', field: 'delta' });
  }
  db.update(rounds).set({ plannedPlaces: after }).where(eq(rounds.id, before.id)).run();
  db.insert(planAdjustments)
    .values({
      roundId: before.id,
      delta,
      placesBefore: before.plannedPlaces,
      placesAfter: after,
      reason,
      userId: actor.user?.id ?? null,
      createdAt: actor.now().toISOString(),
    })
    .run();
  audit(db, actor, {
    action: 'raise-plan',
    resource: 'rounds',
    recordId: before.id,
    before: { plannedPlaces: before.plannedPlaces },
    after: { plannedPlaces: after, delta, reason },
  });
  return { plannedPlaces: after };
}
