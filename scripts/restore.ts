/**
 * npm run restore -- FILE [--check]
 *
 * Restores FILE (made by `npm run backup`) into the instance in DATA_DIR, which must be stopped: the
 * backup is checked first (integrity, foreign keys, audit chain, digests of every file, the schema
 * version, the PII key); the database it replaces is moved aside, never deleted. --check only checks.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { inspectBackup, restoreBackup } from '../server/lib/backup';
import { readEnv } from '../server/env';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run restore -- FILE [--check]');
  process.exit(2);
}
const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'migrations');
const knownMigrations = readMigrationFiles({ migrationsFolder }).map((m) => m.hash);
const env = readEnv();
if (args.includes('--check')) {
  const r = inspectBackup(file, knownMigrations);
  console.log(
    JSON.stringify(
      { ok: r.ok, problems: r.problems, createdAt: r.meta?.createdAt, counts: r.meta?.counts },
      null,
      2,
    ),
  );
  process.exit(r.ok ? 0 : 1);
}
try {
  const r = restoreBackup({ file, dataDir: env.dataDir, envKey: env.PII_KEY, knownMigrations });
  console.log(
    JSON.stringify(
      {
        restored: file,
        into: env.dataDir,
        createdAt: r.meta.createdAt,
        counts: r.meta.counts,
        filesWritten: r.filesWritten,
        movedAside: r.movedAside,
        ms: r.ms,
      },
      null,
      2,
    ),
  );
} catch (e) {
  console.error(`restore refused: ${(e as Error).message}`);
  process.exit(1);
}
