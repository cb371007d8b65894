import { describe, expect, it } from 'vitest';
import {
  assertTransition,
  LEVEL_FREEING,
  STATUSES,
  TransitionError,
  type Status,
} from '../../server/domain/lifecycle';

/**
 * The lifecycle written out by hand from the program's rules, independent of the transition table
 * it checks: a move is allowed if and only if it is listed here. The table in the code must not be
 * the source of these expectations, or a wrong entry there would agree with itself.
 */
const RULE_STATUSES = [
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'waitlisted',
  'approved',
  'returned',
  'rejected',
  'withdrawn',
  'process_paid',
  'graduated',
  'completed',
  'dropped_out',
  'lapsed',
  'not_funded',
  'revoked',
] as const;
type RuleStatus = (typeof RULE_STATUSES)[number];

const MOVES: [RuleStatus, RuleStatus, string][] = [
  ['draft', 'submitted', 'the worker submits'],
  // R13: three review steps, the unit, the level-2 union, the city.
  ['submitted', 'unit_approved', 'R13 step 1: the unit union recommends'],
  ['unit_approved', 'org_approved', 'R13 step 2: the level-2 union checks'],
  ['org_approved', 'approved', 'R13 step 3: the city decides, a place is free'],
  ['unit_approved', 'approved', 'R13: a direct union skips step 2, the city decides'],
  // R7: no place left at the city's approval.
  ['org_approved', 'waitlisted', 'R7: oversubscribed at the city step'],
  ['unit_approved', 'waitlisted', 'R7: oversubscribed at the city step of a direct union'],
  ['waitlisted', 'approved', 'R7: promoted when a place frees up'],
  ['waitlisted', 'not_funded', 'R7: still waiting when the waitlist closes'],
  // R7: an earlier submission takes the place of a later approval with no money moved yet.
  ['approved', 'waitlisted', 'R7: displaced by an earlier submission'],
  // At any review step: returned to the worker, or rejected.
  ['submitted', 'returned', 'returned at step 1'],
  ['unit_approved', 'returned', 'returned at step 2 or 3'],
  ['org_approved', 'returned', 'returned at step 3'],
  ['submitted', 'rejected', 'rejected at step 1'],
  ['unit_approved', 'rejected', 'rejected at step 2 or 3'],
  ['org_approved', 'rejected', 'rejected at step 3'],
  ['returned', 'submitted', 'the worker edits and resubmits, restarting at step 1'],
  // R14: an upheld appeal reopens a rejection at the step that rejected it.
  ['rejected', 'submitted', 'R14: appeal upheld against step 1'],
  ['rejected', 'unit_approved', 'R14: appeal upheld against step 2 (or step 3 of a direct union)'],
  ['rejected', 'org_approved', 'R14: appeal upheld against step 3'],
  // Withdrawn by the worker before approval.
  ['draft', 'withdrawn', 'withdrawn before approval'],
  ['submitted', 'withdrawn', 'withdrawn before approval'],
  ['unit_approved', 'withdrawn', 'withdrawn before approval'],
  ['org_approved', 'withdrawn', 'withdrawn before approval'],
  ['waitlisted', 'withdrawn', 'withdrawn before approval'],
  ['returned', 'withdrawn', 'withdrawn before approval'],
  // R2: the money stages.
  ['approved', 'process_paid', 'R2: the process subsidy is paid'],
  ['process_paid', 'graduated', 'R2: the graduation is reported'],
  ['graduated', 'completed', 'R2: the result subsidy is paid'],
  // R5: dropout, before or after the process subsidy.
  ['approved', 'dropped_out', 'R5: drops out before the process subsidy'],
  ['process_paid', 'dropped_out', 'R5: drops out after the process subsidy'],
  // R6: not graduated within three years of the intake.
  ['approved', 'lapsed', 'R6: lapses with nothing paid'],
  ['process_paid', 'lapsed', 'R6: lapses after the process subsidy'],
  // R4: found ineligible at payout, the money goes back.
  ['approved', 'revoked', 'R4: revoked before the process subsidy'],
  ['process_paid', 'revoked', 'R4: revoked after the process subsidy'],
];
const allowed = new Map(MOVES.map(([from, to, why]) => [`${from}→${to}`, why]));

describe('Lifecycle: every move against a list written from the rules', () => {
  it('knows exactly the statuses of the rules', () => {
    expect([...STATUSES].sort()).toEqual([...RULE_STATUSES].sort());
  });

  it('lists no move twice (the list itself is sound)', () => {
    expect(allowed.size).toBe(MOVES.length);
  });

  for (const from of RULE_STATUSES) {
    it(`from ${from}: allows exactly ${
      MOVES.filter((m) => m[0] === from)
        .map((m) => m[1])
        .join(', ') || 'nothing'
    }`, () => {
      const wrong: string[] = [];
      for (const to of RULE_STATUSES) {
        const move = `${from}→${to}`;
        let refused: unknown = null;
        try {
          assertTransition(from as Status, to as Status);
        } catch (e) {
          refused = e;
        }
        if (allowed.has(move) && refused)
          wrong.push(`${move} refused (${allowed.get(move)}): ${String(refused)}`);
        if (!allowed.has(move) && !refused) wrong.push(`${move} allowed, but no rule allows it`);
        if (refused && !(refused instanceof TransitionError))
          wrong.push(`${move} refused by a crash: ${String(refused)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});

// The rest of R9e, the same set seen through the API (a 422 naming the rule), is r9e-rule.test.ts.
describe('R9e: which statuses give the education level back', () => {
  it('only rejected, withdrawn, not_funded and revoked; every other status takes the level, forever', () => {
    expect([...LEVEL_FREEING].sort()).toEqual(['not_funded', 'rejected', 'revoked', 'withdrawn']);
  });
});
