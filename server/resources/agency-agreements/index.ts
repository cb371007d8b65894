import { patchSchema } from '../../lib/validate';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { agencyAgreements, organizations } from '../../../db/schema';
import { badRequest } from '../../lib/errors';
import { crud } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';

export const agencyList: ListSpec = {
  resource: 'agency-agreements',
  table: agencyAgreements,
  columns: {
    id: agencyAgreements.id,
    organizationId: agencyAgreements.organizationId,
    agentOrganizationId: agencyAgreements.agentOrganizationId,
    agreementNo: agencyAgreements.agreementNo,
    startsOn: agencyAgreements.startsOn,
    endsOn: agencyAgreements.endsOn,
    active: agencyAgreements.active,
  },
};

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2019-11-11');
const fields = {
  startsOn: date,
  endsOn: date,
  active: z.boolean().default(true),
  stages: z.enum(['process', 'result', 'process,result']).default('process,result'),
};

/** R3 代发协议: a level-2 union entrusts the workers' school with paying its workers. */
export const agencyRoutes = () =>
  crud({
    list: agencyList,
    create: {
      schema: z
        .object({
          organizationId: z.number().int().positive(),
          agentOrganizationId: z.number().int().positive(),
          agreementNo: z.string().trim().min(3).max(40),
          ...fields,
        })
        .refine((d) => d.startsOn <= d.endsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] }),
      run: (db, _a, d) => {
        const org = db.select().from(organizations).where(eq(organizations.id, d.organizationId)).get();
        if (!org || org.level !== 2)
          throw badRequest('委托方须为区县级、产业或直属工会', { organizationId: '请选择二级工会' });
        const agent = db.$client
          .prepare(`select 1 from users where organization_id = ? and role = 'agent' limit 1`)
          .get(d.agentOrganizationId);
        if (!agent) throw badRequest('受托方须为职工学校', { agentOrganizationId: '该组织不是代发单位' });
        return db.insert(agencyAgreements).values(d).returning({ id: agencyAgreements.id }).get().id;
      },
    },
    update: {
      schema: patchSchema(fields),
      run: (db, _a, before: typeof agencyAgreements.$inferSelect, d) => {
        if ((d.startsOn ?? before.startsOn) > (d.endsOn ?? before.endsOn))
          throw badRequest('结束日期不能早于开始日期', { endsOn: '结束日期不能早于开始日期' });
        db.update(agencyAgreements).set(d).where(eq(agencyAgreements.id, before.id)).run();
      },
    },
  });
