import { Hono } from 'hono';
import { z } from 'zod';
import { tx } from '../../../db/client';
import { payments } from '../../../db/schema';
import { STAGES } from '../../../db/schema/common';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { moneyAction, moneyGate } from '../../lib/idempotency';
import { describe, idempotencyKey, json, recordSchema, validated } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { payee } from '../../lib/people-on-money';
import { crud, findScoped, requireAccess } from '../../lib/resource';
import { applyResultSheet, bankFile, bankFileRows, readResultSheet } from './bank-file';
import { fail, pay, payOwnPlaces, reissue, type PaymentRow } from './service';

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

  const action = recordActions(app, {
    resource: 'payments',
    find: (t, u, id) => findScoped<PaymentRow>(t, paymentList, u, id),
    record: recordSchema('payments', payments),
  });
  action('pay', {
    money: true,
    summary: 'Record a payment as paid (R4)',
    body: z.object({ reference: text(1, 60, '银行流水号或凭证号') }),
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => pay(db, actor, row, body.reference),
  });
  action('fail', {
    money: true,
    summary: 'Record a payment as failed: the card was refused',
    body: z.object({ reason: text(2, 200, '失败原因') }),
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => fail(db, actor, row, body.reason),
  });
  action('reissue', {
    money: true,
    summary: 'Re-issue a failed payment; the answer is the new payment',
    body: z
      .object({ cardUnchanged: z.boolean().default(false), note: z.string().trim().max(200).optional() })
      .refine((b) => !b.cardUnchanged || (b.note?.length ?? 0) >= 2, {
        message: '卡号未更正而重发时请说明原因',
        path: ['note'],
      }),
    refusals: [409, 422],
    run: ({ db, actor, row, body }) => reissue(db, actor, row, body),
    answer: ({ db, user, result }) => findScoped<PaymentRow>(db, paymentList, user, result),
  });

  const filter = z.object({
    roundId: z.coerce.number().int().positive().optional(),
    stage: z.enum(STAGES).optional(),
  });

  app.get(
    '/bank-file',
    describe({
      tags: ['payments'],
      summary: "代发工资表: the payer's pending payments as an .xlsx sheet (full card numbers; audited)",
      responses: {
        200: {
          description: 'The sheet',
          content: {
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: { type: 'string', format: 'binary' },
            },
          },
        },
      },
      refusals: [400],
    }),
    validated('query', filter),
    async (c) => {
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
    },
  );

  app.post(
    '/bank-file',
    describe({
      tags: ['payments'],
      summary: "Import the bank's result sheet: every row marks paid or failed, or none does (R3)",
      parameters: [idempotencyKey],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', format: 'binary', description: 'The .xlsx result sheet' },
              },
            },
          },
        },
      },
      responses: {
        200: json('What the sheet changed', {
          type: 'object',
          properties: {
            paid: { type: 'integer' },
            failed: { type: 'integer' },
            unchanged: { type: 'integer' },
          },
        }),
      },
      refusals: [400, 413, 422],
    }),
    moneyGate('payments', 'import'),
    async (c) => {
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
    },
  );

  app.post(
    '/own-places',
    describe({
      tags: ['payments'],
      summary:
        "R8: the union's own payments for the places it funds itself (one pending payment per application due for the stage)",
      parameters: [idempotencyKey],
      responses: {
        200: json('The payments created', {
          type: 'object',
          properties: {
            payments: { type: 'integer' },
            amountFen: { type: 'integer' },
            applicationIds: { type: 'array', items: { type: 'integer' } },
          },
        }),
      },
      refusals: [400, 422],
    }),
    moneyGate('payments', 'own'),
    validated('json', z.object({ roundId: z.number().int().positive(), stage: z.enum(STAGES) })),
    (c) => moneyAction(c, (t) => payOwnPlaces(t, c.get('actor'), c.req.valid('json'))),
  );

  // The worker and the masked card beside every payment: whom the money goes to, not only its number.
  app.route(
    '/',
    crud<PaymentRow>({
      list: paymentList,
      serialize: (row, _u, db) => ({ ...row, ...payee(db, row.applicationId) }),
    }),
  );
  return app;
};
