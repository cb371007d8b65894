import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { createApp } from './app';
import { readEnv } from './env';
import { pruneSessions } from './lib/auth';
import { log } from './lib/log';
import { Pii } from './lib/pii';
import { lapseSweep } from './resources/applications/progress';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = readEnv();
if (env.LOG_LEVEL === 'silent') log.silence();
fs.mkdirSync(env.dataDir, { recursive: true });

const adminDist = path.join(root, 'admin', 'dist');
if (!fs.existsSync(path.join(adminDist, 'index.html'))) {
  log.info({ msg: 'building the admin panel (first start)' });
  execFileSync('npx', ['vite', 'build', '--config', 'admin/vite.config.ts'], { cwd: root, stdio: 'inherit' });
}

const db = openDb(path.join(env.dataDir, 'app.db'));
migrateDb(db);
const pii = Pii.fromKeyFile(env.dataDir, env.PII_KEY);
const clock = () => new Date();

const empty = !(db.$client.prepare('select 1 from organizations limit 1').get());
if (empty && env.NODE_ENV !== 'production') {
  const { seedDemo } = await import('../seed/demo');
  const summary = seedDemo(db, pii, clock());
  log.info({ msg: 'seeded the demo city', summary });
}
pruneSessions(db, clock());
// R6: lapse what passed its deadline, now and every day after.
const sweep = () => { try { log.info({ msg: 'R6 lapse sweep', lapsed: lapseSweep(db, clock).length }); } catch (e) { log.error({ msg: 'lapse sweep failed', error: (e as Error).message }); } };
sweep();
setInterval(sweep, 86_400_000).unref();

const app = createApp({ db, clock, pii, dataDir: env.dataDir, secureCookies: env.SECURE_COOKIES === '1' });
const rel = path.relative(process.cwd(), adminDist) || '.';
app.use('/assets/*', serveStatic({ root: rel }));
// The workers' pages are their own single-page app: every /portal path answers portal.html.
app.get('/portal', serveStatic({ path: path.join(rel, 'portal.html') }));
app.get('/portal/*', serveStatic({ path: path.join(rel, 'portal.html') }));
app.get('*', serveStatic({ path: path.join(rel, 'index.html') }));

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  log.info({ msg: `listening on http://localhost:${info.port}` });
});

function shutdown(signal: string) {
  log.info({ msg: `${signal}: finishing requests in flight` });
  server.close(() => { db.$client.close(); process.exit(0); });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
