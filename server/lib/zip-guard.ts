import { inflateRawSync } from 'node:zlib';
import { ApiError, badRequest } from './errors';

/**
 * Zip archives (an .xlsx is one) are measured before anything unpacks them (OWASP ASVS 5.0 V5.2.3,
 * "compressed files are checked against maximum uncompressed size and maximum number of files"):
 * the central directory at the end of the file lists every entry with its sizes, read here in a
 * few microseconds. Declared sizes can lie, so `inflateChecked` also unpacks each entry with its
 * output capped at what was declared. A bomb is refused before it costs memory or time.
 */
export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Unpacked bytes of one entry, and of all of them together. */
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Unpacked ÷ packed, for entries above 1 MB unpacked (XML packs 10–30×; a bomb 1000×). */
  maxRatio: number;
}

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50,
  CENTRAL = 0x02014b50,
  LOCAL = 0x04034b50;

const tooLarge = (detail: string) =>
  new ApiError(413, `压缩文件解压后过大：${detail}`, { file: '文件解压后过大或条目过多' });

/** The entries of a zip's central directory, refused on the first limit crossed. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = () => badRequest('不是有效的 .xlsx 文件', { file: '不是有效的 .xlsx 文件' });
  let end = -1;
  for (let p = buf.length - 22; p >= Math.max(0, buf.length - 22 - 0xffff); p--) {
    if (buf.readUInt32LE(p) === EOCD && p + 22 + buf.readUInt16LE(p + 20) === buf.length) {
      end = p;
      break;
    }
  }
  if (end < 0) throw notZip();
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  // ZIP64 markers: no spreadsheet a bank returns needs 65,535 entries or 4 GB.
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    throw new ApiError(422, '不支持 ZIP64 格式的文件', { file: '不支持的压缩格式' });
  if (count > limits.maxEntries) throw tooLarge(`${count} 个条目，最多 ${limits.maxEntries} 个`);
  if (cdOffset + cdSize > end) throw notZip();
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0, p = cdOffset; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || buf.readUInt32LE(p) !== CENTRAL) throw notZip();
    const e: ZipEntry = {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + buf.readUInt16LE(p + 28)),
    };
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (e.method !== 0 && e.method !== 8)
      throw new ApiError(422, '文件使用了不支持的压缩方式', { file: '不支持的压缩格式' });
    if (e.localOffset + 30 + e.compressedSize > cdOffset) throw notZip();
    if (e.size > limits.maxEntryBytes)
      throw tooLarge(`条目 ${e.name} 解压后 ${e.size} 字节，最多 ${limits.maxEntryBytes}`);
    if (e.size > 1 << 20 && e.size > limits.maxRatio * Math.max(1, e.compressedSize))
      throw tooLarge(`条目 ${e.name} 压缩比过高`);
    total += e.size;
    if (total > limits.maxTotalBytes) throw tooLarge(`合计超过 ${limits.maxTotalBytes} 字节`);
    entries.push(e);
  }
  return entries;
}

/** Unpacks every entry with its output capped at its declared size: an entry that lies is refused. */
export function inflateChecked(bytes: Uint8Array, entries: ZipEntry[]): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const e of entries) {
    const p = e.localOffset;
    if (buf.readUInt32LE(p) !== LOCAL) throw badRequest('不是有效的 .xlsx 文件', { file: '文件已损坏' });
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const packed = buf.subarray(start, start + e.compressedSize);
    if (e.method === 0) {
      if (packed.length !== e.size) throw tooLarge(`条目 ${e.name} 的大小与目录不符`);
      continue;
    }
    let out: Buffer;
    try {
      out = inflateRawSync(packed, { maxOutputLength: Math.max(1, e.size) });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw tooLarge(`条目 ${e.name} 实际解压后超过目录所记的 ${e.size} 字节`);
      throw badRequest('不是有效的 .xlsx 文件', { file: '文件已损坏' });
    }
    if (out.length !== e.size) throw badRequest('不是有效的 .xlsx 文件', { file: '文件已损坏' });
  }
}
