import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../../db/client';
import { bindAuditKey } from '../../lib/audit';
import { checkIntegrity } from './service';

/** `checkIntegrity` on its own connection, off the request thread (server/lib/off-thread.ts). */
const { dbFile, now, auditKey } = workerData as { dbFile: string; now: string; auditKey?: string };
const db = openDb(dbFile);
if (auditKey) bindAuditKey(db, Buffer.from(auditKey, 'hex'));
try {
  // One read transaction: every check sees the same moment while the server goes on writing.
  parentPort!.postMessage({
    ok: true,
    result: db.$client.transaction(() => checkIntegrity(db, new Date(now))).deferred(),
  });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
} finally {
  db.$client.close();
}
