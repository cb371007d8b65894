import fs from 'node:fs';
import path from 'node:path';
import { checkDatabase } from './checks';
import { runTag, Session } from './client';
import { Driver, rng, SOAK_MIX, type Latency } from './driver';
import { demoDataDir, HARNESS_KEY } from './fixture';
import { ROOT, startServer } from './server';

/** Default p99 targets, used where the bench has not measured a case yet. Keys are the driver's read kinds. */
export const P99_TARGET_MS: Record<string, number> = {
  'list:applications': 20,
  deepPage: 60,
  search: 60,
  getOne: 10,
  getMany: 10,
  timeline: 10,
  stats: 150,
};

const BENCH_CASES: [RegExp, string][] = [
  [/^list of one union/, 'list:applications'],
  [/^page 200/, 'deepPage'],
  [/^`q` search/, 'search'],
  [/^getMany/, 'getMany'],
  [/^getOne/, 'getOne'],
  [/^timeline/, 'timeline'],
  [/^performance view stats/, 'stats'],
];

/**
 * The bench figures: the p99s `npm run bench` measured on this machine (bench/results.md, 10
 * connections, the slower of its two roles), else P99_TARGET_MS. The soak holds its reads to them
 * while writes run beside them.
 */
export function benchP99(file = path.join(ROOT, 'bench', 'results.md')): {
  targets: Record<string, number>;
  source: string;
} {
  const targets = { ...P99_TARGET_MS };
  if (!fs.existsSync(file)) return { targets, source: 'issue 8 targets (no bench/results.md)' };
  const measured: Record<string, number> = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const kind = BENCH_CASES.find(([re]) => re.test(cells[1] ?? ''))?.[1];
    const p99 = Number((cells[5] ?? '').replace(/,/g, ''));
    if (kind && Number.isFinite(p99) && p99 > 0) measured[kind] = Math.max(measured[kind] ?? 0, p99);
  }
  return {
    targets: { ...targets, ...measured },
    source: `bench/results.md (${Object.keys(measured).length} cases), issue 8 targets for the rest`,
  };
}

export interface SoakOptions {
  /** Hold p99s to the targets and the heap to its floor (the full run); a short CI run only checks correctness. */
  strict?: boolean;
  seconds: number;
  sessions?: number;
  thinkMs?: number;
  maxRequests?: number;
  seed?: number;
  log?: (line: string) => void;
  targets?: Record<string, number>;
}

export interface KindFigures {
  n: number;
  p50: number;
  p99: number;
  max: number;
  targetP99?: number;
}
export interface SoakReport {
  seconds: number;
  requests: number;
  writes: number;
  acknowledged: number;
  rps: number;
  kinds: Record<string, KindFigures>;
  /** Where the p99 bounds came from. */
  targetsFrom: string;
  /** The server's own event-loop delay over the run (from /api/health). */
  eventLoopDelayMs: { p50: number; p99: number; max: number } | null;
  memory: {
    rssStartMb: number;
    rssWarmMb: number;
    rssEndMb: number;
    heapFloorStartMb: number;
    heapFloorEndMb: number;
    samples: number;
  };
  problems: string[];
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 10) / 10 : 0;
};
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/**
 * The soak: many sessions mixing reads and writes at the real server over loopback, bounded in time
 * and in requests. Fails on any 5xx or unexpected refusal, on a p99 over its target, on a heap whose
 * floor keeps rising, and on any broken invariant at the end.
 */
export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const log = o.log ?? (() => undefined);
  const bench = o.targets ? { targets: o.targets, source: 'given' } : benchP99();
  const targets = bench.targets;
  const demo = demoDataDir();
  const server = await startServer({ dataDir: demo.dataDir, piiKey: HARNESS_KEY });
  const driver = new Driver(server.url, demo.accounts, rng(o.seed ?? 2019), SOAK_MIX);
  await driver.setup();
  const problems: string[] = [];
  const samples: { t: number; rss: number; heap: number }[] = [];
  let loop: { p50: number; p99: number; max: number } | null = null;
  // Memory and the event loop are the city admin's to read on /api/health (anyone else: up or down).
  const monitor = new Session(
    server.url,
    'monitor',
    `sid=${demo.accounts.find((a) => a.role === 'city_admin')!.token}`,
  );
  const sample = async () => {
    const res = await monitor
      .request('GET', '/api/health')
      .then((r) => r.body)
      .catch(() => null);
    if (res?.memory)
      samples.push({ t: Date.now(), rss: res.memory.rssBytes, heap: res.memory.heapUsedBytes });
    if (res?.eventLoopDelayMs) loop = res.eventLoopDelayMs;
  };
  await sample();
  const started = Date.now();
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), o.seconds * 1000);
  const sampler = setInterval(
    () => {
      void sample();
    },
    Math.max(500, Math.min(5000, o.seconds * 50)),
  );
  const progress = setInterval(
    () =>
      log(
        `soak: ${Math.round((Date.now() - started) / 1000)} s, ${driver.latencies.length} requests, rss ${mb(server.rssBytes() ?? 0)} MB`,
      ),
    15_000,
  );
  const maxSteps = o.maxRequests ? Math.ceil(o.maxRequests / 3) : undefined;
  const result = await driver.run({
    concurrency: o.sessions ?? 24,
    signal: stop.signal,
    maxSteps,
    thinkMs: o.thinkMs ?? 600,
  });
  clearTimeout(timer);
  clearInterval(sampler);
  clearInterval(progress);
  await sample();
  const seconds = (Date.now() - started) / 1000;
  if (result.gone) problems.push('the server went away during the soak');

  const city = new Session(
    server.url,
    'city',
    `sid=${demo.accounts.find((a) => a.role === 'city_admin')!.token}`,
  );
  const integrity = await city.get('/api/integrity');
  if (integrity.body?.ok !== true)
    problems.push(`/api/integrity: ${JSON.stringify(integrity.body).slice(0, 500)}`);
  const exit = await server.stop();
  if (exit.code !== 0)
    problems.push(`the server did not stop cleanly: ${JSON.stringify(exit)} ${server.stderr.slice(-300)}`);
  const check = checkDatabase(path.join(demo.dataDir, 'app.db'), demo.dataDir, {
    acked: driver.acked,
    unanswered: driver.unanswered,
    runTag,
  });
  problems.push(...check.problems, ...driver.errors.slice(0, 20));

  const groups = new Map<string, Latency[]>();
  for (const l of driver.latencies) groups.set(l.kind, [...(groups.get(l.kind) ?? []), l]);
  const kinds: Record<string, KindFigures> = {};
  for (const [kind, ls] of [...groups.entries()].sort()) {
    const ms = ls.map((l) => l.ms);
    kinds[kind] = {
      n: ls.length,
      p50: pct(ms, 50),
      p99: pct(ms, 99),
      max: Math.round(Math.max(...ms)),
      ...(targets[kind] ? { targetP99: targets[kind] } : {}),
    };
    if (o.strict !== false && targets[kind] && ls.length >= 20 && kinds[kind].p99 > targets[kind])
      problems.push(`${kind}: p99 ${kinds[kind].p99} ms over the bench figure ${targets[kind]} ms`);
  }

  // A leak shows as a rising floor: the lowest heap after GC in the last third against the first (after warm-up).
  if (!problems.length) fs.rmSync(demo.dataDir, { recursive: true, force: true });

  // After a warm-up third (caches filling, V8 sizing its heap), the middle third against the last.
  const warm = samples.slice(Math.floor(samples.length / 3));
  const half = Math.max(1, Math.floor(warm.length / 2));
  const floor = (xs: typeof samples) => Math.min(...xs.map((s) => s.heap));
  const memory = {
    rssStartMb: mb(samples[0]?.rss ?? 0),
    rssWarmMb: mb(warm[0]?.rss ?? 0),
    rssEndMb: mb(samples.at(-1)?.rss ?? 0),
    heapFloorStartMb: mb(floor(warm.slice(0, half))),
    heapFloorEndMb: mb(floor(warm.slice(-half))),
    samples: samples.length,
  };
  if (o.strict !== false && warm.length >= 6 && memory.heapFloorEndMb > memory.heapFloorStartMb * 1.25 + 8)
    problems.push(`heap floor grew from ${memory.heapFloorStartMb} MB to ${memory.heapFloorEndMb} MB`);
  if (o.strict !== false && warm.length >= 6 && memory.rssEndMb > memory.rssWarmMb * 1.25 + 32)
    problems.push(`RSS grew from ${memory.rssWarmMb} MB to ${memory.rssEndMb} MB after warm-up`);

  return {
    seconds: Math.round(seconds),
    requests: driver.latencies.length,
    writes: driver.acked.length + driver.refused.length,
    acknowledged: driver.acked.length,
    rps: Math.round(driver.latencies.length / seconds),
    kinds,
    targetsFrom: bench.source,
    eventLoopDelayMs: loop,
    memory,
    problems,
  };
}
