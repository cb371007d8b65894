import { describe, expect, it } from 'vitest';
import { planProblem } from '../../server/domain/quota';

describe('R18 planProblem', () => {
  it('R18: refuses quotas summing to more than the plan, allows up to it and any lowering', () => {
    expect(planProblem(100, 30, 70)).toBeNull();
    expect(planProblem(100, 30, 71)).toMatchObject({ rule: 'R18', field: 'places' });
    expect(planProblem(100, 100, 1, 'delta')).toMatchObject({ rule: 'R18', field: 'delta' });
    // Taking places back is always allowed, even from a round already over its plan.
    expect(planProblem(100, 120, -5, 'delta')).toBeNull();
    expect(planProblem(30, 30, 0, 'plannedPlaces')).toBeNull();
    const below = planProblem(29, 30, 0, 'plannedPlaces');
    expect(below).toMatchObject({ rule: 'R18', field: 'plannedPlaces' });
    expect(below!.message).toContain('30');
  });
});
