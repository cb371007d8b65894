import { Hono } from 'hono';
import { countRows } from '../../lib/ra-list';
import { applications } from '../../../db/schema';
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

export const integrityRoutes = () =>
  new Hono<AppEnv>().get(
    '/integrity',
    describe({
      tags: ['system'],
      summary: 'Check the books: the audit chain, the money flows and the counters agree',
      responses: { 200: json('What was checked, and any discrepancy found', { type: 'object' }) },
    }),
    async (c) => {
      requireAccess(c.get('user')!, 'integrity', 'show');
      const { db } = c.get('deps');
      if (countRows(db, applications, undefined) < OFF_THREAD_FROM)
        return c.json(checkIntegrity(db, c.get('deps').clock()));
      running ??= runJob<ReturnType<typeof checkIntegrity>>(new URL('./worker.ts', import.meta.url), {
        dbFile: db.$client.name,
        now: c.get('deps').clock().toISOString(),
        // The thread verifies the chain's seals with the same key (server/lib/audit.ts).
        auditKey: c.get('deps').pii.auditKey.toString('hex'),
      }).finally(() => {
        running = null;
      });
      return c.json(await running);
    },
  );
