import ExcelJS from 'exceljs';
import type { Hono } from 'hono';
import { tx } from '../../../db/client';
import { ROSTER_COLUMNS } from '../../domain/roster';
import type { AppEnv } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { describe, json, validated } from '../../lib/openapi';
import { requireAccess } from '../../lib/resource';
import { z } from 'zod';
import { issueClaimCodes } from '../auth/claim';
import { importRoster, readRoster } from './roster';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const counts = {
  created: { type: 'integer' },
  updated: { type: 'integer' },
  unchanged: { type: 'integer' },
  dropped: { type: 'integer', description: 'Workers of the covered units not on this roster (R9a)' },
  refused: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        row: { type: 'integer' },
        field: { type: 'string' },
        message: { type: 'string' },
        rule: { type: 'string' },
      },
    },
  },
} as const;

/** The empty roster to fill in, with a sheet that says what each column takes. */
async function template(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '昆明市总工会学历提升资助系统';
  const ws = wb.addWorksheet('会员名册');
  ws.columns = ROSTER_COLUMNS.map((c) => ({
    header: c.header,
    key: c.field,
    width: c.field === 'idNumber' ? 22 : 14,
  }));
  ws.getRow(1).font = { bold: true };
  for (const key of ['idNumber', 'phone', 'memberSince', 'unitCode']) ws.getColumn(key).numFmt = '@';
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'h', width: 12 },
    { header: '说明', key: 'd', width: 70 },
  ];
  help.getRow(1).font = { bold: true };
  [
    ['姓名', '必填，2–30 个字'],
    ['身份证号', '必填，18 位居民身份证号码（末位可为 X），请设为文本格式以免被改成科学计数'],
    ['手机号', '必填，11 位手机号码，每人一个，不可与他人重复'],
    ['职务', '选填，如“车间主任”；经理、总监、厂长等科室主任以上职务不能标为一线岗位'],
    ['一线岗位', '必填，“是”或“否”：车间、工段、科室主任及以下为一线'],
    ['入会日期', '选填，如 2019-03-01'],
    ['会费已缴', '必填，“是”或“否”：名册中会费已缴的会员视为已核验会员身份'],
    ['单位编码', '基层工会导入本单位名册可不填；区县级工会导入下属单位名册时必填'],
    ['', '名册应包含本单位全部会员：已登记但不在最新名册中的职工将标记为“不在会员名册中”，提示审核人员'],
  ].forEach(([h, d]) => help.addRow({ h, d }));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** R9a: `GET /workers/import-template` and `POST /workers/import` (preview with `dryRun=true`). */
export function rosterRoutes(app: Hono<AppEnv>): void {
  app.post(
    '/claim-codes',
    describe({
      tags: ['workers'],
      summary:
        "The sign-up sheet: a one-time code (14 days) for each of the unit's rostered workers without an account, or those named",
      responses: {
        200: json('The codes, shown once', {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              workerId: { type: 'integer' },
              name: { type: 'string' },
              idNumberMasked: { type: 'string' },
              code: { type: 'string' },
              expiresAt: { type: 'string' },
            },
          },
        }),
      },
      refusals: [400],
    }),
    validated('json', z.object({ workerIds: z.array(z.number().int().positive()).max(20_000).optional() })),
    (c) => {
      requireAccess(c.get('user')!, 'workers', 'claimCodes');
      const { db, pii } = c.get('deps');
      const { workerIds } = c.req.valid('json');
      return c.json(tx(db, (t) => issueClaimCodes(t, c.get('actor'), pii, workerIds)));
    },
  );

  app.get(
    '/import-template',
    describe({
      tags: ['workers'],
      summary: 'The member roster template (.xlsx) to fill in and import',
      responses: {
        200: {
          description: 'The template',
          content: { [XLSX]: { schema: { type: 'string', format: 'binary' } } },
        },
      },
    }),
    async (c) => {
      requireAccess(c.get('user')!, 'workers', 'import');
      c.header('Content-Type', XLSX);
      c.header(
        'Content-Disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent('会员名册模板.xlsx')}`,
      );
      return c.body(new Uint8Array(await template()));
    },
  );

  app.post(
    '/import',
    describe({
      tags: ['workers'],
      summary:
        "R9a: import the unit union's member roster (.xlsx or .csv in UTF-8 or GB18030): every row or none; `dryRun=true` previews and writes nothing",
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: {
                file: { type: 'string', format: 'binary', description: 'The roster, .xlsx or .csv' },
                dryRun: { type: 'string', enum: ['true', 'false'], description: 'Preview only' },
              },
            },
          },
        },
      },
      responses: {
        200: json('What the roster changes (with `dryRun`, each row as `rows`)', {
          type: 'object',
          properties: {
            ...counts,
            rows: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  row: { type: 'integer' },
                  status: { type: 'string', enum: ['new', 'changed', 'unchanged', 'refused', 'dropped'] },
                  name: { type: 'string' },
                  idNumberMasked: { type: 'string' },
                  unit: { type: 'string' },
                  changes: { type: 'array', items: { type: 'string' } },
                },
              },
            },
          },
        }),
      },
      refusals: [400, 413, 422],
    }),
    async (c) => {
      requireAccess(c.get('user')!, 'workers', 'import');
      const form = await c.req.parseBody().catch(() => {
        throw badRequest('请以 multipart/form-data 上传会员名册', { file: '格式错误' });
      });
      const file = form.file;
      if (!(file instanceof File) || file.size === 0)
        throw badRequest('请选择会员名册文件（.xlsx 或 .csv）', { file: '请选择文件' });
      const dryRun = String(form.dryRun ?? c.req.query('dryRun') ?? '') === 'true';
      const sheet = await readRoster(await file.arrayBuffer());
      const { db, pii } = c.get('deps');
      const result = tx(db, (t) => importRoster(t, c.get('actor'), pii, sheet, dryRun));
      if (!dryRun && result.refused.length)
        return c.json(
          {
            message: `会员名册有 ${new Set(result.refused.map((r) => r.row)).size} 行有误，未做任何更改`,
            ...result,
            created: 0,
            updated: 0,
            unchanged: 0,
            dropped: 0,
          },
          422,
        );
      return c.json(result);
    },
  );
}
