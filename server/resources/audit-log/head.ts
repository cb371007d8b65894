import { Hono } from 'hono';
import { z } from 'zod';
import { auditHead } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { describe, json, validated } from '../../lib/openapi';
import { requireAccess } from '../../lib/resource';

/**
 * `GET /api/integrity/audit-head` (the city admin): the audit chain's last row — id, time, hash and
 * seal — for an outside witness (a printed record, another office's mailbox) to keep. Asked later
 * with `?id=` of a head it kept, it answers that row as it stands now: a rewritten or cut history
 * no longer shows the witnessed hash (I7).
 */
export const auditHeadRoutes = () =>
  new Hono<AppEnv>().get(
    '/integrity/audit-head',
    describe({
      tags: ['system'],
      summary: "The audit chain's head (or the row `id`) with its hash and seal, for an outside witness",
      responses: {
        200: json('The row: id, at, hash, seal, and the rows in the chain', {
          type: 'object',
          properties: {
            id: { type: 'integer' },
            at: { type: 'string' },
            hash: { type: 'string' },
            seal: { type: ['string', 'null'] },
            rows: { type: 'integer' },
          },
        }),
      },
      refusals: [400, 404],
    }),
    validated('query', z.object({ id: z.coerce.number().int().positive().optional() })),
    (c) => {
      requireAccess(c.get('user')!, 'integrity', 'show');
      const head = auditHead(c.get('deps').db, c.req.valid('query').id);
      if (!head) throw notFound('审计记录');
      return c.json(head);
    },
  );
