import { Hono } from 'hono';
import { countRows } from '../../lib/ra-list';
import { applications } from '../../../db/schema';
import type { Db } from '../../../db/client';
import type { AppEnv } from '../../lib/context';
import { runJob } from '../../lib/off-thread';
import { describe, json } from '../../lib/openapi';
import { requireAccess } from '../../lib/resource';
import { checkIntegrity } from './service';

/**
 * From this many applications on, the check (seconds over a province's history) runs in a
 * worker thread on its own connection: the server keeps answering meanwhile. Requests that arrive
 * while one runs share its answer. A small database is checked in place (a thread costs ~0.3 s).
 */
export const OFF_THREAD_FROM = Number(process.env.INTEGRITY_OFF_THREAD_FROM ?? 50_000);
let running: Promise<ReturnType<typeof checkIntegrity>> | null = null;

type Checked = ReturnType<typeof checkIntegrity> & { checkedAt: string };
/** The last result per database, with its time: the dashboard shows it instead of checking at every load. */
const last = new WeakMap<object, Checked>();

/**
 * A check in place, kept as the last result: the server runs one shortly after start (and daily) on a
 * database small enough to check in place, so the dashboard has a result to show. Null for a large one.
 */
export function checkInBackground(db: Db, now: Date): Checked | null {
  if (countRows(db, applications, undefined) >= OFF_THREAD_FROM) return null;
  const checked = { ...checkIntegrity(db, now), checkedAt: now.toISOString() };
  last.set(db.$client, checked);
  return checked;
}

export const integrityRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/integrity/last',
      describe({
        tags: ['system'],
        summary: 'The last check of the books and when it ran (null before the first since start)',
        responses: { 200: json('The last result with `checkedAt`, or null', { type: 'object' }) },
      }),
      (c) => {
        requireAccess(c.get('user')!, 'integrity', 'show');
        return c.json(last.get(c.get('deps').db.$client) ?? null);
      },
    )
    .get(
      '/integrity',
      describe({
        tags: ['system'],
        summary: 'Check the books: the audit chain, the money flows and the counters agree',
        responses: { 200: json('What was checked, and any discrepancy found', { type: 'object' }) },
      }),
      async (c) => {
        requireAccess(c.get('user')!, 'integrity', 'show');
        const { db } = c.get('deps');
        // The answer stays {ok, problems}; the kept copy adds its time for /integrity/last.
        const keep = (r: ReturnType<typeof checkIntegrity>) => {
          last.set(db.$client, { ...r, checkedAt: c.get('deps').clock().toISOString() });
          return r;
        };
        if (countRows(db, applications, undefined) < OFF_THREAD_FROM)
          return c.json(keep(checkIntegrity(db, c.get('deps').clock())));
        running ??= runJob<ReturnType<typeof checkIntegrity>>(new URL('./worker.ts', import.meta.url), {
          dbFile: db.$client.name,
          now: c.get('deps').clock().toISOString(),
          // The thread verifies the chain's seals with the same key (server/lib/audit.ts).
          auditKey: c.get('deps').pii.auditKey.toString('hex'),
        }).finally(() => {
          running = null;
        });
        return c.json(keep(await running));
      },
    );
