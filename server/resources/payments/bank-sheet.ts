import ExcelJS from 'exceljs';
import { parseYuan } from '../../domain/money';
import { badRequest } from '../../lib/errors';
import { checkZip, inflateChecked, type ZipLimits } from '../../lib/zip-guard';

/**
 * The bank's result sheet, parsed: plain functions for the worker thread that reads it
 * (sheet-worker.ts), nothing of the database or the server.
 */
/** Limits of a bank's result sheet: a few thousand rows pack into well under a megabyte. */
export const SHEET_LIMITS: ZipLimits = {
  maxEntries: 100,
  maxEntryBytes: 8 << 20,
  maxTotalBytes: 16 << 20,
  maxRatio: 200,
};

export type SheetResult =
  | { rows: ResultRow[]; errors: Record<string, string> }
  | { refused: { status: number; message: string; errors?: Record<string, string> } };

export interface ResultRow {
  row: number;
  id: number;
  amountFen: number;
  result: 'paid' | 'failed';
  reference: string;
  reason: string;
}

const PAID = ['成功', '已发放', 'paid', 'success', 'ok'];
const FAILED = ['失败', '发放失败', 'failed', 'fail'];

const cellText = (v: ExcelJS.CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return String(v.result ?? '');
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
  }
  return String(v).trim();
};

/** Read the bank's answer: rows with a result; a row without one was not processed and is left pending. */
export async function parseResultSheet(
  bytes: Uint8Array,
  limits: ZipLimits,
): Promise<{ rows: ResultRow[]; errors: Record<string, string> }> {
  inflateChecked(bytes, checkZip(bytes, limits));
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw badRequest('无法读取该文件，请上传银行返回的 .xlsx 回盘文件', { file: '不是有效的 .xlsx 文件' });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw badRequest('回盘文件没有工作表', { file: '没有工作表' });
  const col: Record<string, number> = {};
  ws.getRow(1).eachCell((cell, n) => {
    col[cellText(cell.value)] = n;
  });
  for (const h of ['付款编号', '金额（元）', '发放结果'])
    if (!col[h]) throw badRequest(`回盘文件缺少「${h}」列`, { file: `缺少「${h}」列` });
  const rows: ResultRow[] = [];
  const errors: Record<string, string> = {};
  ws.eachRow((r, n) => {
    if (n === 1) return;
    const get = (h: string) => (col[h] ? cellText(r.getCell(col[h]).value) : '');
    const idText = get('付款编号');
    if (!/^\d+$/.test(idText)) return; // the total line, notes
    const resultText = get('发放结果').toLowerCase();
    if (!resultText) return;
    const result = PAID.includes(resultText) ? 'paid' : FAILED.includes(resultText) ? 'failed' : null;
    const amountFen = parseYuan(r.getCell(col['金额（元）']).value ?? '');
    const reference = get('银行流水号');
    if (!result) errors[`row ${n}`] = `第 ${n} 行：发放结果应为「成功」或「失败」`;
    else if (amountFen === null) errors[`row ${n}`] = `第 ${n} 行：金额无效`;
    else if (result === 'paid' && !reference) errors[`row ${n}`] = `第 ${n} 行：发放成功须有银行流水号`;
    else
      rows.push({
        row: n,
        id: Number(idText),
        amountFen,
        result,
        reference,
        reason: get('失败原因') || '银行退票',
      });
  });
  return { rows, errors };
}
