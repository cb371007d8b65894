import { z } from 'zod';
import { tx } from '../../../db/client';
import { quotas } from '../../../db/schema';
import { crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { valid } from '../../lib/validate';
import { adjustQuota, placesUsed } from './service';
import { badRequest, conflict } from '../../lib/errors';
import { eq, and } from 'drizzle-orm';

type QuotaRow = typeof quotas.$inferSelect;

export const quotaList: ListSpec = {
  resource: 'quotas',
  table: quotas,
  columns: {
    id: quotas.id,
    roundId: quotas.roundId,
    organizationId: quotas.organizationId,
    places: quotas.places,
  },
};

/** Each quota with what it holds: used, waitlisted and free places (R7). */
function withUse(db: Parameters<typeof placesUsed>[0], row: QuotaRow) {
  const used = placesUsed(db, row.roundId, row.organizationId);
  const waitlisted = (
    db.$client
      .prepare(
        `select count(*) n from applications where round_id = ? and level2_id = ? and status = 'waitlisted'`,
      )
      .get(row.roundId, row.organizationId) as { n: number }
  ).n;
  return { ...row, used, waitlisted, free: Math.max(0, row.places - used) };
}

export const quotaRoutes = () => {
  const app = crud<QuotaRow>({
    list: quotaList,
    serialize: (row, _u, db) => withUse(db, row),
    create: {
      schema: z.object({
        roundId: z.number().int().positive(),
        organizationId: z.number().int().positive(),
        places: z.number().int().min(0).max(1_000_000),
      }),
      run: (db, _a, d: { roundId: number; organizationId: number; places: number }) => {
        const org = db.$client
          .prepare('select level from organizations where id = ?')
          .get(d.organizationId) as { level: number } | undefined;
        if (org?.level !== 2)
          throw badRequest('名额分配给区县级、产业或直属工会', { organizationId: '请选择二级工会' });
        if (
          db
            .select()
            .from(quotas)
            .where(and(eq(quotas.roundId, d.roundId), eq(quotas.organizationId, d.organizationId)))
            .get()
        ) {
          throw conflict('该工会在本批次已有名额，请用“调整”');
        }
        return db.insert(quotas).values(d).returning({ id: quotas.id }).get().id;
      },
    },
  });

  app.post(
    '/:id{[0-9]+}/adjust',
    valid(
      'json',
      z.object({
        delta: z
          .number()
          .int('调整数量须为整数')
          .refine((n) => n !== 0, '调整数量不能为 0'),
        reason: z.string().trim().min(2, '请说明调整原因').max(500),
      }),
    ),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'quotas', 'adjust');
      const { delta, reason } = c.req.valid('json');
      const { db } = c.get('deps');
      const id = parseId(c.req.param('id'));
      const result = tx(db, (t) => {
        findScoped(t, quotaList, u, id);
        const r = adjustQuota(t, c.get('actor'), id, delta, reason);
        return { ...withUse(t, findScoped<QuotaRow>(t, quotaList, u, id)), promoted: r.promoted };
      });
      return c.json(result);
    },
  );
  return app;
};
