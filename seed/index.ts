/**
 * Seeds the demo city (or, with --scale, a benchmark-sized province) into a fresh database.
 *
 *   npx tsx seed/index.ts [--db FILE] [--force] [--scale N]
 *
 * --db FILE   database file (default `${DATA_DIR:-./data}/app.db`)
 * --force     delete the file (and its -wal/-shm) first; without it an already seeded database is refused
 * --scale N   instead of the demo city, N applications (up to 1,000,000) of ~N/3 workers over ten years,
 *             for benchmarks (seed/scale.ts); prints the time and the database size
 *
 * The PII key comes from PII_KEY or `${DATA_DIR}/pii.key` (created on first use), the same key the
 * server reads, so the encrypted ID and card numbers stay readable.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDb } from '../db/client';
import { migrateDb } from '../db/migrate';
import { readEnv } from '../server/env';
import { Pii } from '../server/lib/pii';
import { seedDemo, type SeedOptions, type SeedSummary } from './demo';
import { seedScale } from './scale';

interface Args {
  db?: string;
  force: boolean;
  scale?: number;
  options: SeedOptions;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { force: false, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') args.db = argv[++i];
    else if (a.startsWith('--db=')) args.db = a.slice(5);
    else if (a === '--force') args.force = true;
    else if (a === '--scale' || a.startsWith('--scale=')) {
      const v = a === '--scale' ? argv[++i] : a.slice(8);
      const n = Number(String(v ?? '').replace(/[_,]/g, ''));
      if (!Number.isInteger(n) || n < 100 || n > 5_000_000) {
        console.error('--scale needs a number of applications, 100 to 5,000,000');
        process.exit(2);
      }
      args.scale = n;
    } else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx seed/index.ts [--db FILE] [--force] [--scale N]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (args.db === undefined && argv.includes('--db')) {
    console.error('--db needs a file name');
    process.exit(2);
  }
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const env = readEnv();
  const file = path.resolve(args.db ?? path.join(env.dataDir, 'app.db'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (args.force) for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });

  const started = performance.now();
  const db = openDb(file);
  try {
    migrateDb(db);
    const { n } = db.$client.prepare('select count(*) n from organizations').get() as { n: number };
    if (n > 0) {
      console.error(`${file} already holds ${n} organisations; use --force to delete it and seed again.`);
      process.exitCode = 1;
      return;
    }
    const pii = Pii.fromKeyFile(env.dataDir, env.PII_KEY);
    const summary: SeedSummary = args.scale
      ? seedScale(db, pii, new Date(), {
          applications: args.scale,
          seed: args.options.seed,
          progress: (m) => console.log(`  … ${m}`),
        })
      : seedDemo(db, pii, new Date(), { ...args.options, dataDir: env.dataDir });
    const ms = Math.round(performance.now() - started);

    const size =
      fs.statSync(file).size + (fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0);
    console.log(`Seeded ${file} in ${(ms / 1000).toFixed(1)} s (${(size / 1024 / 1024).toFixed(0)} MB)`);
    console.log('\nRounds:');
    for (const r of summary.rounds)
      console.log(`  #${r.id} ${r.name} (${r.intakeTerm}) ${r.opensOn} – ${r.closesOn}`);
    console.log('\nRows:');
    for (const [t, c] of Object.entries(summary.counts))
      console.log(`  ${t.padEnd(20)} ${c.toLocaleString('en-US').padStart(10)}`);
    console.log('\nApplications by status:');
    for (const [s, c] of Object.entries(summary.applicationsByStatus))
      console.log(`  ${s.padEnd(20)} ${c.toLocaleString('en-US').padStart(10)}`);
    console.log(`\nDemo accounts (password ${summary.password}):`);
    for (const a of summary.accounts)
      console.log(`  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.displayName}`);
  } finally {
    db.$client.close();
  }
}

main();
