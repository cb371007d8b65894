import { z } from 'zod';
import { quotas } from '../../../db/schema';
import { recordSchema } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { crud, findScoped } from '../../lib/resource';
import { adjustQuota, assertWithinPlan, placesUsed, unionPlaces } from './service';
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
  // R8: beside the city's places, those the union funds itself.
  const own = unionPlaces(db, row.roundId, row.organizationId);
  return {
    ...row,
    used,
    waitlisted,
    free: Math.max(0, row.places - used),
    unionPlaces: own.places,
    unionUsed: own.used,
  };
}

export const quotaRoutes = () => {
  const app = crud({
    list: quotaList,
    serialize: (row: QuotaRow, _u, db) => withUse(db, row),
    create: {
      schema: z.object({
        roundId: z.number().int().positive(),
        organizationId: z.number().int().positive(),
        places: z.number().int().min(0).max(1_000_000),
      }),
      run: (db, _a, d) => {
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
        assertWithinPlan(db, d.roundId, d.places, 'places');
        return db.insert(quotas).values(d).returning({ id: quotas.id }).get().id;
      },
    },
  });

  const action = recordActions(app, {
    resource: 'quotas',
    find: (t, u, id) => findScoped<QuotaRow>(t, quotaList, u, id),
    record: recordSchema('quotas', quotas),
  });
  action('adjust', {
    summary: 'R7: add or take places; freed places go to the waitlist in order',
    body: z.object({
      delta: z
        .number()
        .int('调整数量须为整数')
        .refine((n) => n !== 0, '调整数量不能为 0'),
      reason: z.string().trim().min(2, '请说明调整原因').max(500),
    }),
    // 422 R7 below the places used, R18 beyond the round's plan.
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => adjustQuota(db, actor, row.id, body.delta, body.reason),
    // The quota with its use, and the applications promoted from the waitlist.
    answer: ({ db, result, reread }) => ({ ...withUse(db, reread()), promoted: result.promoted }),
  });
  return app;
};
