/**
 * The demo documents' files, stored as uploads are (content-addressed under DATA_DIR/documents).
 * One file per kind and masked name, shared by hash across the applications that show it: fifteen
 * thousand distinct scans would cost the seed ~250 MB and several seconds, about a thousand cost a
 * few megabytes and a fraction of one.
 */
import { storeFile } from '../../../server/resources/documents/storage';
import type { Doc } from '../model';
import { scanFile } from './render';
import { maskName } from './text';

export function writeScans(dataDir: string, docs: Doc[]): { files: number } {
  const stored = new Map<string, { sha256: string; size: number }>();
  for (const d of docs) {
    const masked = maskName(d.app.worker.name);
    const key = `${d.kind}:${d.mimeType}:${masked}`;
    let file = stored.get(key);
    if (!file) {
      const bytes = scanFile(d.kind, d.mimeType, masked, null);
      file = { sha256: storeFile(dataDir, bytes), size: bytes.length };
      stored.set(key, file);
    }
    d.sha256 = file.sha256;
    d.size = file.size;
  }
  return { files: stored.size };
}
