import { describe, expect, it } from 'vitest';
import { pileLink, pilesFor, REVIEW_OVERDUE_DAYS, type PileUser } from '../../admin/src/dashboard/piles';

const NOW = new Date('2019-12-10T02:00:00.000Z');
const keys = (u: PileUser) => pilesFor(u, NOW).map((p) => p.key);

describe('each role’s home shows its own piles of work', () => {
  it('R13: each reviewer sees the applications waiting at its own step, the stale ones first', () => {
    for (const [role, step] of [
      ['unit_admin', 1],
      ['org_admin', 2],
      ['city_admin', 3],
    ] as const) {
      const piles = pilesFor({ role, orgLevel: step === 3 ? 1 : step === 2 ? 2 : 3, organizationId: 9 }, NOW);
      expect(piles[0]).toMatchObject({ key: 'review_overdue', tone: 'overdue' });
      expect(piles[0].filter.waitingStep).toBe(step);
      expect(piles[0].filter.updatedAt_lte).toBe(
        new Date(NOW.getTime() - REVIEW_OVERDUE_DAYS * 86_400_000).toISOString(),
      );
      expect(piles.find((p) => p.key === 'review')?.filter).toEqual({ waitingStep: step });
    }
  });

  it('puts every overdue pile before the work of the day, and that before what is only watched', () => {
    const tones = pilesFor({ role: 'city_admin', orgLevel: 1, organizationId: 1 }, NOW).map((p) => p.tone);
    expect(tones).toEqual(
      [...tones].sort(
        (a, b) => ['overdue', 'todo', 'watch'].indexOf(a) - ['overdue', 'todo', 'watch'].indexOf(b),
      ),
    );
  });

  it('R3: the city transfers and confirms, the level-2 union receives and pays its own direct payments', () => {
    expect(keys({ role: 'city_admin', orgLevel: 1, organizationId: 1 })).toEqual(
      expect.arrayContaining([
        'allocations_to_transfer',
        'graduations_to_verify',
        'refunds_to_receive',
        'refunds_to_confirm',
        'returns_to_confirm',
      ]),
    );
    const union = pilesFor({ role: 'org_admin', orgLevel: 2, organizationId: 2 }, NOW);
    expect(union.find((p) => p.key === 'payments_to_make')?.filter).toEqual({
      status: 'pending',
      channel: 'direct',
      payerOrganizationId: 2,
    });
    expect(union.map((p) => p.key)).not.toContain('allocations_to_transfer');
  });

  it('shows the workers’ school only its entrusted payments and an institution only its students and refunds', () => {
    expect(keys({ role: 'agent', orgLevel: 2, organizationId: 30 })).toEqual([
      'payments_to_make',
      'payments_failed',
    ]);
    expect(keys({ role: 'institution', orgLevel: null, organizationId: null })).toEqual([
      'students',
      'refunds_to_receive',
    ]);
  });

  it('shows the money piles to the union that holds the money, never to a grassroots clerk under a district', () => {
    expect(keys({ role: 'unit_admin', orgLevel: 2, organizationId: 25 })).toContain('payments_to_make');
    expect(keys({ role: 'unit_admin', orgLevel: 3, organizationId: 40 })).not.toContain('payments_to_make');
    expect(keys({ role: 'unit_admin', orgLevel: 3, organizationId: 40 })).not.toContain(
      'allocations_to_receive',
    );
    expect(keys({ role: 'worker', orgLevel: null, organizationId: null })).toEqual([]);
  });

  it('links a pile to its list with the same filter and order', () => {
    const link = pileLink({
      key: 'review',
      resource: 'applications',
      tone: 'todo',
      filter: { waitingStep: 2 },
      sort: { field: 'submittedAt', order: 'ASC' },
    });
    const url = new URL(link, 'http://x');
    expect(url.pathname).toBe('/applications');
    expect(JSON.parse(url.searchParams.get('filter')!)).toEqual({ waitingStep: 2 });
    expect(url.searchParams.get('sort')).toBe('submittedAt');
    expect(url.searchParams.get('order')).toBe('ASC');
  });
});
