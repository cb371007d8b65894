import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { openDb, tx } from '../db/client';
import { migrateDb } from '../db/migrate';
import { createApp } from './app';
import { readEnv } from './env';
import { sealAuditChain } from './lib/audit';
import { pruneSessions } from './lib/auth';
import { pidFile } from './lib/backup';
import { secureDataDir } from './lib/data-dir';
import { pruneIdempotencyKeys } from './lib/idempotency';
import { log } from './lib/log';
import { Pii } from './lib/pii';
import { startJob } from './lib/off-thread';
import { clockSweep } from './resources/applications/progress';
import { parseQuietHours } from './domain/notifications';
import { startNotifier } from './resources/notifications/notifier';
import { checkInBackground } from './resources/integrity';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = readEnv();
if (env.LOG_LEVEL === 'silent') log.silence();
log.setFormat(env.logFormat);
secureDataDir(env.dataDir);

const adminDist = path.join(root, 'admin', 'dist');
const apiOnly = env.API_ONLY === '1';
if (!apiOnly && !fs.existsSync(path.join(adminDist, 'index.html'))) {
  log.info({ msg: 'building the admin panel (first start)' });
  execFileSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts'], { cwd: root, stdio: 'inherit' });
}

const db = openDb(path.join(env.dataDir, 'app.db'));
migrateDb(db);
const pii = Pii.fromKeyFile(env.dataDir, env.PII_KEY);
const clock = () => new Date();

const empty = !db.$client.prepare('select 1 from organizations limit 1').get();
if (empty && env.NODE_ENV !== 'production') {
  const { seedDemo } = await import('../seed/demo');
  const summary = seedDemo(db, pii, clock(), { dataDir: env.dataDir });
  // Counts only: the summary's account list carries workers' names (personal data stays out of logs).
  log.info({ msg: 'seeded the demo city', counts: summary.counts });
}
pruneSessions(db, clock());
// The notice's clock, now and every day after: R6 lapses, R7 waitlists that close, R2 process
// payments past their window (and week-old Idempotency-Keys are forgotten).
const sweep = () => {
  try {
    const done = clockSweep(db, clock);
    log.info({
      msg: 'daily sweep',
      lapsed: done.lapsed.length,
      notFunded: done.notFunded.length,
      processMissed: done.processMissed.length,
      idempotencyKeys: pruneIdempotencyKeys(db, clock()),
    });
  } catch (e) {
    log.error({ msg: 'daily sweep failed', error: (e as Error).message });
  }
};
sweep();
setInterval(sweep, 86_400_000).unref();

// The books checked shortly after start and daily (I1–I7), for the city's dashboard to show.
const checkBooks = () => {
  try {
    const r = checkInBackground(db, clock());
    // Said only when something is wrong: a start ends on the line that says where the panel is.
    if (r && !r.ok) log.error({ msg: 'integrity check found problems', problems: r.problems.length });
  } catch (e) {
    log.error({ msg: 'integrity check failed', error: (e as Error).message });
  }
};
setTimeout(checkBooks, 1_000).unref();
setInterval(checkBooks, 86_400_000).unref();

// Audit retention: rows past it are copied to the verified archive (never dropped), in a worker thread
// shortly after start and every day after, so a long history never holds up requests.
const archive = () => {
  let worker: Worker;
  try {
    worker = startJob(new URL('./lib/archive-worker.ts', import.meta.url), {
      dbFile: path.join(env.dataDir, 'app.db'),
      dataDir: env.dataDir,
      retentionDays: env.AUDIT_RETENTION_DAYS,
    });
  } catch (e) {
    log.error({ msg: 'audit archive failed to start', error: (e as Error).message });
    return;
  }
  worker.unref();
  worker.once('message', (m: { ok: boolean; rows?: number; archivedThroughId?: number; error?: string }) =>
    m.ok
      ? log.info({ msg: 'audit archive', rows: m.rows, archivedThroughId: m.archivedThroughId })
      : log.error({ msg: 'audit archive failed', error: m.error }),
  );
  worker.once('error', (e) => log.error({ msg: 'audit archive failed', error: e.message }));
};
setTimeout(archive, 2_000).unref();
setInterval(archive, 86_400_000).unref();

const app = createApp({
  db,
  clock,
  pii,
  dataDir: env.dataDir,
  secureCookies: env.SECURE_COOKIES === '1',
  auditRetentionDays: env.AUDIT_RETENTION_DAYS,
  publicOrigin: env.PUBLIC_ORIGIN,
});
// A history written without the key (the demo seed, an older version) is sealed before anything else.
if (tx(db, (t) => sealAuditChain(t, { user: null, now: clock })))
  log.info({ msg: 'audit chain sealed with the audit key' });
if (!apiOnly) {
  const rel = path.relative(process.cwd(), adminDist) || '.';
  app.use('/assets/*', serveStatic({ root: rel }));
  // The workers' pages are their own single-page app: every /portal path answers portal.html.
  app.get('/portal', serveStatic({ path: path.join(rel, 'portal.html') }));
  app.get('/portal/*', serveStatic({ path: path.join(rel, 'portal.html') }));
  app.get('*', serveStatic({ path: path.join(rel, 'index.html') }));
}

// In-app messages are written with each change; the morning digest and the SMS outbox run here.
const notifier = startNotifier(db, clock, {
  everyMs: env.NOTIFY_EVERY_MS,
  gateway: env.SMS_WEBHOOK_URL
    ? {
        url: env.SMS_WEBHOOK_URL,
        secret: env.SMS_WEBHOOK_SECRET!,
        quietHours: parseQuietHours(env.SMS_QUIET_HOURS),
      }
    : undefined,
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  // Restore refuses to run while this file names a live process (server/lib/backup.ts).
  fs.writeFileSync(pidFile(env.dataDir), String(process.pid));
  log.info({ msg: `listening on http://${env.HOST}:${info.port}`, pid: process.pid });
  log.info({ msg: startLine(info.port, env.NODE_ENV !== 'production') });
});

/** The closing line of a start: where the panel and the portal are and, outside production (the demo city), where its accounts are listed. */
function startLine(port: number, seeded: boolean): string {
  const host = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const base = env.PUBLIC_ORIGIN ?? `http://${host}:${port}`;
  const where = apiOnly ? `API ${base}/api` : `panel ${base}/  ·  portal ${base}/portal`;
  return seeded
    ? // No password in the logs, even the demo's: the README's table has it.
      `ready: ${where}  ·  demo accounts: README.md, "Demo accounts"`
    : `ready: ${where}`;
}

/**
 * SIGTERM: stop accepting, let the requests in flight finish (their keep-alive connections are
 * closed once idle), then close the database — its WAL checkpointed and removed — and exit 0.
 * Ten seconds at most; a second signal does not start another round.
 */
let stopping = false;
function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  const began = Date.now();
  log.info({ msg: `${signal}: finishing requests in flight` });
  server.close(async () => {
    await notifier.stop(); // the SMS round under way ends (marked as the gateway answered) before the database closes
    db.$client.close();
    fs.rmSync(pidFile(env.dataDir), { force: true });
    log.info({ msg: 'stopped: database closed', ms: Date.now() - began });
    process.exit(0);
  });
  const idle = setInterval(
    () => (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.(),
    100,
  );
  idle.unref();
  setTimeout(() => {
    log.error({ msg: 'shutdown timed out: requests still in flight after 10 s' });
    process.exit(1);
  }, 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
