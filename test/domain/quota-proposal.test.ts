import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { proposeQuotas } from '../../server/domain/quota';

const union = (organizationId: number, members: number, applications = 0, uptake = 0) => ({
  organizationId,
  members,
  applications,
  uptake,
});

describe('quota proposal', () => {
  it('R18: the proposal sums exactly to the plan for random member counts and history', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000 }),
        fc.array(
          fc.record({
            members: fc.integer({ min: 0, max: 1_000_000 }),
            applications: fc.integer({ min: 0, max: 50_000 }),
            uptake: fc.integer({ min: 0, max: 50_000 }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (plan, facts) => {
          const out = proposeQuotas(
            plan,
            facts.map((f, i) => ({ organizationId: i + 1, ...f })),
          );
          expect(out.reduce((s, q) => s + q.places, 0)).toBe(plan);
          expect(out.every((q) => Number.isInteger(q.places) && q.places >= 0)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('R18: members alone split in proportion, the remainder to the largest fractions', () => {
    expect(proposeQuotas(10, [union(1, 1), union(2, 1), union(3, 1)])).toEqual([
      { organizationId: 1, places: 4 },
      { organizationId: 2, places: 3 },
      { organizationId: 3, places: 3 },
    ]);
    expect(proposeQuotas(100, [union(1, 300), union(2, 100)]).map((q) => q.places)).toEqual([75, 25]);
  });

  it('R18: half by members, a quarter each by applications and uptake; no figures at all, equal shares', () => {
    // members 1:1, applications all at 1, uptake all at 1 → 2/4·½ + ¼ + ¼ = ¾ to union 1.
    expect(proposeQuotas(100, [union(1, 50, 10, 5), union(2, 50, 0, 0)]).map((q) => q.places)).toEqual([
      75, 25,
    ]);
    expect(proposeQuotas(9, [union(1, 0), union(2, 0), union(3, 0)]).map((q) => q.places)).toEqual([3, 3, 3]);
  });
});
