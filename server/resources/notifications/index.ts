import { eq, isNotNull, isNull } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import { tx } from '../../../db/client';
import { notifications } from '../../../db/schema';
import type { AppEnv } from '../../lib/context';
import { badRequest } from '../../lib/errors';
import { describe, json, recordSchema, validated } from '../../lib/openapi';
import type { ListSpec } from '../../lib/ra-list';
import { recordActions } from '../../lib/record-action';
import { crud, findScoped, requireAccess } from '../../lib/resource';
import { textOf } from './service';
import { readSettings, writeSettings } from './settings';

type NotificationRow = typeof notifications.$inferSelect;

export const notificationList: ListSpec = {
  resource: 'notifications',
  table: notifications,
  columns: {
    id: notifications.id,
    template: notifications.template,
    applicationId: notifications.applicationId,
    createdAt: notifications.createdAt,
  },
  filters: {
    read: (v) => {
      if (typeof v !== 'boolean') throw badRequest('read 应为 true/false', { read: '应为 true/false' });
      return v ? isNotNull(notifications.readAt) : isNull(notifications.readAt);
    },
  },
  defaultSort: ['id', 'DESC'],
};

/** The in-app view: the message's codes with its text in both languages; the SMS state is the outbox's business. */
const view = (row: NotificationRow, db: Parameters<typeof textOf>[0]) => ({
  id: row.id,
  template: row.template,
  params: row.params,
  applicationId: row.applicationId,
  read: row.readAt !== null,
  readAt: row.readAt,
  createdAt: row.createdAt,
  text: textOf(db, row.template, row.params),
});

const settingsBody = z.object({
  smsOptOut: z.boolean().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, '手机号应为 11 位手机号码')
    .or(z.literal(''))
    .optional(),
});
const settingsSchema = {
  type: 'object' as const,
  properties: {
    smsOptOut: { type: 'boolean' as const },
    phone: { type: ['string', 'null'] as ['string', 'null'] },
  },
};

/**
 * Each account's own messages (`GET /notifications`, newest first, `filter={"read":false}`): another
 * account's message is a 404 like any record out of scope. Reading marks it; `read-all` marks them all.
 */
export const notificationRoutes = () => {
  const app = new Hono<AppEnv>();
  app.post(
    '/read-all',
    describe({
      tags: ['notifications'],
      summary: "Mark all of one's unread messages read",
      responses: {
        200: json('How many were marked', { type: 'object', properties: { read: { type: 'integer' } } }),
      },
    }),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'notifications', 'read');
      const { db, clock } = c.get('deps');
      const read = tx(db, (t) =>
        t.$client
          .prepare('update notifications set read_at = ? where user_id = ? and read_at is null')
          .run(clock().toISOString(), u.id),
      ).changes;
      return c.json({ read });
    },
  );
  app.get(
    '/settings',
    describe({
      tags: ['notifications'],
      summary: 'Own SMS settings: the opt-out, and a staff account’s phone for the digest',
      responses: { 200: json('The settings', settingsSchema) },
    }),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'notifications', 'list');
      return c.json(readSettings(c.get('deps').db, u));
    },
  );
  app.put(
    '/settings',
    describe({
      tags: ['notifications'],
      summary: 'Change own SMS settings (audited)',
      responses: { 200: json('The settings', settingsSchema) },
      refusals: [400],
    }),
    validated('json', settingsBody),
    (c) => {
      const u = c.get('user')!;
      requireAccess(u, 'notifications', 'read');
      const body = c.req.valid('json');
      const { db } = c.get('deps');
      return c.json(tx(db, (t) => writeSettings(t, c.get('actor'), u, body)));
    },
  );

  const list = crud({ list: notificationList, serialize: (row: NotificationRow, _u, db) => view(row, db) });
  const action = recordActions(list, {
    resource: 'notifications',
    find: (t, u, id) => findScoped<NotificationRow>(t, notificationList, u, id),
    record: recordSchema('notifications', notifications),
  });
  action('read', {
    summary: 'Mark one of own messages read',
    run: ({ db, actor, row }) => {
      if (!row.readAt)
        db.update(notifications)
          .set({ readAt: actor.now().toISOString() })
          .where(eq(notifications.id, row.id))
          .run();
    },
    answer: ({ db, reread }) => view(reread(), db),
  });
  app.route('/', list);
  return app;
};
