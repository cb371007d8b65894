import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/lib/soak';

/**
 * The soak at CI size: a short soak proves the mix runs clean (no 5xx, no unexpected refusal, the
 * invariants and the chain hold, a clean stop). Latency and memory are judged by the full run
 * (`npm run soak`, minutes long): a few seconds on a shared CI machine say nothing about either.
 */
describe('soak', () => {
  it('many sessions mixing reads and writes: no error, invariants hold, clean stop', async () => {
    const report = await runSoak({ seconds: 6, sessions: 8, thinkMs: 50, strict: false });
    expect(report.problems).toEqual([]);
    expect(report.requests).toBeGreaterThan(100);
    expect(report.acknowledged).toBeGreaterThan(10);
    expect(report.memory.rssEndMb).toBeGreaterThan(0);
  }, 120_000);
});
