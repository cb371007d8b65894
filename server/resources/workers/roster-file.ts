import ExcelJS from 'exceljs';
import { ROSTER_COLUMNS, ROSTER_MAX_ROWS, type RosterField } from '../../domain/roster';
import { ApiError, badRequest } from '../../lib/errors';
import { checkZip, inflateChecked, type ZipLimits } from '../../lib/zip-guard';

/**
 * A member roster as uploaded — .xlsx, or .csv in UTF-8 (with or without BOM) or GB18030, as Excel in
 * China saves it — read into rows of cells by field. Plain functions for the worker thread
 * (roster-worker.ts): nothing of the database or the server.
 */
export interface RosterSheet {
  /** Each data row: its line or row number in the file, and its cells by field. */
  rows: { row: number; cells: Partial<Record<RosterField, string>> }[];
}

/** 20,000 rows of eight short columns pack into 1–2 MB of sheet XML; a bomb is far beyond. */
export const ROSTER_LIMITS: ZipLimits = {
  maxEntries: 200,
  maxEntryBytes: 48 << 20,
  maxTotalBytes: 64 << 20,
  maxRatio: 100,
};

const malformed = (why: string) => badRequest(`无法读取会员名册：${why}`, { file: why });

const isZip = (b: Uint8Array) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4;

/** UTF-8 with or without BOM; otherwise GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw malformed('不支持 UTF-16 编码，请另存为“CSV UTF-8”或 .xlsx');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 4180: commas, quoted fields with doubled quotes and line breaks inside. Each record with its line. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      out.push({ line: start, cells });
      cells = [];
      field = '';
      start = ++line;
    } else field += ch;
  }
  if (quoted) throw malformed(`第 ${start} 行的引号没有闭合`);
  if (field !== '' || cells.length) {
    cells.push(field);
    out.push({ line: start, cells });
  }
  return out;
}

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return String(v.result ?? '');
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    return '';
  }
  return String(v).trim();
};

async function xlsxRecords(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  inflateChecked(bytes, checkZip(bytes, ROSTER_LIMITS));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw malformed('不是有效的 .xlsx 文件');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw malformed('文件中没有工作表');
  const out: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => {
      cells[col - 1] = cellText(c.value);
    });
    out.push({ line: n, cells: Array.from(cells, (c) => c ?? '') });
  });
  return out;
}

const norm = (h: string) => h.replace(/[\s*＊（）()]/g, '').toLowerCase();

/** The header row names the columns (in any order, with the template's headings or their aliases). */
export function toSheet(records: { line: number; cells: string[] }[]): RosterSheet {
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const head = nonEmpty[0];
  if (!head) throw malformed('文件是空的');
  const col = new Map<RosterField, number>();
  head.cells.forEach((h, i) => {
    const n = norm(h);
    const c = ROSTER_COLUMNS.find((k) => norm(k.header) === n || k.aliases.includes(n));
    if (c && !col.has(c.field)) col.set(c.field, i);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !col.has(c.field)).map((c) => c.header);
  if (missing.length) throw malformed(`缺少「${missing.join('」「')}」列，请使用下载的模板`);
  const data = nonEmpty.slice(1);
  if (data.length > ROSTER_MAX_ROWS)
    throw new ApiError(413, `会员名册最多 ${ROSTER_MAX_ROWS} 行，本文件有 ${data.length} 行`, {
      file: `最多 ${ROSTER_MAX_ROWS} 行`,
    });
  return {
    rows: data.map((r) => ({
      row: r.line,
      cells: Object.fromEntries([...col].map(([f, i]) => [f, (r.cells[i] ?? '').trim()])),
    })),
  };
}

export async function parseRosterFile(bytes: Uint8Array): Promise<RosterSheet> {
  if (isZip(bytes)) return toSheet(await xlsxRecords(bytes));
  if (bytes.includes(0)) throw malformed('不是 .xlsx 或 .csv 文件');
  return toSheet(parseCsv(decodeText(bytes)));
}
