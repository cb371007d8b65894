import { Hono } from 'hono';
import { z } from 'zod';
import { fundReturns } from '../../../db/schema';
import { STAGES } from '../../../db/schema/common';
import type { AppEnv } from '../../lib/context';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { describe, idempotencyKey, json, recordSchema, validated } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { crud, findScoped } from '../../lib/resource';
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
      `select i.application_id applicationId, w.name workerName, i.payment_id paymentId, i.amount_fen amountFen
    from fund_return_items i join applications a on a.id = i.application_id join workers w on w.id = a.worker_id
    where i.fund_return_id = ? order by i.id`,
    )
    .all(row.id);
  return { ...row, items };
}

export const fundReturnRoutes = () => {
  const app = new Hono<AppEnv>();
  const record = recordSchema('fund-returns', fundReturns);
  app.post(
    '/',
    describe({
      tags: ['fund-returns'],
      summary: 'R4: a union returns unspent money of a round and stage, with its report',
      parameters: [idempotencyKey],
      responses: { 201: json('The return filed, with its items', record) },
      refusals: [400, 404, 409, 413, 422],
    }),
    moneyGate('fund-returns', 'create'),
    validated('json', returnBody),
    (c) => {
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
    },
  );
  const action = recordActions(app, {
    resource: 'fund-returns',
    find: (t, u, id) => findScoped<FundReturnRow>(t, fundReturnList, u, id),
    record,
  });
  action('confirm', {
    money: true,
    summary: 'R4: the city confirms the returned money arrived',
    refusals: [409, 422],
    run: ({ db, actor, row }) => confirmReturn(db, actor, row),
    answer: ({ db, reread }) => withItems(db, reread()),
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
