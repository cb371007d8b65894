import { toCsv } from './csv';

/** One column of an export: a header, and the cell of a row (a key ending in `Fen` is money). */
export interface ExportColumn<T = Record<string, unknown>> {
  key: string;
  label: string;
  value?: (row: T) => unknown;
}

export type ExportFormat = 'xlsx' | 'csv';

/** Rows reduced to the exported cells, keyed by column (the same shape for CSV and xlsx). */
export function exportCells<T>(rows: T[], columns: ExportColumn<T>[]): Record<string, unknown>[] {
  return rows.map((row) =>
    Object.fromEntries(
      columns.map((c) => [c.key, c.value ? c.value(row) : (row as Record<string, unknown>)[c.key]]),
    ),
  );
}

export const isMoneyKey = (key: string) => key.endsWith('Fen');
/** Rates and shares in percent (33.3 = 33.3 %): written to Excel as fractions formatted 0.0%. */
export const isRateKey = (key: string) =>
  key.endsWith('Rate') || ['quotaUse', 'share', 'ofPrevious', 'ofSubmitted'].includes(key);

/** Excel refuses sheet names with []:*?/\ and longer than 31 characters. */
export const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';

/** A file name safe on Windows, with the day: 申请-2019-11-11.xlsx */
export const exportFileName = (name: string, day: string, format: ExportFormat) =>
  `${name.replace(/[\\/:*?"<>|]/g, '_')}-${day}.${format}`;

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV with BOM (Excel reads Chinese), or .xlsx built by exceljs, loaded only when asked for. */
export async function writeExport<T>(
  format: ExportFormat,
  rows: T[],
  columns: ExportColumn<T>[],
  name: string,
  day: string,
) {
  const cells = exportCells(rows, columns);
  const headers = columns.map((c) => ({ key: c.key, label: c.label }));
  const fileName = exportFileName(name, day, format);
  if (format === 'csv') {
    downloadBlob(new Blob([toCsv(cells, headers)], { type: 'text/csv;charset=utf-8' }), fileName);
    return;
  }
  const { xlsxBlob } = await import('./xlsx');
  downloadBlob(await xlsxBlob(cells, headers, sheetName(name)), fileName);
}
