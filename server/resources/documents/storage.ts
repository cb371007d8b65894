import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { badRequest } from '../../lib/errors';

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

/** PDF names that run something or carry something (ISO 32000-1 §12.6 actions, §7.11.4 embedded files). */
const ACTIVE_PDF_NAMES = new Set([
  'JavaScript',
  'JS',
  'Launch',
  'AA',
  'EmbeddedFile',
  'EmbeddedFiles',
  'RichMedia',
  'XFA',
  'SubmitForm',
  'ImportData',
  'GoToE',
  'GoToR',
  'Sound',
  'Movie',
]);
/** What a PDF's compressed streams may unpack to in all, while they are searched. */
const MAX_PDF_INFLATE = 32 << 20;

/** A PDF name as the reader sees it: `#xx` escapes decoded (`/J#61vaScript` is `/JavaScript`). */
const decodeName = (raw: string) =>
  raw.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

function pdfProblem(text: string, bytes: Buffer): string | null {
  const texts = [text];
  // Objects may sit in compressed object streams: every Flate stream is searched too, unpacked
  // under a total cap (a bomb inside a PDF is refused like any other).
  let budget = MAX_PDF_INFLATE;
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dict = text.slice(Math.max(0, m.index - 400), m.index);
    if (!/\/(FlateDecode|Fl)\b/.test(dict.slice(dict.lastIndexOf('<<')))) continue;
    try {
      const out = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget });
      budget -= out.length;
      texts.push(out.toString('latin1'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'PDF 内容过于庞大';
      // Not a Flate stream after all, or a damaged one: an image's bytes, nothing to read in it.
    }
  }
  for (const t of texts) {
    for (const m of t.matchAll(/\/([^\s/<>[\]()%{}]+)/g)) {
      const name = decodeName(m[1]);
      if (ACTIVE_PDF_NAMES.has(name)) return 'PDF 中含有脚本、启动动作、附件或表单提交';
      // An open action that is a destination (`[page /Fit]`) only turns a page; any other is an action.
      if (name === 'OpenAction' && !/^\s*\[/.test(t.slice(m.index + m[0].length, m.index + m[0].length + 40)))
        return 'PDF 打开时会执行动作';
    }
  }
  return null;
}

/**
 * Beyond the first bytes: a scan that is also something else — a polyglot — is refused. Markup or
 * script (a browser could be talked into rendering it), an executable stub, a ZIP archive appended
 * behind the file (JAR/ZIP polyglots: unzip tools read from the end), and PDFs that carry script,
 * actions, attachments or form submission, in any name spelling and inside compressed streams.
 * Served files also go out with their sniffed type, `nosniff` and a sandboxing CSP, so what is
 * left cannot run.
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
  if (mime === 'application/pdf') return pdfProblem(text, bytes);
  return null;
}

/** Where a JPEG's image ends: after its EOI marker, found by walking its segments (JPEG, ITU-T T.81 §B.1). */
function jpegEnd(b: Uint8Array): number | null {
  let p = 2;
  while (p + 2 <= b.length) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1];
    if (marker === 0xff) {
      p++; // fill byte
      continue;
    }
    if (marker === 0xd9) return p + 2;
    if (marker >= 0xd0 && marker <= 0xd7) {
      p += 2;
      continue;
    }
    if (p + 4 > b.length) return null;
    const len = (b[p + 2] << 8) | b[p + 3];
    p += 2 + len;
    if (marker === 0xda) {
      // Entropy-coded data: runs to the next marker that is neither stuffing (FF00) nor a restart.
      while (p + 1 < b.length && !(b[p] === 0xff && b[p + 1] !== 0 && (b[p + 1] < 0xd0 || b[p + 1] > 0xd7)))
        p++;
    }
  }
  return null;
}

/** Where a PNG ends: after its IEND chunk (PNG, ISO/IEC 15948 §5.3). */
function pngEnd(b: Uint8Array): number | null {
  const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let p = 8;
  while (p + 12 <= b.length) {
    const len = view.readUInt32BE(p);
    const type = view.toString('latin1', p + 4, p + 8);
    p += 12 + len;
    if (type === 'IEND') return p <= b.length ? p : null;
  }
  return null;
}

const EXTENSION = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' } as const;

/**
 * An upload as it is kept (OWASP ASVS 5.0 V5.2): its type from its bytes, an image cut at its end
 * marker (whatever follows — an HTML page, a ZIP, a phone's motion clip — is not the scan), the
 * content checked, and a name whose extension is the detected type's (`x.html` holding a JPEG is
 * kept as `x.html.jpg`). Throws the refusal.
 */
export function inspectUpload(
  raw: Uint8Array,
  name: string,
): { bytes: Uint8Array; mimeType: keyof typeof EXTENSION; fileName: string } {
  const mimeType = sniffMime(raw);
  if (!mimeType) throw badRequest('只接受 PDF、JPEG 或 PNG 文件', { file: '只接受 PDF、JPEG 或 PNG 文件' });
  let bytes = raw;
  if (mimeType !== 'application/pdf') {
    const end = mimeType === 'image/jpeg' ? jpegEnd(raw) : pngEnd(raw);
    if (end === null) throw badRequest('图片文件已损坏', { file: '图片文件已损坏' });
    bytes = raw.subarray(0, end);
  }
  const refused = fileNameProblem(name) ?? contentProblem(bytes, mimeType);
  if (refused) throw badRequest(refused, { file: refused });
  const clean = cleanFileName(name);
  const ext = EXTENSION[mimeType];
  const fileName = new RegExp(`\\.${ext === 'jpg' ? '(jpe?g)' : ext}$`, 'i').test(clean)
    ? clean
    : `${clean}.${ext}`;
  return { bytes, mimeType, fileName };
}

/**
 * How a stored document is served: its type as detected at upload, never sniffed again, and a CSP
 * that sandboxes it (no script, no same-origin rights, no forms) should a browser still render it
 * as a page. Shown inside the panel only (frame-ancestors).
 */
export function documentHeaders(doc: { mimeType: string; fileName: string }): Record<string, string> {
  return {
    'Content-Type': doc.mimeType,
    'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy':
      "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'Cache-Control': 'private, max-age=300',
  };
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
    // Scans are personal data: the server's user alone reads them (server/lib/data-dir.ts).
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, buf, { mode: 0o600 });
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

/** What every preview says when a document's file is missing: the panel's, the portal's, a new tab. */
export const MISSING_FILE = {
  zh: '文件暂时无法打开：服务器上没有这份材料的文件。请联系上传单位重新上传。',
  en: "The file cannot be opened: the server does not hold this document's file. Ask whoever uploaded it to upload it again.",
};

/**
 * A missing file opened by a browser (a new tab, an iframe) reads as a page, not as raw JSON; API
 * callers keep the JSON 404. Same sandboxing headers as a document.
 */
export function missingFilePage(): { body: string; headers: Record<string, string> } {
  const body = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>文件无法打开 · File unavailable</title>
<style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;display:flex;min-height:90vh;align-items:center;justify-content:center;background:#f5f5f5;color:#333}
div{max-width:32em;padding:24px;background:#fff4e5;border:1px solid #ffb74d;border-radius:8px}p{margin:.4em 0}.en{color:#666;font-size:14px}</style>
<div role="alert"><p>${MISSING_FILE.zh}</p><p class="en" lang="en">${MISSING_FILE.en}</p></div></html>`;
  return {
    body,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy':
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
      'Cache-Control': 'no-store',
    },
  };
}
