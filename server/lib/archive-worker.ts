import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../db/client';
import { archiveAudit } from './archive';

/**
 * The audit archive job off the request thread: its own connection (WAL lets it read while the
 * server writes), its own event loop for the hashing and the file writes. A history of millions of
 * rows takes a while the first time; the server answers meanwhile.
 */
const { dbFile, dataDir, retentionDays } = workerData as {
  dbFile: string;
  dataDir: string;
  retentionDays: number;
};
const db = openDb(dbFile);
try {
  const r = archiveAudit(db, dataDir, new Date(), retentionDays);
  parentPort!.postMessage({
    ok: true,
    rows: r.rows,
    segments: r.segments.length,
    archivedThroughId: r.archivedThroughId,
  });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
} finally {
  db.$client.close();
}
