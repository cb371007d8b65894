import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { tx } from '../../../db/client';
import { appeals } from '../../../db/schema';
import { isOverdue } from '../../domain/appeals';
import { chinaDate } from '../../domain/eligibility';
import { badRequest } from '../../lib/errors';
import { crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { valid } from '../../lib/validate';
import { scopedApplication } from '../applications/service';
import { close, fileAppeal, respond } from './service';

type AppealRow = typeof appeals.$inferSelect;

export const appealList: ListSpec = {
  resource: 'appeals',
  table: appeals,
  columns: {
    id: appeals.id,
    applicationId: appeals.applicationId,
    subject: appeals.subject,
    organizationId: appeals.organizationId,
    status: appeals.status,
    dueOn: appeals.dueOn,
    createdAt: appeals.createdAt,
    respondedAt: appeals.respondedAt,
  },
  search: [appeals.content],
  filters: {
    // Not answered in 15 days (R14): computed on read, so never stale.
    overdue: (v, now) => {
      if (typeof v !== 'boolean') throw badRequest('overdue 应为 true/false', { overdue: '应为 true/false' });
      return v ? and(eq(appeals.status, 'open'), lt(appeals.dueOn, chinaDate(now))) : undefined;
    },
  },
  defaultSort: ['id', 'DESC'],
};

export const appealRoutes = () => {
  const app = crud<AppealRow>({
    list: appealList,
    serialize: (row, _u, _db, _m, now) => ({ ...row, overdue: isOverdue(row, chinaDate(now)) }),
    create: {
      schema: z.object({
        applicationId: z.number().int().positive(),
        subject: z.enum(['review', 'payment']),
        content: z.string().trim().min(5, '请写明申诉理由（至少 5 个字）').max(2000),
      }),
      run: (db, actor, d: { applicationId: number; subject: 'review' | 'payment'; content: string }) =>
        fileAppeal(db, actor, scopedApplication(db, actor.user!, d.applicationId), d.subject, d.content),
    },
  });

  app.post(
    '/:id{[0-9]+}/respond',
    valid(
      'json',
      z.object({
        response: z.string().trim().min(2, '请填写答复').max(2000),
        upheld: z.boolean().default(false),
      }),
    ),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'appeals', 'respond');
      const { response, upheld } = c.req.valid('json');
      const id = parseId(c.req.param('id'));
      const out = tx(c.get('deps').db, (t) => {
        respond(t, c.get('actor'), findScoped<AppealRow>(t, appealList, u, id), response, upheld);
        return findScoped<AppealRow>(t, appealList, u, id);
      });
      return c.json(out);
    },
  );

  app.post('/:id{[0-9]+}/close', (c) => {
    const u = c.get('user')!;
    requireAccess(u, 'appeals', 'close');
    const id = parseId(c.req.param('id'));
    const out = tx(c.get('deps').db, (t) => {
      close(t, c.get('actor'), findScoped<AppealRow>(t, appealList, u, id));
      return findScoped<AppealRow>(t, appealList, u, id);
    });
    return c.json(out);
  });
  return app;
};
