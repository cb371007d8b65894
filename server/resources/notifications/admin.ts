import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { tx } from '../../../db/client';
import { notifications } from '../../../db/schema';
import { render, slotsOf } from '../../domain/notifications';
import { audit } from '../../lib/audit';
import type { AppEnv } from '../../lib/context';
import { badRequest, conflict, notFound } from '../../lib/errors';
import { describe, json, recordSchema, validated } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { crud, findScoped, requireAccess } from '../../lib/resource';
import { forgetTemplates, templates, textOf, type TemplateRow } from './service';
import { DEFAULT_TEMPLATES } from './templates';

type NotificationRow = typeof notifications.$inferSelect;

const templateSchema = {
  type: 'object' as const,
  properties: {
    id: { type: 'string' as const },
    zh: { type: 'string' as const },
    en: { type: 'string' as const },
    sms: { type: 'boolean' as const },
    urgent: { type: 'boolean' as const },
    slots: { type: 'array' as const, items: { type: 'string' as const } },
  },
};

/** react-admin wants an `id`: a template's is its code. The slots say which parameters it takes. */
const templateView = (t: TemplateRow) => ({ id: t.code, ...t, slots: slotsOf(`${t.zh} ${t.en}`) });

/** Sample values for a preview: each slot shown with a plausible value. */
const SAMPLE: Record<string, string | number> = {
  applicationId: 1024,
  appealId: 12,
  comment: '请补充学费发票',
  why: '名额已满（20/20），按提交时间候补',
  reason: '账户名与户名不符',
  response: '经复核，维持原决定',
  amountYuan: '500.00',
  stageZh: '过程',
  stageEn: 'process',
  deadline: '2029-09-01',
  days: 30,
  dueOn: '2026-12-05',
  term: '2026-autumn',
  toReview: 3,
  overdue: 1,
  toPay: 5,
  appealsDue: 0,
};

const editBody = z.object({
  zh: z.string().trim().min(2).max(500).optional(),
  en: z.string().trim().min(2).max(500).optional(),
  sms: z.boolean().optional(),
  urgent: z.boolean().optional(),
});

/**
 * The texts as data, for the city admin: listed, previewed with sample parameters, edited (audited).
 * An edit keeps the template's parameters: a slot dropped or invented would show as `{name}`.
 */
export const templateRoutes = () => {
  const app = new Hono<AppEnv>();
  app.get(
    '/',
    describe({
      tags: ['notifications'],
      summary: 'The message templates (zh-CN and English, with their parameters)',
      responses: { 200: json('The templates', { type: 'array', items: templateSchema }) },
    }),
    (c) => {
      requireAccess(c.get('user')!, 'notification-templates', 'list');
      const rows = [...templates(c.get('deps').db).values()].sort((a, b) => a.code.localeCompare(b.code));
      c.header('Content-Range', `notification-templates 0-${Math.max(0, rows.length - 1)}/${rows.length}`);
      return c.json(rows.map(templateView));
    },
  );
  app.get(
    '/:code',
    describe({
      tags: ['notifications'],
      summary: 'One template with a preview in both languages',
      responses: { 200: json('The template', templateSchema) },
      refusals: [404],
    }),
    (c) => {
      requireAccess(c.get('user')!, 'notification-templates', 'show');
      const { db } = c.get('deps');
      const t = templates(db).get(c.req.param('code'));
      if (!t) throw notFound('模板');
      return c.json({ ...templateView(t), preview: textOf(db, t.code, SAMPLE) });
    },
  );
  app.put(
    '/:code',
    describe({
      tags: ['notifications'],
      summary: 'Change a template (audited); its parameters stay the same',
      responses: { 200: json('The template', templateSchema) },
      refusals: [400, 404],
    }),
    validated('json', editBody),
    (c) => {
      requireAccess(c.get('user')!, 'notification-templates', 'edit');
      const { db } = c.get('deps');
      const code = c.req.param('code');
      const d = c.req.valid('json');
      const t = tx(db, (tt) => {
        const before = templates(tt).get(code);
        if (!before) throw notFound('模板');
        const after = {
          ...before,
          ...Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)),
        };
        const want = slotsOf(`${DEFAULT_TEMPLATES[code]?.zh ?? before.zh}`);
        for (const lang of ['zh', 'en'] as const) {
          const got = slotsOf(after[lang]);
          const odd = got.filter((s) => !want.includes(s) && !slotsOf(before[lang]).includes(s));
          if (odd.length)
            throw badRequest(`模板参数不存在：${odd.join('、')}`, { [lang]: `可用参数：${want.join('、')}` });
        }
        const now = c.get('actor').now().toISOString();
        tt.$client
          .prepare(
            'update notification_templates set zh = ?, en = ?, sms = ?, urgent = ?, updated_at = ?, updated_by = ? where code = ?',
          )
          .run(after.zh, after.en, +after.sms, +after.urgent, now, c.get('user')!.id, code);
        audit(tt, c.get('actor'), {
          action: 'update',
          resource: 'notification-templates',
          recordId: null,
          before: { code, zh: before.zh, en: before.en, sms: before.sms, urgent: before.urgent },
          after: { code, zh: after.zh, en: after.en, sms: after.sms, urgent: after.urgent },
        });
        forgetTemplates(tt);
        return templates(tt).get(code)!;
      });
      forgetTemplates(db);
      return c.json({ ...templateView(t), preview: { zh: render(t.zh, SAMPLE), en: render(t.en, SAMPLE) } });
    },
  );
  return app;
};

const outboxList: ListSpec = {
  resource: 'notification-outbox',
  table: notifications,
  columns: {
    id: notifications.id,
    userId: notifications.userId,
    template: notifications.template,
    applicationId: notifications.applicationId,
    smsState: notifications.smsState,
    smsTries: notifications.smsTries,
    smsNextAt: notifications.smsNextAt,
    createdAt: notifications.createdAt,
  },
  defaultSort: ['id', 'DESC'],
};

/**
 * The city admin's view of the outbox: every message with its SMS state (`filter={"smsState":"dead"}`
 * for the dead letters), and `retry` to send a dead one again from the first try.
 */
export const outboxRoutes = () => {
  const app = crud({
    list: outboxList,
    serialize: (row: NotificationRow, _u, db) => ({ ...row, text: textOf(db, row.template, row.params) }),
  });
  const action = recordActions(app, {
    resource: 'notification-outbox',
    find: (t, u, id) => findScoped<NotificationRow>(t, outboxList, u, id),
    record: recordSchema('notification-outbox', notifications),
  });
  action('retry', {
    summary: 'Send a dead-lettered SMS again (audited)',
    refusals: [409],
    run: ({ db, actor, row }) => {
      if (row.smsState !== 'dead') throw conflict('只有投递失败的短信可以重发');
      const now = actor.now().toISOString();
      db.update(notifications)
        .set({ smsState: 'pending', smsTries: 0, smsNextAt: now, smsError: null })
        .where(eq(notifications.id, row.id))
        .run();
      audit(db, actor, {
        action: 'sms-retry',
        resource: 'notification-outbox',
        recordId: row.id,
        before: { smsState: row.smsState, smsTries: row.smsTries },
        after: { smsState: 'pending' },
      });
    },
  });
  return app;
};
