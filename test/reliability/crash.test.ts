import { describe, expect, it } from 'vitest';
import { runCrash } from '../../scripts/lib/crash';

/**
 * Crash safety at CI size: a few SIGKILLs of the real server under a random mix of work. The full run
 * (200 kills) is `npm run test:crash`; a failure prints the seed that replays it (`-- --seed S`).
 */
describe('crash safety', () => {
  it('survives SIGKILL at random moments: integrity, every acknowledged write, nothing half there, invariants, chain', async () => {
    const report = await runCrash({ kills: 3, concurrency: 4, minMs: 300, maxMs: 1500 });
    expect(report.problems, `seed ${report.seed}`).toEqual([]);
    expect(report.survived).toBe(3);
    expect(report.acknowledged).toBeGreaterThan(20);
    expect(report.driverErrors, `seed ${report.seed}`).toEqual([]);
  }, 180_000);
});
