import { describe, expect, it } from 'vitest';
import { checksDue, currentTerm, nextStep } from '../../server/domain/study';

describe('R15 study check rules', () => {
  it('a term is autumn from September to February, spring from March to August, in China time', () => {
    expect(currentTerm(new Date('2026-11-20T02:00:00Z'))).toBe('2026-autumn');
    expect(currentTerm(new Date('2027-02-28T10:00:00Z'))).toBe('2026-autumn');
    // 2027-02-28 16:30 UTC is already 1 March in Kunming.
    expect(currentTerm(new Date('2027-02-28T16:30:00Z'))).toBe('2027-spring');
    expect(currentTerm(new Date('2027-08-31T12:00:00Z'))).toBe('2027-spring');
    expect(currentTerm(new Date('2027-08-31T16:30:00Z'))).toBe('2027-autumn');
  });

  it('checks are due for the funded applications with none for the term', () => {
    const apps = [
      { id: 1, status: 'approved' },
      { id: 2, status: 'process_paid' },
      { id: 3, status: 'graduated' },
      { id: 4, status: 'completed' },
      { id: 5, status: 'dropped_out' },
      { id: 6, status: 'submitted' },
    ];
    const checks = [
      { applicationId: 1, term: '2026-autumn' },
      { applicationId: 2, term: '2026-spring' },
    ];
    expect(checksDue(apps, checks, '2026-autumn').map((a) => a.id)).toEqual([2, 3]);
    expect(checksDue(apps, checks, '2026-spring').map((a) => a.id)).toEqual([1, 3]);
  });

  it('a withdrawn check points to the dropout action and moves nothing itself', () => {
    expect(nextStep('withdrawn')).toBe('dropout');
    for (const s of ['studying', 'suspended', 'warning']) expect(nextStep(s)).toBeNull();
  });
});
