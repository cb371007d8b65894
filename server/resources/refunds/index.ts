import { Hono } from 'hono';
import { z } from 'zod';
import { refunds } from '../../../db/schema';
import type { AppEnv } from '../../lib/context';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { crud, findScoped, parseId } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { valid } from '../../lib/validate';
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
  app.post(
    '/:id{[0-9]+}/receive',
    moneyGate('refunds', 'receive'),
    valid('json', z.object({ reference: z.string().trim().min(1, '请填写退款凭证号').max(60) })),
    (c) => {
      const id = parseId(c.req.param('id'));
      const { reference } = c.req.valid('json');
      return moneyAction(c, (t) => {
        receiveRefund(t, c.get('actor'), findScoped<RefundRow>(t, refundList, c.get('user')!, id), reference);
        return findScoped<RefundRow>(t, refundList, c.get('user')!, id);
      });
    },
  );
  app.post('/:id{[0-9]+}/confirm', moneyGate('refunds', 'confirm'), (c) => {
    const id = parseId(c.req.param('id'));
    return moneyAction(c, (t) => {
      confirmRefund(t, c.get('actor'), findScoped<RefundRow>(t, refundList, c.get('user')!, id));
      return findScoped<RefundRow>(t, refundList, c.get('user')!, id);
    });
  });
  app.route('/', crud<RefundRow>({ list: refundList }));
  return app;
};
