import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../lib/context';
import { requireAccess } from '../../lib/resource';
import { valid } from '../../lib/validate';
import { overview } from './service';

export const statsRoutes = () =>
  new Hono<AppEnv>().get(
    '/overview',
    valid('query', z.object({ roundId: z.coerce.number().int().positive().optional() })),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'stats', 'show');
      const { roundId } = c.req.valid('query');
      return c.json(overview(c.get('deps').db, u, roundId ?? null, c.get('deps').clock()));
    },
  );
