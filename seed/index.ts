/**
 * Seeds the demo city into a fresh database.
 *
 *   npx tsx seed/index.ts [--db FILE] [--force]
 *
 * --db FILE   database file (default `${DATA_DIR:-./data}/app.db`)
 * --force     delete the file (and its -wal/-shm) first; without it an already seeded database is refused
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
import { seedDemo, type SeedOptions } from './demo';

interface Args { db?: string; force: boolean; options: SeedOptions }

function parseArgs(argv: string[]): Args {
  const args: Args = { force: false, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--db') args.db = argv[++i];
    else if (a.startsWith('--db=')) args.db = a.slice(5);
    else if (a === '--force') args.force = true;
    // --scale N goes here: parse it into args.options (see DEMO_SIZE and SeedOptions in seed/demo.ts).
    else if (a === '--help' || a === '-h') {
      console.log('usage: npx tsx seed/index.ts [--db FILE] [--force]');
      process.exit(0);
    } else {
      console.error(`unknown argument: ${a}`);
      process.exit(2);
    }
  }
  if (args.db === undefined && argv.includes('--db')) { console.error('--db needs a file name'); process.exit(2); }
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
    const summary = seedDemo(db, pii, new Date(), args.options);
    const ms = Math.round(performance.now() - started);

    console.log(`Seeded ${file} in ${(ms / 1000).toFixed(1)} s`);
    console.log('\nRounds:');
    for (const r of summary.rounds) console.log(`  #${r.id} ${r.name} (${r.intakeTerm}) ${r.opensOn} – ${r.closesOn}`);
    console.log('\nRows:');
    for (const [t, c] of Object.entries(summary.counts)) console.log(`  ${t.padEnd(20)} ${String(c).padStart(6)}`);
    console.log('\nApplications by status:');
    for (const [s, c] of Object.entries(summary.applicationsByStatus)) console.log(`  ${s.padEnd(20)} ${String(c).padStart(6)}`);
    console.log(`\nDemo accounts (password ${summary.password}):`);
    for (const a of summary.accounts) console.log(`  ${a.username.padEnd(14)} ${a.role.padEnd(12)} ${a.displayName}`);
  } finally {
    db.$client.close();
  }
}

main();
