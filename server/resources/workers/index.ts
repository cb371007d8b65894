import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { tx } from '../../../db/client';
import { workers } from '../../../db/schema';
import { audit } from '../../lib/audit';
import { notFound } from '../../lib/errors';
import { nameMatch } from '../../lib/name-search';
import { compact, crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { describe, idParam, json, validated } from '../../lib/openapi';
import { rosterRoutes } from './roster-routes';
import {
  assertUniqueId,
  assertUniquePhone,
  REVEALABLE,
  serializeWorker,
  workerColumns,
  workerCreate,
  workerUpdate,
} from './service';

type WorkerRow = typeof workers.$inferSelect;

export const workerList: ListSpec = {
  resource: 'workers',
  table: workers,
  columns: {
    id: workers.id,
    name: workers.name,
    organizationId: workers.organizationId,
    level2Id: workers.level2Id,
    isUnionMember: workers.isUnionMember,
    isFrontline: workers.isFrontline,
    isMigrant: workers.isMigrant,
    isHardship: workers.isHardship,
    isKeyIndustry: workers.isKeyIndustry,
    jobTitle: workers.jobTitle,
    gender: workers.gender,
    createdAt: workers.createdAt,
  },
  filters: { q: (v) => nameMatch(workers.id, String(v)) },
};

export const workerRoutes = () => {
  const app = crud({
    list: workerList,
    serialize: (row: WorkerRow, u, db, mode) => serializeWorker(row, mode, u, db),
    create: {
      schema: workerCreate,
      run: (db, actor, data, { pii }) => {
        assertUniqueId(db, pii, data.idNumber);
        assertUniquePhone(db, pii, data.phone);
        const cols = workerColumns(pii, data, db, actor.user!, actor.now(), true);
        return db
          .insert(workers)
          .values(cols as typeof workers.$inferInsert)
          .returning({ id: workers.id })
          .get().id;
      },
    },
    update: {
      schema: workerUpdate,
      run: (db, actor, before, data, { pii }) => {
        const u = actor.user!;
        // A worker keeps its own phone and cards up to date; the rest is its union's to record.
        if (u.role === 'worker')
          data = compact({
            phone: data.phone,
            bankName: data.bankName,
            bankCard: data.bankCard,
            benefitCard: data.benefitCard,
          });
        assertUniqueId(db, pii, data.idNumber, before.id);
        assertUniquePhone(db, pii, data.phone, before.id);
        const cols = workerColumns(pii, data, db, u, actor.now());
        if (Object.keys(cols).length) db.update(workers).set(cols).where(eq(workers.id, before.id)).run();
      },
    },
  });

  rosterRoutes(app);

  // The full resident ID or card number, for the roles that need it, each reveal audited (PIPL).
  app.get(
    '/:id{[0-9]+}/reveal',
    describe({
      tags: ['workers'],
      summary: 'The full resident ID or card number, for the roles that need it; each reveal is audited',
      parameters: [idParam],
      responses: {
        200: json('The value in full', {
          type: 'object',
          properties: { id: { type: 'integer' }, field: { type: 'string' }, value: { type: 'string' } },
        }),
      },
      refusals: [400, 404],
    }),
    validated('query', z.object({ field: z.enum(['idNumber', 'bankCard', 'benefitCard']) })),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'workers', 'reveal');
      const { db, pii } = c.get('deps');
      const row = findScoped<WorkerRow>(db, workerList, u, parseId(c.req.param('id')));
      const field = c.req.valid('query').field;
      const enc = row[REVEALABLE[field]] as string | null;
      if (!enc) throw notFound('该信息');
      tx(db, (t) =>
        audit(t, c.get('actor'), { action: `reveal:${field}`, resource: 'workers', recordId: row.id }),
      );
      return c.json({ id: row.id, field, value: pii.decrypt(enc) });
    },
  );
  return app;
};
