/** Display formatting (money is integer fen everywhere else, R1). */

export { portalMoney as yuan } from '../../../server/domain/glossary';

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

export { fileSize } from '../../../server/domain/glossary';
