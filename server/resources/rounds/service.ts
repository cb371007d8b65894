import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { rounds } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import {
  frozenDateProblems,
  roundDateProblems,
  withDefaults,
  type RoundDates,
  type RoundDatesInput,
} from '../../domain/rounds';
import type { Actor } from '../../lib/context';
import { ApiError, conflict, problemError } from '../../lib/errors';

type RoundRow = typeof rounds.$inferSelect;

export interface RoundInput extends RoundDatesInput {
  name: string;
  intakeTerm: string;
  processAmountFen: number;
  resultAmountFen: number;
  plannedPlaces: number;
}

/** §3a: the round's dates with their defaults, checked together; 400 naming the field. */
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
