import fs from 'node:fs';
import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { tx } from '../../../db/client';
import { documents } from '../../../db/schema';
import { DOCUMENT_KINDS } from '../../../db/schema/common';
import { EDITABLE, FINAL, isIn } from '../../domain/lifecycle';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { ApiError, badRequest, conflict, notFound } from '../../lib/errors';
import { describe, idParam, json, recordSchema } from '../../lib/openapi';
import { crud, findScoped, parseId, requireAccess } from '../../lib/resource';
import type { ListSpec } from '../../lib/ra-list';
import { scopedApplication } from '../applications/service';
import {
  documentHeaders,
  filePath,
  inspectUpload,
  MAX_DOCUMENT_BYTES,
  missingFilePage,
  storeFile,
} from './storage';

/** Ends of the road take no more documents, except a dropout, whose withdrawal proof may follow (R5). */
const FINISHED = FINAL.filter((s) => s !== 'dropped_out');

type DocRow = typeof documents.$inferSelect;

export const documentList: ListSpec = {
  resource: 'documents',
  table: documents,
  columns: {
    id: documents.id,
    applicationId: documents.applicationId,
    kind: documents.kind,
    mimeType: documents.mimeType,
    size: documents.size,
    createdAt: documents.createdAt,
    fileName: documents.fileName,
  },
};

export const documentRoutes = () => {
  const app = new Hono<AppEnv>();
  const generic = crud<DocRow>({
    list: documentList,
    // A scan of a submitted application cannot be taken back: only drafts lose documents.
    remove: (db, _a, before) => {
      const a = db.$client
        .prepare('select status from applications where id = ?')
        .get(before.applicationId) as { status: string };
      if (!isIn(EDITABLE, a.status)) throw conflict('已提交的申请材料不能删除，只能补充');
      db.delete(documents).where(eq(documents.id, before.id)).run();
    },
  });

  // The upload is registered before the generic routes, whose POST would answer 405.
  app.post(
    '/',
    describe({
      tags: ['documents'],
      summary: 'Upload a scan (PDF, JPEG or PNG, at most 10 MB) to an application',
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['applicationId', 'kind', 'file'],
              properties: {
                applicationId: { type: 'integer' },
                kind: { type: 'string', enum: [...DOCUMENT_KINDS] },
                file: { type: 'string', format: 'binary' },
              },
            },
          },
        },
      },
      responses: { 201: json('The document stored', recordSchema('documents', documents)) },
      refusals: [400, 404, 409, 413],
    }),
    async (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'documents', 'create');
      const form = await c.req.parseBody().catch(() => {
        throw badRequest('请以 multipart/form-data 上传', { file: '格式错误' });
      });
      const applicationId = Number(form.applicationId);
      const kind = String(form.kind ?? '');
      const file = form.file;
      const errors: Record<string, string> = {};
      if (!Number.isSafeInteger(applicationId) || applicationId <= 0) errors.applicationId = '缺少申请编号';
      if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) errors.kind = '材料类型无效';
      if (!(file instanceof File)) errors.file = '请选择文件';
      if (Object.keys(errors).length) throw badRequest('上传信息不完整', errors);
      const f = file as File;
      if (f.size > MAX_DOCUMENT_BYTES)
        throw new ApiError(413, '文件过大，每个文件最多 10 MB', { file: '文件过大（最多 10 MB）' });
      if (f.size === 0) throw badRequest('文件为空', { file: '文件为空' });
      // Type from the bytes, an image cut at its end marker, the name given the type's extension.
      const { bytes: buf, mimeType, fileName } = inspectUpload(new Uint8Array(await f.arrayBuffer()), f.name);
      const { db, dataDir } = c.get('deps');
      const target = scopedApplication(db, u, applicationId); // 404 before anything is written
      if (isIn(FINISHED, target.status)) throw conflict('该申请已结束，不能再上传材料');
      const sha256 = storeFile(dataDir, buf);
      const row = tx(db, (t) => {
        const a = scopedApplication(t, u, applicationId);
        if (isIn(FINISHED, a.status)) throw conflict('该申请已结束，不能再上传材料');
        const created = t
          .insert(documents)
          .values({
            applicationId,
            kind: kind as DocRow['kind'],
            fileName,
            mimeType,
            size: buf.length,
            sha256,
            uploadedBy: u.id,
            createdAt: c.get('actor').now().toISOString(),
          })
          .returning()
          .get();
        audit(t, c.get('actor'), {
          action: 'upload',
          resource: 'documents',
          recordId: created.id,
          after: { applicationId, kind, sha256, size: buf.length },
        });
        return created;
      });
      return c.json(row, 201);
    },
  );

  app.get(
    '/:id{[0-9]+}/file',
    describe({
      tags: ['documents'],
      summary: "A document's file, as uploaded",
      parameters: [idParam],
      responses: {
        200: {
          description: 'The file',
          content: Object.fromEntries(
            ['application/pdf', 'image/jpeg', 'image/png'].map((t) => [
              t,
              { schema: { type: 'string', format: 'binary' } },
            ]),
          ),
        },
      },
      refusals: [404],
    }),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'documents', 'download');
      const { db, dataDir } = c.get('deps');
      const doc = findScoped<DocRow>(db, documentList, u, parseId(c.req.param('id')));
      const file = filePath(dataDir, doc.sha256);
      if (!fs.existsSync(file)) {
        if (!/text\/html/.test(c.req.header('accept') ?? '')) throw notFound('文件');
        const page = missingFilePage();
        return c.html(page.body, 404, page.headers);
      }
      for (const [name, value] of Object.entries(documentHeaders(doc))) c.header(name, value);
      return c.body(fs.readFileSync(file));
    },
  );
  app.route('/', generic);
  return app;
};
