import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { appeals } from '../../../db/schema';
import { isOverdue } from '../../domain/appeals';
import { chinaDate } from '../../domain/eligibility';
import { badRequest } from '../../lib/errors';
import { recordSchema } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { applicantName } from '../../lib/people-on-money';
import { crud, findScoped } from '../../lib/resource';
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
  const app = crud({
    list: appealList,
    serialize: (row: AppealRow, _u, db, _m, now) => ({
      ...row,
      workerName: applicantName(db, row.applicationId),
      overdue: isOverdue(row, chinaDate(now)),
    }),
    create: {
      schema: z.object({
        applicationId: z.number().int().positive(),
        subject: z.enum(['review', 'payment']),
        content: z.string().trim().min(5, '请写明申诉理由（至少 5 个字）').max(2000),
      }),
      run: (db, actor, d) =>
        fileAppeal(db, actor, scopedApplication(db, actor.user!, d.applicationId), d.subject, d.content),
    },
  });

  const action = recordActions(app, {
    resource: 'appeals',
    find: (t, u, id) => findScoped<AppealRow>(t, appealList, u, id),
    record: recordSchema('appeals', appeals),
  });
  action('respond', {
    summary: 'R14: answer an appeal; an upheld one reopens what it was about',
    body: z.object({
      response: z.string().trim().min(2, '请填写答复').max(2000),
      upheld: z.boolean().default(false),
    }),
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => respond(db, actor, row, body.response, body.upheld),
  });
  action('close', {
    summary: 'Close an answered appeal',
    refusals: [409],
    run: ({ db, actor, row }) => close(db, actor, row),
  });
  return app;
};
