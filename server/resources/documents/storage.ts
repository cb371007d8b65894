import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** R12: PDF, JPEG or PNG, told by their first bytes, never by the name the client gave. */
export function sniffMime(buf: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (buf.length >= 5 && Buffer.from(buf.subarray(0, 5)).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length >= 8 && png.every((b, i) => buf[i] === b)) return 'image/png';
  return null;
}

/** Content-addressed: the same scan uploaded twice is stored once. */
export function storeFile(dataDir: string, buf: Uint8Array): string {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const file = filePath(dataDir, sha256);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, buf);
    fs.renameSync(tmp, file);
  }
  return sha256;
}

export function filePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad digest');
  return path.join(dataDir, 'documents', sha256.slice(0, 2), sha256);
}

/** A display name without paths or control characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  return base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').slice(0, 120) || 'file';
}
