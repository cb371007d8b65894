import ExcelJS from 'exceljs';
import { isMoneyKey, isRateKey } from './exportTable';

/** Spreadsheet formula injection: text must not start like a formula (as in csv.ts). */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

export interface SheetSpec {
  name: string;
  headers: { key: string; label: string }[];
  cells: Record<string, unknown>[];
}

function addSheet(wb: ExcelJS.Workbook, { name, headers, cells }: SheetSpec) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = headers.map((h) => ({
    key: h.key,
    header: h.label,
    width: Math.max(10, Math.min(40, h.label.length * 2 + 4)),
    style: isMoneyKey(h.key) ? { numFmt: '#,##0.00' } : isRateKey(h.key) ? { numFmt: '0.0%' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of cells) {
    ws.addRow(
      Object.fromEntries(
        headers.map(({ key }) => {
          const v = row[key];
          if (v === null || v === undefined) return [key, null];
          if (isMoneyKey(key) && typeof v === 'number') return [key, v / 100];
          if (isRateKey(key) && typeof v === 'number') return [key, v / 100];
          if (typeof v === 'number' || typeof v === 'boolean') return [key, v];
          return [key, defuse(typeof v === 'object' ? JSON.stringify(v) : String(v))];
        }),
      ),
    );
  }
}

/**
 * An .xlsx of one or more sheets: bold frozen header row; amounts (fen) as yuan numbers formatted
 * 1,500.00 so they sum in Excel; rates as fractions formatted 0.0%; everything else as text or plain numbers.
 */
export async function xlsxWorkbookBlob(sheets: SheetSpec[]): Promise<Blob> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '昆明市总工会学历提升资助系统';
  for (const s of sheets) addSheet(wb, s);
  const buffer = await wb.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

export const xlsxBlob = (
  cells: Record<string, unknown>[],
  headers: { key: string; label: string }[],
  sheet: string,
) => xlsxWorkbookBlob([{ name: sheet, headers, cells }]);
