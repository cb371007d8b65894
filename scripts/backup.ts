/**
 * npm run backup -- FILE [--include-key]
 *
 * An online backup of the instance in DATA_DIR (default ./data) while its server keeps running:
 * SQLite's backup API for the database, the uploaded documents and the audit archive beside it, all
 * in FILE, checked before it is renamed into place. The PII key stays out unless --include-key.
 */
import path from 'node:path';
import { createBackup } from '../server/lib/backup';
import { readEnv } from '../server/env';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('usage: npm run backup -- FILE [--include-key]');
  process.exit(2);
}
const env = readEnv();
try {
  const r = await createBackup({
    dbFile: path.join(env.dataDir, 'app.db'),
    dataDir: env.dataDir,
    out: file,
    includeKey: args.includes('--include-key'),
    envKey: env.PII_KEY,
  });
  console.log(
    JSON.stringify(
      {
        file: r.file,
        bytes: r.bytes,
        ms: r.ms,
        counts: r.meta.counts,
        audit: r.meta.audit,
        files: r.meta.files,
        includesKey: r.meta.includesKey,
      },
      null,
      2,
    ),
  );
  if (r.meta.files.documentsMissing)
    console.error(
      `warning: ${r.meta.files.documentsMissing} document(s) named in the database have no file in ${env.dataDir}/documents`,
    );
} catch (e) {
  console.error(`backup failed: ${(e as Error).message}`);
  process.exit(1);
}
