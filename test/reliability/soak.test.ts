import { describe, expect, it } from 'vitest';
import { runSoak } from '../../scripts/lib/soak';

/**
 * A short soak at CI size proves the mix runs clean: no 5xx, no unexpected refusal, the invariants
 * and the chain hold, a clean stop. The run is bounded by a count of requests, not by the clock, so a
 * slow machine does the same work, only later (the time cap is a safety net). Latency is judged by the
 * full run (`npm run soak`, minutes long): a few seconds on a shared machine say nothing about it.
 */
describe('soak', () => {
  it('many sessions mixing reads and writes: no error, invariants hold, memory sampled and bounded, clean stop', async () => {
    const report = await runSoak({
      seconds: 240,
      maxRequests: 3000,
      sessions: 8,
      thinkMs: 20,
      strict: false,
    });
    console.log(
      `soak: ${report.requests} requests, ${report.acknowledged} acknowledged writes in ${report.seconds} s; memory ${JSON.stringify(report.memory)}`,
    );
    expect(report.problems).toEqual([]);
    expect(report.requests).toBeGreaterThanOrEqual(1000);
    expect(report.acknowledged).toBeGreaterThan(10);
    // The server reports its memory on /api/health, at the start and at the end at least.
    const m = report.memory;
    expect(m.samples, JSON.stringify(m)).toBeGreaterThanOrEqual(2);
    expect(m.rssStartMb, JSON.stringify(m)).toBeGreaterThan(0);
    // A few hundred requests on a demo city may warm caches, not double the process: a leak that keeps
    // every answer or every statement would.
    expect(m.rssEndMb, JSON.stringify(m)).toBeLessThan(m.rssStartMb * 2 + 64);
  }, 300_000);
});
