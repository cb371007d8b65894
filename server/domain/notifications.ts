/**
 * What to tell people, and when an SMS may go: plain functions over codes, dates and texts (no SQL,
 * no clock — `now` is passed in). The outbox, the dispatcher and the digest call them.
 */
import type { Status } from './lifecycle';

export type Params = Record<string, string | number>;

/**
 * The message a status move tells the worker, by the move's audited action and its new status; null
 * for moves the worker made or hears of otherwise (a withdrawal, an appeal's reopening, a payout —
 * the payment's own message says it).
 */
export function statusTemplate(action: string, to: Status): string | null {
  if (action === 'verify-graduation') return 'graduation.verified';
  if (action === 'graduate') return 'graduation.reported';
  if (action === 'displace') return 'status.waitlisted';
  if (['withdraw', 'reopen', 'payout'].includes(action)) return null;
  if (to === 'draft' || to === 'withdrawn') return null;
  return `status.${to}`;
}

/** Hours of the day (China time) from which and until which non-urgent SMS wait. */
export interface QuietHours {
  from: number;
  to: number;
}
export const QUIET_HOURS: QuietHours = { from: 21, to: 8 };

/** `21-8` (the default), `22-7`, or `off`: the SMS_QUIET_HOURS setting; null means no quiet hours. */
export function parseQuietHours(value: string | undefined): QuietHours | null {
  if (value === undefined) return QUIET_HOURS;
  if (value === 'off') return null;
  const m = /^(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 23) throw new Error('SMS_QUIET_HOURS: like 21-8, or off');
  return { from: Number(m[1]), to: Number(m[2]) };
}

/** Quiet hours, by default 21:00–08:00 China time (UTC+8, no daylight saving): non-urgent SMS wait for the morning. */
export function inQuietHours(now: Date, q: QuietHours | null = QUIET_HOURS): boolean {
  if (!q) return false;
  const h = (now.getUTCHours() + 8) % 24;
  return q.from > q.to ? h >= q.from || h < q.to : h >= q.from && h < q.to;
}

/** Exponential backoff after the `tries`-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function retryDelayMs(tries: number, baseMs = 60_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, tries - 1), 6 * 3600_000);
}

/**
 * Long digit runs are ID numbers (18, the last maybe X) or card numbers (16–19): never in a message,
 * whatever a free-text reason carries. An 11-digit phone and amounts pass.
 */
export function redactNumbers(text: string): string {
  return text.replace(/\d{12,}[\dXx]?/g, (m) => `${m.slice(0, 3)}****${m.slice(-2)}`);
}

/** A template's `{name}` slots filled from params; an unknown slot stays visible, never an error. */
export function render(template: string, params: Params): string {
  return redactNumbers(
    template.replace(/\{(\w+)\}/g, (slot, name: string) =>
      Object.hasOwn(params, name) ? String(params[name]) : slot,
    ),
  );
}

/** The slots a template uses: a preview asks for them, an edit may not drop or invent one. */
export function slotsOf(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

/** R6's lapse warnings: 90 and 30 days before the graduation deadline (China dates, `YYYY-MM-DD`). */
export function lapseWarning(deadline: string, today: string): 90 | 30 | null {
  const days = Math.round((Date.parse(deadline) - Date.parse(today)) / 86_400_000);
  if (days < 0) return null;
  if (days <= 30) return 30;
  if (days <= 90) return 90;
  return null;
}

/** The digest goes out once a China day, from 08:00 China time on. */
export const digestDue = (now: Date): boolean => !inQuietHours(now);
