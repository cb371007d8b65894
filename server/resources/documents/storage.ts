import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** R12: PDF, JPEG or PNG, told by their first bytes, never by the name the client gave. */
export function sniffMime(buf: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (buf.length >= 5 && Buffer.from(buf.subarray(0, 5)).toString('latin1') === '%PDF-')
    return 'application/pdf';
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (buf.length >= 8 && png.every((b, i) => buf[i] === b)) return 'image/png';
  return null;
}

/**
 * Beyond the first bytes: a scan that is also something else — a polyglot — is refused.
 * Markup or script (a browser could be talked into rendering it), an executable stub, a ZIP archive
 * appended behind the image (JAR/ZIP polyglots: unzip tools read from the end), and PDFs that carry
 * script, launch actions or attachments. Served files also go out with their sniffed type and
 * `nosniff`, so what is left cannot run.
 */
export function contentProblem(buf: Uint8Array, mime: string): string | null {
  const bytes = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const text = bytes.toString('latin1');
  if (/<\s*(script|html|iframe|svg|object|embed|body)\b|<\?php|javascript:/i.test(text))
    return '文件中含有网页或脚本内容';
  if (
    text.includes('This program cannot be run in DOS mode') ||
    text.includes('\x7fELF\x02\x01\x01') ||
    text.includes('\x7fELF\x01\x01\x01')
  )
    return '文件中夹带了可执行程序';
  // A ZIP's end-of-central-directory record: 22 bytes plus its comment, ending the file.
  for (
    let p = bytes.lastIndexOf('PK\x05\x06', undefined, 'latin1');
    p >= 0 && p >= bytes.length - 65_557;
    p = p > 0 ? bytes.lastIndexOf('PK\x05\x06', p - 1, 'latin1') : -1
  ) {
    if (p + 22 <= bytes.length && p + 22 + bytes.readUInt16LE(p + 20) === bytes.length)
      return '文件中夹带了压缩包';
  }
  if (mime === 'application/pdf' && /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia|XFA)\b/.test(text))
    return 'PDF 中含有脚本、启动动作或附件';
  return null;
}

/** A name as the browser sends it: a base name. Paths, `..` and control characters mean a crafted request. */
export function fileNameProblem(name: string): string | null {
  if (!name || name.length > 255) return '文件名无效';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (/[\\/]/.test(name) || /^\.+$/.test(name) || /[\u0000-\u001f\u007f]/.test(name))
    return '文件名不能含路径或控制字符';
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
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this replaces
  return base.replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_').slice(0, 120) || 'file';
}
