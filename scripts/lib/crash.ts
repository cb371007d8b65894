import fs from 'node:fs';
import path from 'node:path';
import { checkDatabase } from './checks';
import { runTag, Session } from './client';
import { Driver, rng, type Write } from './driver';
import { demoDataDir, HARNESS_KEY } from './fixture';
import { startServer, type RunningServer } from './server';

export interface CrashOptions {
  kills: number;
  seed?: number;
  concurrency?: number;
  /** The kill lands at a random moment between these, after the load starts. */
  minMs?: number;
  maxMs?: number;
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  survived: number;
  seed: number;
  acknowledged: number;
  unanswered: number;
  unansweredCommitted: number;
  retriesReplayed: number;
  retriesActed: number;
  problems: string[];
  driverErrors: string[];
  seconds: number;
  byKind: Record<string, number>;
  /** Every write's answer, `kind:status`: what the mix really did. */
  byStatus: Record<string, number>;
}

/**
 * Crash safety: the real server under a random mix of work, killed with SIGKILL at a random moment,
 * `kills` times in a row on the same database; after each kill the file is checked with the server
 * down (checks.ts), the unanswered money requests are retried with their Idempotency-Key (a
 * committed one must replay, a lost one must act afresh), and `/api/integrity` must be ok.
 */
export async function runCrash(o: CrashOptions): Promise<CrashReport> {
  const started = Date.now();
  const seed = o.seed ?? Date.now() % 1_000_000;
  const random = rng(seed);
  const log = o.log ?? (() => undefined);
  const demo = demoDataDir();
  const dbFile = path.join(demo.dataDir, 'app.db');
  log(`crash harness: seed ${seed}, data ${demo.dataDir}, ${o.kills} kills`);
  let server: RunningServer = await startServer({ dataDir: demo.dataDir, piiKey: HARNESS_KEY });
  let driver = new Driver(server.url, demo.accounts, random);
  await driver.setup();
  const acked: Write[] = [];
  const report: CrashReport = {
    kills: o.kills,
    survived: 0,
    seed,
    acknowledged: 0,
    unanswered: 0,
    unansweredCommitted: 0,
    retriesReplayed: 0,
    retriesActed: 0,
    problems: [],
    driverErrors: [],
    seconds: 0,
    byKind: {},
    byStatus: {},
  };
  try {
    for (let i = 1; i <= o.kills; i++) {
      const stop = new AbortController();
      const running = driver.run({ concurrency: o.concurrency ?? 4, signal: stop.signal, maxSteps: 100_000 });
      const wait = (o.minMs ?? 300) + random() * ((o.maxMs ?? 2500) - (o.minMs ?? 300));
      await new Promise((r) => setTimeout(r, wait));
      const exit = await server.kill();
      stop.abort();
      await running;
      if (exit.signal !== 'SIGKILL')
        report.problems.push(
          `kill ${i}: the server exited by itself (${JSON.stringify(exit)}): ${server.stderr.slice(-500)}`,
        );
      acked.push(...driver.acked);
      for (const w of driver.acked) report.byKind[w.kind] = (report.byKind[w.kind] ?? 0) + 1;
      for (const [k, n] of Object.entries(driver.counts)) report.byStatus[k] = (report.byStatus[k] ?? 0) + n;
      report.driverErrors.push(...driver.errors);

      const check = checkDatabase(dbFile, demo.dataDir, { acked, unanswered: driver.unanswered, runTag });
      report.acknowledged = acked.length;
      report.unanswered += check.facts.unanswered;
      report.unansweredCommitted += check.facts.unansweredCommitted;
      for (const p of check.problems) report.problems.push(`kill ${i}: ${p}`);

      server = await startServer({ dataDir: demo.dataDir, piiKey: HARNESS_KEY });
      const unanswered = driver.unanswered;
      driver = new Driver(server.url, demo.accounts, random);
      await driver.setup();
      // The unanswered money requests, retried as a client would: same key, same body.
      for (const w of unanswered.filter((x) => x.headers['idempotency-key'])) {
        const s = new Session(
          server.url,
          w.session,
          `sid=${demo.accounts.find((a) => a.username === w.session)!.token}`,
        );
        const res = await s.request(w.method, w.path, w.body, {
          'idempotency-key': w.headers['idempotency-key'],
        });
        const committed = check.committed.has(w.rid);
        if (res.status >= 500)
          report.problems.push(`kill ${i}: retry of ${w.kind} ${w.path} answered ${res.status}`);
        else if (committed && !res.replayed)
          report.problems.push(
            `kill ${i}: ${w.kind} ${w.path} committed before the kill, yet its retry acted again (${res.status})`,
          );
        else if (!committed && res.replayed)
          report.problems.push(`kill ${i}: ${w.kind} ${w.path} was lost, yet its retry replayed an answer`);
        if (res.replayed) report.retriesReplayed++;
        else report.retriesActed++;
      }
      const city = new Session(
        server.url,
        'city',
        `sid=${demo.accounts.find((a) => a.role === 'city_admin')!.token}`,
      );
      const integrity = await city.get('/api/integrity');
      if (integrity.status !== 200 || integrity.body.ok !== true)
        report.problems.push(
          `kill ${i}: /api/integrity ${integrity.status} ${JSON.stringify(integrity.body).slice(0, 500)}`,
        );
      if (report.problems.length) break;
      report.survived = i;
      log(
        `kill ${i}/${o.kills} after ${Math.round(wait)} ms: ${acked.length} acknowledged so far, ${unanswered.length} unanswered (${check.facts.unansweredCommitted} had committed), checks ok`,
      );
    }
  } finally {
    await server.stop();
    report.seconds = Math.round((Date.now() - started) / 1000);
  }
  // Kept for inspection when something broke; otherwise gone.
  if (!report.problems.length) fs.rmSync(demo.dataDir, { recursive: true, force: true });
  else log(`data kept in ${demo.dataDir}`);
  return report;
}
