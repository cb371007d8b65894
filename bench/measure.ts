/** Load over loopback (autocannon) and the in-process floor, both as latency samples in ms. */
import autocannon from 'autocannon';

export interface Sample {
  n: number;
  perSec: number;
  p50: number;
  p99: number;
  errors: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summarize(lat: number[], seconds: number, errors: number): Sample {
  lat.sort((a, b) => a - b);
  return {
    n: lat.length,
    perSec: lat.length / seconds,
    p50: percentile(lat, 50),
    p99: percentile(lat, 99),
    errors,
  };
}

/**
 * `connections` keep-alive clients request `next()` paths for `seconds`. Latencies come from
 * autocannon's per-response event (fractional ms: its histogram keeps whole milliseconds only).
 */
export function load(
  url: string,
  cookie: string,
  next: () => string,
  connections: number,
  seconds: number,
  gzip = true,
): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const lat: number[] = [];
    let bad = 0;
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: 60,
        sampleInt: 100, // stops within 100 ms of `seconds` (it checks once a sample)
        // A browser asks for compression; so does the benchmark.
        headers: { cookie, ...(gzip ? { 'accept-encoding': 'gzip, deflate, br' } : {}) },
        requests: [
          { method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: next() }) },
        ],
      } as unknown as autocannon.Options,
      (err, result) => {
        if (err) return reject(err);
        resolve(summarize(lat, result.duration, bad + result.errors + result.timeouts));
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status >= 200 && status < 300) lat.push(ms);
      else bad++;
    });
  });
}

/** The floor: `fn` in a loop for `seconds` (after a short warm-up), one call a sample. */
export function floor(fn: () => unknown, seconds: number): Sample {
  for (let i = 0; i < 20; i++) fn();
  const lat: number[] = [];
  const end = performance.now() + seconds * 1000;
  let t = performance.now();
  while (t < end && lat.length < 200_000) {
    fn();
    const t2 = performance.now();
    lat.push(t2 - t);
    t = t2;
  }
  const total = lat.reduce((s, x) => s + x, 0) / 1000;
  return summarize(lat, total, 0);
}
