/**
 * npm run audit:archive -- [--verify]
 *
 * Copies the audit rows older than AUDIT_RETENTION_DAYS (180) of DATA_DIR's database into verified
 * segment files in DATA_DIR/audit-archive (the server does the same at start and daily), then checks
 * every segment against its digest, its neighbours and the database. --verify only checks.
 */
import path from 'node:path';
import { openDb } from '../db/client';
import { archiveAudit, verifyArchive } from '../server/lib/archive';
import { readEnv } from '../server/env';

const env = readEnv();
const db = openDb(path.join(env.dataDir, 'app.db'));
try {
  if (!process.argv.includes('--verify')) {
    const run = archiveAudit(db, env.dataDir, new Date(), env.AUDIT_RETENTION_DAYS);
    console.log(
      JSON.stringify({
        archivedRows: run.rows,
        newSegments: run.segments.map((s) => s.file),
        archivedThroughId: run.archivedThroughId,
      }),
    );
  }
  const check = verifyArchive(db, env.dataDir);
  console.log(JSON.stringify(check, null, 2));
  process.exitCode = check.ok ? 0 : 1;
} finally {
  db.$client.close();
}
