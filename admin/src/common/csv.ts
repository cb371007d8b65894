import { fenToYuan } from './money';

type Row = Record<string, unknown>;

/** Spreadsheet formula injection: a cell must not start like a formula. */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const cell = (value: unknown, key: string): string => {
  if (value === null || value === undefined) return '';
  let s =
    key.endsWith('Fen') && typeof value === 'number'
      ? fenToYuan(value)
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (!key.endsWith('Fen')) s = defuse(s);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * CSV that Excel opens with Chinese intact: UTF-8 with a BOM, CRLF lines. Headers are the given
 * labels; amounts are in yuan.
 */
export function toCsv(rows: Row[], columns: { key: string; label: string }[]): string {
  const lines = [columns.map((c) => cell(c.label, '')).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c.key], c.key)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export const columnsOf = (rows: Row[]): string[] => [...new Set(rows.flatMap((r) => Object.keys(r)))];
