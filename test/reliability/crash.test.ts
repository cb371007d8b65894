import { describe, expect, it } from 'vitest';
import { runCrash } from '../../scripts/lib/crash';

/**
 * A few SIGKILLs of the real server under a random mix of work. The full run (200 kills) is
 * `npm run test:crash`; a failure prints the seed that replays it (`-- --seed S`). Timing-bound: the
 * kill lands after a random wait, so how much work was acknowledged before it depends on the machine;
 * the windows are wide enough for a loaded two-core machine, and the suite is `npm run test:reliability`.
 */
describe('crash safety', () => {
  it('survives SIGKILL at random moments: integrity, every acknowledged write, nothing half there, invariants, chain', async () => {
    const report = await runCrash({ kills: 3, concurrency: 4, minMs: 1000, maxMs: 3000 });
    expect(report.problems, `seed ${report.seed}`).toEqual([]);
    expect(report.survived).toBe(3);
    // The kills must land on a server at work, or the checks above prove nothing.
    expect(report.acknowledged, `seed ${report.seed}`).toBeGreaterThan(20);
    expect(report.driverErrors, `seed ${report.seed}`).toEqual([]);
  }, 300_000);
});
