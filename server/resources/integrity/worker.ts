import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../../db/client';
import { checkIntegrity } from './service';

/** `checkIntegrity` on its own connection, off the request thread (server/lib/off-thread.ts). */
const { dbFile } = workerData as { dbFile: string };
const db = openDb(dbFile);
try {
  // One read transaction: every check sees the same moment while the server goes on writing.
  parentPort!.postMessage({ ok: true, result: db.$client.transaction(() => checkIntegrity(db)).deferred() });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
} finally {
  db.$client.close();
}
