import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../lib/context';
import { requireAccess } from '../../lib/resource';
import { describe, json, validated } from '../../lib/openapi';
import { overview } from './service';
import { institutionStats, studyChecksDue } from './study';

export const statsRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/institution',
      describe({
        tags: ['stats'],
        summary: "R15: an institution's own students: by status, checks due this term, dropouts, refunds",
        responses: { 200: json('The institution figures', { type: 'object' }) },
      }),
      (c) => {
        const u = c.get('user')!;
        requireAccess(u, 'institution-stats', 'show');
        return c.json(institutionStats(c.get('deps').db, u, c.get('deps').clock()));
      },
    )
    .get(
      '/study-checks-due',
      describe({
        tags: ['stats'],
        summary:
          "R15: level-2 unions and institutions behind on this term's study checks, in the caller's scope",
        responses: { 200: json('Who is behind', { type: 'object' }) },
      }),
      (c) => {
        const u = c.get('user')!;
        requireAccess(u, 'stats', 'show');
        return c.json(studyChecksDue(c.get('deps').db, u, c.get('deps').clock()));
      },
    )
    .get(
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
