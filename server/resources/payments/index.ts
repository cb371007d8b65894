import { Hono } from 'hono';
import { z } from 'zod';
import { tx } from '../../../db/client';
import { payments } from '../../../db/schema';
import { STAGES } from '../../../db/schema/common';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { valid } from '../../lib/validate';
import { applyResultSheet, bankFile, bankFileRows, readResultSheet } from './bank-file';
import { fail, pay, reissue, type PaymentRow } from './service';

export const paymentList: ListSpec = {
  resource: 'payments',
  table: payments,
  columns: {
    id: payments.id,
    applicationId: payments.applicationId,
    allocationId: payments.allocationId,
    organizationId: payments.organizationId,
    stage: payments.stage,
    source: payments.source,
    amountFen: payments.amountFen,
    channel: payments.channel,
    payerOrganizationId: payments.payerOrganizationId,
    status: payments.status,
    reference: payments.reference,
    reissueOf: payments.reissueOf,
    paidAt: payments.paidAt,
    createdAt: payments.createdAt,
  },
  search: [payments.reference],
  defaultSort: ['id', 'DESC'],
};

const text = (min: number, max: number, what: string) => z.string().trim().min(min, `请填写${what}`).max(max);

export const paymentRoutes = () => {
  const app = new Hono<AppEnv>();

  const action = <S extends z.ZodType>(
    name: string,
    perm: string,
    schema: S,
    run: (
      t: Parameters<typeof pay>[0],
      p: PaymentRow,
      body: z.infer<S>,
      c: { var: AppEnv['Variables'] },
    ) => number | string,
  ) =>
    app.post(`/:id{[0-9]+}/${name}`, moneyGate('payments', perm), valid('json', schema), (c) => {
      const u = c.get('user')!;
      const id = parseId(c.req.param('id'));
      const body = c.req.valid('json' as never) as z.infer<S>;
      return moneyAction(c, (t) => {
        const out = run(t, findScoped<PaymentRow>(t, paymentList, u, id), body, c);
        // A re-issue answers the new payment; pay and fail answer the payment itself.
        return findScoped<PaymentRow>(t, paymentList, u, typeof out === 'number' ? out : id);
      });
    });

  action('pay', 'pay', z.object({ reference: text(1, 60, '银行流水号或凭证号') }), (t, p, b, c) =>
    pay(t, c.var.actor, p, b.reference),
  );
  action('fail', 'fail', z.object({ reason: text(2, 200, '失败原因') }), (t, p, b, c) =>
    fail(t, c.var.actor, p, b.reason),
  );
  action(
    'reissue',
    'reissue',
    z
      .object({ cardUnchanged: z.boolean().default(false), note: z.string().trim().max(200).optional() })
      .refine((b) => !b.cardUnchanged || (b.note?.length ?? 0) >= 2, {
        message: '卡号未更正而重发时请说明原因',
        path: ['note'],
      }),
    (t, p, b, c) => reissue(t, c.var.actor, p, b),
  );

  const filter = z.object({
    roundId: z.coerce.number().int().positive().optional(),
    stage: z.enum(STAGES).optional(),
  });

  /** 代发工资表: the payer's pending payments as an .xlsx sheet (full card numbers; audited). */
  app.get('/bank-file', valid('query', filter), async (c) => {
    requireAccess(c.get('user')!, 'payments', 'export');
    const f = c.req.valid('query');
    const { db, pii } = c.get('deps');
    const buffer = await bankFile(tx(db, (t) => bankFileRows(t, pii, c.get('actor'), f)));
    const day = c.get('actor').now().toISOString().slice(0, 10);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(`代发明细-${day}.xlsx`)}`,
    );
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(buffer));
  });

  /** The bank's result sheet: marks paid or failed, every row or none. */
  app.post('/bank-file', moneyGate('payments', 'import'), async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw badRequest('请以 multipart/form-data 上传回盘文件', { file: '格式错误' });
    });
    const file = form.file;
    if (!(file instanceof File) || file.size === 0)
      throw badRequest('请选择银行回盘文件（.xlsx）', { file: '请选择文件' });
    const { rows, errors } = await readResultSheet(await file.arrayBuffer());
    return moneyAction(c, (t) => {
      const result = applyResultSheet(t, c.get('actor'), rows, { ...errors });
      audit(t, c.get('actor'), {
        action: 'import',
        resource: 'payments',
        recordId: null,
        after: { ...result, rows: rows.length },
      });
      return result;
    });
  });

  app.route('/', crud<PaymentRow>({ list: paymentList }));
  return app;
};
