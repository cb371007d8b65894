import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../lib/context';
import { requireAccess } from '../../lib/resource';
import { describe, json, validated } from '../../lib/openapi';
import { overview } from './service';

export const statsRoutes = () =>
  new Hono<AppEnv>().get(
    '/overview',
    describe({
      tags: ['stats'],
      summary: "The dashboard's figures for the caller's scope: counts by status and step, money by stage",
      responses: { 200: json('The overview', { type: 'object' }) },
      refusals: [400],
    }),
    validated('query', z.object({ roundId: z.coerce.number().int().positive().optional() })),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'stats', 'show');
      const { roundId } = c.req.valid('query');
      return c.json(overview(c.get('deps').db, u, roundId ?? null, c.get('deps').clock()));
    },
  );
