import { Hono } from 'hono';
import { z } from 'zod';
import { fundReturns } from '../../../db/schema';
import { STAGES } from '../../../db/schema/common';
import type { AppEnv } from '../../lib/context';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { crud, findScoped, parseId } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { valid } from '../../lib/validate';
import { confirmReturn, fileReturn, type FundReturnRow } from './service';

export const fundReturnList: ListSpec = {
  resource: 'fund-returns',
  table: fundReturns,
  columns: {
    id: fundReturns.id,
    roundId: fundReturns.roundId,
    organizationId: fundReturns.organizationId,
    stage: fundReturns.stage,
    amountFen: fundReturns.amountFen,
    status: fundReturns.status,
    createdAt: fundReturns.createdAt,
    confirmedAt: fundReturns.confirmedAt,
  },
  defaultSort: ['id', 'DESC'],
};

const returnBody = z.object({
  roundId: z.number().int().positive(),
  stage: z.enum(STAGES),
  applicationIds: z.array(z.number().int().positive()).min(1, '请选择要返还资金的申请').max(5000),
  report: z.string().trim().min(10, '请填写返还情况报告（至少 10 个字）').max(5000),
});

/** The items of a return, for its show page. */
function withItems(db: Parameters<typeof confirmReturn>[0], row: FundReturnRow) {
  const items = db.$client
    .prepare(
      `select application_id applicationId, payment_id paymentId, amount_fen amountFen from fund_return_items
    where fund_return_id = ? order by id`,
    )
    .all(row.id);
  return { ...row, items };
}

export const fundReturnRoutes = () => {
  const app = new Hono<AppEnv>();
  app.post('/', moneyGate('fund-returns', 'create'), valid('json', returnBody), (c) => {
    const body = c.req.valid('json');
    return moneyAction(
      c,
      (t) =>
        withItems(
          t,
          findScoped<FundReturnRow>(t, fundReturnList, c.get('user')!, fileReturn(t, c.get('actor'), body)),
        ),
      201,
    );
  });
  app.post('/:id{[0-9]+}/confirm', moneyGate('fund-returns', 'confirm'), (c) => {
    const id = parseId(c.req.param('id'));
    return moneyAction(c, (t) => {
      confirmReturn(t, c.get('actor'), findScoped<FundReturnRow>(t, fundReturnList, c.get('user')!, id));
      return withItems(t, findScoped<FundReturnRow>(t, fundReturnList, c.get('user')!, id));
    });
  });
  app.route(
    '/',
    crud<FundReturnRow>({
      list: fundReturnList,
      serialize: (row, _u, db, mode) => (mode === 'one' ? withItems(db, row) : row),
    }),
  );
  return app;
};
