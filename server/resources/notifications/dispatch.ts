import { createHmac } from 'node:crypto';
import type { Db } from '../../../db/client';
import {
  inQuietHours,
  QUIET_HOURS,
  redactNumbers,
  retryDelayMs,
  type Params,
  type QuietHours,
} from '../../domain/notifications';
import { chinaDate } from '../../domain/eligibility';
import type { Clock } from '../../lib/context';
import { textOf } from './service';

export interface Gateway {
  /** SMS_WEBHOOK_URL: the SMS provider's webhook (or a relay in front of it). */
  url: string;
  /** SMS_WEBHOOK_SECRET: the key of the body's HMAC-SHA256 in `X-Signature`. */
  secret: string;
  /** One attempt's limit; a gateway that does not answer in time counts as a failure. */
  timeoutMs?: number;
  /** Attempts before a message is dead-lettered (shown to the city admin, who may retry it). */
  maxTries?: number;
  /** The first retry's delay; each next one doubles (retryDelayMs). */
  baseDelayMs?: number;
  /** SMS_QUIET_HOURS: when non-urgent messages wait (China time); null for none. Default 21:00–08:00. */
  quietHours?: QuietHours | null;
  /** Messages per round. */
  batch?: number;
  /** A message older than this is not sent any more (the gateway was off for days): skipped. */
  maxAgeMs?: number;
}

export interface SmsBody {
  to: string;
  template: string;
  params: Params;
  text: string;
  id: string;
}

interface Due {
  id: number;
  template: string;
  params: string;
  tries: number;
  createdAt: string;
  urgent: number | null;
  optOut: number | null;
  workerPhone: string | null;
  staffPhone: string | null;
}

/** The gateway checks the body against `X-Signature: sha256=<hex>` with the shared secret. */
export const signature = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** Parameters as sent: every text redacted of ID and card numbers, like the text itself. */
const safeParams = (p: Params): Params =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? redactNumbers(v) : v]));

/** The next 08:00 China time (00:00 UTC) after `now`: when a quiet-hours message may go. */
function morningAfter(now: Date): string {
  const d = new Date(`${chinaDate(now)}T00:00:00Z`);
  if (d.getTime() <= now.getTime()) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString();
}

export interface Round {
  sent: number;
  failed: number;
  dead: number;
  skipped: number;
  deferred: number;
}

/**
 * One round of the SMS outbox: the due pending messages, oldest first, one POST each. A message is
 * marked sent only after the gateway's 2xx, in its own transaction: a crash between the two sends it
 * again with the same `id` (at-least-once; the gateway deduplicates by id). A failure or a timeout is
 * retried with exponential backoff, and after `maxTries` the message is dead-lettered.
 */
export async function dispatchRound(
  db: Db,
  clock: Clock,
  gw: Gateway,
  stopping: () => boolean = () => false,
): Promise<Round> {
  const maxTries = gw.maxTries ?? 6;
  const out: Round = { sent: 0, failed: 0, dead: 0, skipped: 0, deferred: 0 };
  const now = clock();
  const due = db.$client
    .prepare(
      `select n.id, n.template, n.params, n.sms_tries tries, n.created_at createdAt, t.urgent,
         s.sms_opt_out optOut, w.phone workerPhone, s.phone staffPhone
       from notifications n join users u on u.id = n.user_id
       left join workers w on w.id = u.worker_id
       left join notification_settings s on s.user_id = n.user_id
       left join notification_templates t on t.code = n.template
       where n.sms_state = 'pending' and n.sms_next_at <= ? order by n.sms_next_at, n.id limit ?`,
    )
    .all(now.toISOString(), gw.batch ?? 50) as Due[];
  const set = (id: number, fields: string, ...values: unknown[]) =>
    db.$client
      .prepare(`update notifications set ${fields} where id = ? and sms_state = 'pending'`)
      .run(...values, id);

  for (const m of due) {
    if (stopping()) break;
    const phone = m.workerPhone ?? m.staffPhone;
    const skip = m.optOut
      ? 'opted out'
      : !phone
        ? 'no phone'
        : now.getTime() - Date.parse(m.createdAt) > (gw.maxAgeMs ?? 3 * 86_400_000)
          ? 'stale'
          : null;
    if (skip) {
      set(m.id, `sms_state = 'skipped', sms_error = ?`, skip);
      out.skipped++;
      continue;
    }
    if (!m.urgent && inQuietHours(clock(), gw.quietHours === undefined ? QUIET_HOURS : gw.quietHours)) {
      set(m.id, 'sms_next_at = ?', morningAfter(clock()));
      out.deferred++;
      continue;
    }
    const params = safeParams(JSON.parse(m.params) as Params);
    const body = JSON.stringify({
      to: phone!,
      template: m.template,
      params,
      text: textOf(db, m.template, params).zh,
      id: String(m.id),
    } satisfies SmsBody);
    let error: string | null = null;
    try {
      const res = await fetch(gw.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'X-Signature': signature(gw.secret, body),
          'Idempotency-Key': String(m.id),
        },
        body,
        signal: AbortSignal.timeout(gw.timeoutMs ?? 5_000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (e) {
      error = (e as Error).name === 'TimeoutError' ? 'timeout' : (e as Error).message.slice(0, 200);
    }
    const at = clock();
    const tries = m.tries + 1;
    if (!error) {
      set(
        m.id,
        `sms_state = 'sent', sms_tries = ?, sms_sent_at = ?, sms_error = null`,
        tries,
        at.toISOString(),
      );
      out.sent++;
    } else if (tries >= maxTries) {
      set(m.id, `sms_state = 'dead', sms_tries = ?, sms_error = ?`, tries, error);
      out.dead++;
    } else {
      const next = new Date(at.getTime() + retryDelayMs(tries, gw.baseDelayMs)).toISOString();
      set(m.id, 'sms_tries = ?, sms_error = ?, sms_next_at = ?', tries, error, next);
      out.failed++;
    }
  }
  return out;
}
