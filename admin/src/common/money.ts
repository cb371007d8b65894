import { panelMoney } from '../../../server/domain/glossary';

/**
 * Money travels as integer fen (分); these are the only places it becomes yuan, and only for
 * display or input. No floating point touches a stored amount.
 */
export function formatFen(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  return panelMoney(fen);
}

/** Input '1500.5' (yuan) → 150050 fen; '' → null; anything else → NaN, caught by validation. */
export function yuanToFen(input: string | number | null | undefined): number | null {
  if (input === null || input === undefined || input === '') return null;
  const text = String(input).trim().replace(/,/g, '');
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!m) return Number.NaN;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

export function fenToYuan(fen: number | null | undefined): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '';
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
