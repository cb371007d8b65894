import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { institutions } from '../../../db/schema';
import { conflict, forbidden } from '../../lib/errors';
import { compact, crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const institutionList: ListSpec = {
  resource: 'institutions',
  table: institutions,
  columns: {
    id: institutions.id,
    name: institutions.name,
    code: institutions.code,
    active: institutions.active,
  },
  search: [institutions.name],
};

const fields = {
  name: z.string().trim().min(2).max(60),
  reductionPolicy: z.string().trim().max(4000),
  contact: z.string().trim().max(100).nullish(),
  active: z.boolean(),
};

export const institutionRoutes = () =>
  crud({
    list: institutionList,
    create: {
      schema: z.object({
        ...fields,
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9-]{2,40}$/, '编码只能含小写字母、数字和连字符'),
        active: z.boolean().default(true),
        reductionPolicy: fields.reductionPolicy.default(''),
      }),
      run: (db, _a, data) => db.insert(institutions).values(data).returning({ id: institutions.id }).get().id,
    },
    update: {
      schema: z.object(fields).partial(),
      run: (db, actor, before: typeof institutions.$inferSelect, data) => {
        // R17: an institution keeps its own reduction policy text, nothing else of its record.
        const u = actor.user!;
        if (u.role === 'institution') {
          if (u.institutionId !== before.id) throw forbidden();
          data = compact({ reductionPolicy: data.reductionPolicy, contact: data.contact });
        }
        if (Object.keys(data).length)
          db.update(institutions).set(data).where(eq(institutions.id, before.id)).run();
      },
    },
    remove: (db, _a, before) => {
      if (db.$client.prepare('select 1 from applications where institution_id = ? limit 1').get(before.id)) {
        throw conflict('已有申请关联该院校，不能删除；可设为停用');
      }
      db.delete(institutions).where(eq(institutions.id, before.id)).run();
    },
  });
