/**
 * `npm run bench [-- --scale N] [--duration S] [--out FILE|-]`
 *
 * Seeds (or reuses) a scale database of N applications (default 1,000,000) in a temp folder, starts
 * the real server on a copy of it, and drives it over loopback with autocannon (10 connections, S
 * seconds a case) as a level-2 admin and as the city; in the same run it times the same queries as
 * raw prepared SQL in-process (the floor), then the write cases once each. Prints the table and
 * writes it with the machine's core count and N to bench/results.md (`--out -`: print only).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDb } from '../db/client';
import { readCases, type Fixture, type Who } from './cases';
import { kb, PANEL_JS_LIMIT, panelBundle, PORTAL_JS_LIMIT, portalBundle } from './bundle-size';
import { loginStorm } from './logins';
import { floor, load } from './measure';
import { readOk, table, type ReadRow } from './report';
import { call, drained, login, startServer } from './server';
import { bulkReview, receive, receiveUnion, type WriteResult } from './writes';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'Kunming@2019';
const PII_KEY = createHash('sha256').update('kunming-subsidy-bench').digest('hex'); // the bench's own key: its data is fake

function args() {
  const a = process.argv.slice(2);
  const get = (name: string, dflt: string) => {
    const i = a.indexOf(`--${name}`);
    return i >= 0 ? a[i + 1] : (a.find((x) => x.startsWith(`--${name}=`))?.split('=')[1] ?? dflt);
  };
  const n = Number(get('scale', '1000000').replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1000) throw new Error('--scale: at least 1,000 applications');
  return {
    n,
    duration: Number(get('duration', '5')),
    single: Number(get('single', '2')),
    floorSeconds: Number(get('floor', '2')),
    dir: path.resolve(get('dir', path.join(os.tmpdir(), 'kunming-subsidy-bench'))),
    port: Number(get('port', '3917')),
    out: get('out', path.join(root, 'bench', 'results.md')),
    reseed: a.includes('--reseed'),
  };
}

/** What the scale database depends on: reseed when the seed code or the migrations change. */
function fingerprint(): string {
  const h = createHash('sha256');
  for (const f of [
    'seed/scale.ts',
    'seed/scale-calendar.ts',
    'seed/names.ts',
    'db/migrations/meta/_journal.json',
  ])
    h.update(fs.readFileSync(path.join(root, f)));
  return h.digest('hex').slice(0, 16);
}

function ensureScaleDb(
  dir: string,
  n: number,
  reseed: boolean,
): { file: string; seedSeconds: number; seededNow: boolean } {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `scale-${n}.db`);
  const meta = `${file}.json`;
  const fp = fingerprint();
  const known = fs.existsSync(meta)
    ? (JSON.parse(fs.readFileSync(meta, 'utf8')) as { fingerprint: string; seedSeconds: number })
    : null;
  if (!reseed && known?.fingerprint === fp && fs.existsSync(file))
    return { file, seedSeconds: known.seedSeconds, seededNow: false };
  console.log(`Seeding ${n.toLocaleString('en-US')} applications into ${file} …`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'seed/index.ts', '--db', file, '--force', '--scale', String(n)],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, PII_KEY, DATA_DIR: dir },
    },
  );
  if (r.status !== 0) throw new Error(`the scale seed failed (${r.status})`);
  const seedSeconds = (performance.now() - t0) / 1000;
  fs.writeFileSync(meta, JSON.stringify({ fingerprint: fp, n, seedSeconds, at: new Date().toISOString() }));
  return { file, seedSeconds, seededNow: true };
}

/** The panel's and the portal's first load, gzipped, from the production build (built here if missing). */
function bundles(): string {
  if (!fs.existsSync(path.join(root, 'admin/dist/index.html'))) {
    const r = spawnSync(
      process.execPath,
      [
        path.join(root, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'admin/vite.config.ts',
        '--logLevel',
        'error',
      ],
      { cwd: root, stdio: 'inherit' },
    );
    if (r.status !== 0) return '- JavaScript loaded up front: not measured (the panel did not build)';
  }
  const line = (name: string, r: ReturnType<typeof panelBundle>, limit: number) =>
    `${name} ${kb(r.jsGzip)} (target ≤ ${kb(limit)}) ${r.jsGzip <= limit ? '✓' : '✗'}, ${kb(r.lazyJsGzip)} more loaded lazily`;
  return `- JavaScript loaded up front, gzipped: ${line('panel', panelBundle(path.join(root, 'admin/dist')), PANEL_JS_LIMIT)}; ${line('portal', portalBundle(path.join(root, 'admin/dist')), PORTAL_JS_LIMIT)}`;
}

async function main() {
  const o = args();
  const loadBefore = os.loadavg()[0];
  const scale = ensureScaleDb(o.dir, o.n, o.reseed);
  const work = path.join(o.dir, `run-${o.n}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  fs.copyFileSync(scale.file, path.join(work, 'app.db')); // the run writes (reviews, payments): keep the seeded file as it is
  const dbBytes = fs.statSync(scale.file).size;

  console.log('Starting the server …');
  const server = await startServer(root, work, o.port, PII_KEY);
  const db = openDb(path.join(work, 'app.db'));
  const raw = db.$client;
  const reads: ReadRow[] = [];
  const writes: WriteResult[] = [];
  const skipped: string[] = [];
  let stormLine: string | undefined;
  try {
    const openRound = raw.prepare('select max(id) from rounds').pluck().get() as number;
    const unionA = raw
      .prepare(
        `select a.level2_id from applications a join organizations o on o.id = a.level2_id
      where a.round_id = ? and a.status = 'unit_approved' and o.kind <> 'direct' group by 1 order by count(*) desc limit 1`,
      )
      .pluck()
      .get(openRound) as number;
    const userOf = (org: number) =>
      raw
        .prepare(
          `select id, username from users where organization_id = ? and role = 'org_admin' order by id limit 1`,
        )
        .get(org) as { id: number; username: string };
    const orgUser = userOf(unionA);
    const cityUser = raw
      .prepare(`select id, username from users where role = 'city_admin' order by id limit 1`)
      .get() as { id: number; username: string };
    const fx: Fixture = {
      unionA,
      openRound,
      rounds: raw.prepare('select id from rounds order by id').pluck().all() as number[],
      orgUser: orgUser.id,
      cityUser: cityUser.id,
    };
    const cookies: Record<Who, string> = {
      org: await login(server.url, orgUser.username, PASSWORD),
      city: await login(server.url, cityUser.username, PASSWORD),
    };
    const who = { org: `level-2 (${orgUser.username})`, city: 'city' };
    console.log(
      `N = ${o.n.toLocaleString('en-US')}; level-2 admin: ${orgUser.username} (union #${unionA}); ${o.duration} s a case at 10 connections`,
    );

    server.resetPeak(); // under load from here on
    const statsThere = await fetch(`${server.url}/api/stats/overview?roundId=${openRound}`, {
      headers: { cookie: cookies.city },
    }).then((r) => r.status !== 404);
    for (const c of readCases(db, fx)) {
      if (c.key === 'stats' && !statsThere) {
        skipped.push(`${c.label} (no /api/stats/overview in this build)`);
        continue;
      }
      for (const w of ['org', 'city'] as Who[]) {
        const next = c.api(w);
        const run = async (connections: number, seconds: number) => {
          const s = await load(server.url, cookies[w], next, connections, seconds);
          await drained(server.url, cookies[w]);
          return s;
        };
        await run(10, Math.min(1, o.duration / 4)); // warm-up
        const loaded = await run(10, o.duration);
        const single = await run(1, o.single);
        const fl = floor(c.floor(w), o.floorSeconds);
        const row: ReadRow = {
          key: c.key,
          label: c.label,
          who: who[w],
          loaded,
          single,
          floor: fl,
          p99Target: c.p99Target,
          ratioTarget: c.ratioTarget,
        };
        reads.push(row);
        console.log(
          `  ${readOk(row) ? '✓' : '✗'} ${c.key.padEnd(9)} ${w.padEnd(4)} ${loaded.perSec.toFixed(0).padStart(6)} req/s  p50 ${loaded.p50.toFixed(2)}  p99 ${loaded.p99.toFixed(2)} ms  (1 conn p50 ${single.p50.toFixed(2)}; floor p50 ${fl.p50.toFixed(3)} ms)`,
        );
      }
    }

    const listCase = readCases(db, fx).find((c) => c.key === 'list')!;
    const storm = await loginStorm(
      server.url,
      cookies.org,
      listCase.api('org'),
      raw
        .prepare(
          `select username from users where role in ('org_admin', 'unit_admin') and active = 1 order by id limit 20`,
        )
        .pluck()
        .all() as string[],
      PASSWORD,
      o.duration,
    );
    const stormOk = storm.rush.p99 <= 3 * storm.alone.p99;
    stormLine = `- 20 sign-ins in flight while a level-2 clerk reads the list page (1 connection, ${o.duration} s each): list p99 alone ${storm.alone.p99.toFixed(2)} ms, during the rush ${storm.rush.p99.toFixed(2)} ms (${(storm.rush.p99 / storm.alone.p99).toFixed(1)}×, target ≤ 3×) ${stormOk ? '✓' : '✗'}; ${storm.logins} sign-ins done (${storm.loginErrors} refused or failed)`;
    console.log(`  ${stormLine.slice(2)}`);
    await drained(server.url, cookies.org);

    writes.push(
      await bulkReview(raw, server.url, cookies.org, 'org', { unionA, openRound, userId: orgUser.id }),
    );
    writes.push(
      await bulkReview(raw, server.url, cookies.city, 'city', { unionA, openRound, userId: cityUser.id }),
    );
    const prev = openRound - 1;
    const b = receiveUnion(raw, prev, []);
    const cFloor = b && receiveUnion(raw, prev, [b.id]);
    const allocationsThere = await fetch(`${server.url}/api/allocations/1/receive`, {
      method: 'POST',
      headers: { cookie: cookies.city },
    }).then((r) => r.status !== 404);
    if (b && cFloor && allocationsThere) {
      const bUser = userOf(b.id);
      writes.push(
        await receive(raw, server.url, cookies.city, await login(server.url, bUser.username, PASSWORD), {
          round: prev,
          apiUnion: b.id,
          floorUnion: cFloor.id,
          floorUserId: userOf(cFloor.id).id,
        }),
      );
    } else
      skipped.push('receiving an allocation (no union with due applications, or no allocation endpoints)');
    for (const w of writes)
      console.log(
        `  ${w.apiMs <= w.targetMs ? '✓' : '✗'} ${w.label} as ${w.who}: ${w.apiMs.toFixed(0)} ms (floor ${w.floorMs.toFixed(0)} ms)`,
      );
    await call(server.url, cookies.city, 'GET', '/api/auth/me');
  } finally {
    db.$client.close();
    await server.stop();
  }
  const rssMb = server.peakRssKb() / 1024;
  const hwmMb = server.hwmKb() / 1024;
  fs.rmSync(work, { recursive: true, force: true });

  const cpu = os.cpus();
  const header = [
    `# Benchmark — N = ${o.n.toLocaleString('en-US')} applications`,
    '',
    `- machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, SQLite ${sqliteVersion()}`,
    `- run: ${new Date().toISOString()}; ${o.duration} s a case at 10 connections (after a warm-up), ${o.single} s at 1 connection, ${o.floorSeconds} s of floor`,
    `- load average (1 min) at the start and the end: ${loadBefore.toFixed(1)} / ${os.loadavg()[0].toFixed(1)} — other processes on the same ${cpu.length} cores slow every figure`,
    `- database: ${(dbBytes / 2 ** 20).toFixed(0)} MB; scale seed ${scale.seedSeconds.toFixed(1)} s${scale.seededNow ? '' : ' (seeded earlier, reused)'} (target ≤ 180 s)`,
    `- server RSS under load: peak ${rssMb.toFixed(0)} MB (target ≤ 400 MB) ${rssMb <= 400 ? '✓' : '✗'}; high-water mark over its life, start-up included: ${hwmMb.toFixed(0)} MB; start-up ${server.startSeconds.toFixed(1)} s`,
    bundles(),
    stormLine ?? '- sign-ins under load: not measured',
    '',
  ].join('\n');
  const body = table(reads, writes, skipped);
  const notes = [
    '',
    'How to read it: req/s, p50 and p99 are under load (10 keep-alive connections, `accept-encoding: gzip`); the level-2 admin sees its',
    'own union only (scope), the city sees everything (the list case filters the same union). "p50, 1 conn" is one client at a time;',
    'the floor is the same query as raw prepared SQL in-process (better-sqlite3, no HTTP, session, validation or JSON), and',
    '"API ÷ floor" divides the unloaded p50s. The writes run once each, on different applications from their floor.',
    'The server runs as `node --import tsx server/index.ts` with API_ONLY=1 (no panel build), LOG_LEVEL=silent and',
    'AUDIT_RETENTION_DAYS=36500: the daily audit archive would otherwise copy the whole seeded history in a worker thread',
    'during the first cases. Between runs the bench waits until the server has worked off requests a closed load left queued.',
  ].join('\n');
  console.log(`\n${header}\n${body}\n`);
  if (o.out !== '-') {
    // A hand-written analysis below the marker survives a new run.
    const MARK = '<!-- analysis -->';
    const old = fs.existsSync(o.out) ? fs.readFileSync(o.out, 'utf8') : '';
    const analysis = old.includes(MARK) ? `\n${old.slice(old.indexOf(MARK))}` : '';
    fs.writeFileSync(o.out, `${header}\n${body}\n${notes}\n${analysis}`);
    console.log(`written to ${path.relative(process.cwd(), o.out)}`);
  }
}

function sqliteVersion(): string {
  const d = openDb(':memory:');
  try {
    return d.$client.prepare('select sqlite_version()').pluck().get() as string;
  } finally {
    d.$client.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
