import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { organizations } from '../../../db/schema';
import { ORG_KINDS } from '../../../db/schema/common';
import { badRequest, conflict, forbidden } from '../../lib/errors';
import { crud, findScoped } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const organizationList: ListSpec = {
  resource: 'organizations',
  table: organizations,
  columns: {
    id: organizations.id,
    name: organizations.name,
    kind: organizations.kind,
    level: organizations.level,
    parentId: organizations.parentId,
    level2Id: organizations.level2Id,
    code: organizations.code,
    unitName: organizations.unitName,
    duesPaid: organizations.duesPaid,
    createdAt: organizations.createdAt,
  },
  search: [organizations.name, organizations.unitName, organizations.code],
};

const fields = {
  name: z.string().trim().min(2, '名称至少 2 个字').max(60),
  unitName: z.string().trim().max(80).nullish(),
  duesPaid: z.boolean().optional(),
  contactPhone: z.string().trim().max(20).nullish(),
};

export const organizationRoutes = () =>
  crud({
    list: organizationList,
    create: {
      schema: z.object({
        ...fields,
        kind: z.enum(ORG_KINDS.filter((k) => k !== 'city') as [string, ...string[]]),
        parentId: z.number().int().positive(),
        code: z
          .string()
          .trim()
          .regex(/^[a-z0-9-]{2,40}$/, '编码只能含小写字母、数字和连字符'),
      }),
      run: (db, actor, data) => {
        const parent = findScoped<typeof organizations.$inferSelect>(
          db,
          organizationList,
          actor.user!,
          data.parentId,
        );
        const level = parent.level + 1;
        const grassroots = data.kind === 'grassroots';
        if (grassroots !== (level === 3) || level > 3) {
          throw badRequest('组织类型与上级不符', {
            kind: grassroots ? '基层工会须在区县级工会之下' : '区县级、产业工会与直属工会须直属市总工会',
          });
        }
        if (actor.user!.role !== 'city_admin' && !grassroots) throw forbidden('只有市总工会可以设立二级工会');
        const row = db
          .insert(organizations)
          .values({ ...data, kind: data.kind as never, level, path: '' })
          .returning({ id: organizations.id })
          .get();
        db.update(organizations)
          .set({
            path: `${parent.path}${row.id}/`,
            level2Id: level === 2 ? row.id : parent.level2Id,
          })
          .where(eq(organizations.id, row.id))
          .run();
        return row.id;
      },
    },
    update: {
      schema: z.object(fields).partial(),
      run: (db, _actor, before, data) => {
        db.update(organizations).set(data).where(eq(organizations.id, before.id)).run();
      },
    },
    remove: (db, actor, before) => {
      if (actor.user!.role !== 'city_admin') throw forbidden();
      const child = db.$client
        .prepare(
          `select 1 from organizations where parent_id = ? union all select 1 from workers where organization_id = ?
      union all select 1 from users where organization_id = ? limit 1`,
        )
        .get(before.id, before.id, before.id);
      if (child || before.level === 1) throw conflict('该组织下还有下级组织、职工或账号，不能删除');
      db.delete(organizations).where(eq(organizations.id, before.id)).run();
    },
  });
