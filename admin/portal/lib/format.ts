/** Display formatting (money is integer fen everywhere else, R1). */
import type { Lang } from '../i18n';

export function yuan(fen: number, lang: Lang): string {
  const v = fen / 100;
  const s = v.toLocaleString('en-US', {
    minimumFractionDigits: Number.isInteger(v) ? 0 : 2,
    maximumFractionDigits: 2,
  });
  return lang === 'en' ? `CNY ${s}` : `${s} 元`;
}

/** The calendar day in Kunming (UTC+8): what a round's window dates mean (server/domain/eligibility.ts). */
export const chinaToday = (now = new Date()) =>
  new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when past. */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** An ISO timestamp as a Kunming date and time: 2026-11-29 13:05. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

export const dateOnly = (iso: string | null | undefined) => (iso ? dateTime(iso).slice(0, 10) : '');

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
