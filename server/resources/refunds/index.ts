import { Hono } from 'hono';
import { z } from 'zod';
import { refunds } from '../../../db/schema';
import type { AppEnv } from '../../lib/context';
import { recordSchema } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { applicantName } from '../../lib/people-on-money';
import { crud, findScoped } from '../../lib/resource';
import { confirmRefund, receiveRefund, type RefundRow } from './service';

export const refundList: ListSpec = {
  resource: 'refunds',
  table: refunds,
  columns: {
    id: refunds.id,
    applicationId: refunds.applicationId,
    paymentId: refunds.paymentId,
    institutionId: refunds.institutionId,
    amountFen: refunds.amountFen,
    status: refunds.status,
    createdAt: refunds.createdAt,
    receivedAt: refunds.receivedAt,
    confirmedAt: refunds.confirmedAt,
  },
  defaultSort: ['id', 'DESC'],
};

/** R5 退款: expected at the dropout (applications/progress.ts), received from the institution, confirmed by the city. */
export const refundRoutes = () => {
  const app = new Hono<AppEnv>();
  const action = recordActions(app, {
    resource: 'refunds',
    find: (t, u, id) => findScoped<RefundRow>(t, refundList, u, id),
    record: recordSchema('refunds', refunds),
  });
  action('receive', {
    money: true,
    summary: 'R5: the institution records the refund it sent',
    body: z.object({ reference: z.string().trim().min(1, '请填写退款凭证号').max(60) }),
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => receiveRefund(db, actor, row, body.reference),
  });
  action('confirm', {
    money: true,
    summary: 'R5: the city confirms the refund arrived',
    refusals: [409, 422],
    run: ({ db, actor, row }) => confirmRefund(db, actor, row),
  });
  app.route(
    '/',
    crud<RefundRow>({
      list: refundList,
      serialize: (row, _u, db) => ({ ...row, workerName: applicantName(db, row.applicationId) }),
    }),
  );
  return app;
};
