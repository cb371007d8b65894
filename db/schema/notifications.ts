import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { applications } from './applications';
import { createdAt, inList } from './common';
import { users } from './people';

/**
 * SMS delivery of one message: `none` (in-app only), `pending` (the dispatcher will send it),
 * `sent` (the gateway answered 2xx), `skipped` (opted out, no phone, stale), `dead` (N tries failed).
 */
export const SMS_STATES = ['none', 'pending', 'sent', 'skipped', 'dead'] as const;

/**
 * The outbox: one row per message to one account, written in the transaction of the change it tells
 * of. The text is rendered from `notification_templates` with `params` (codes, ids, dates, amounts —
 * never ID or card numbers); the SMS columns are the dispatcher's state.
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    template: text('template').notNull(),
    params: text('params', { mode: 'json' }).$type<Record<string, string | number>>().notNull().default({}),
    applicationId: integer('application_id').references(() => applications.id),
    /** One message per account and key (a day's digest, a lapse warning): a second write is a no-op. */
    dedupeKey: text('dedupe_key'),
    readAt: text('read_at'),
    smsState: text('sms_state', { enum: SMS_STATES }).notNull().default('none'),
    smsTries: integer('sms_tries').notNull().default(0),
    /** Not before: the backoff after a failure, or 08:00 China time for a message written in quiet hours. */
    smsNextAt: text('sms_next_at'),
    smsError: text('sms_error'),
    smsSentAt: text('sms_sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('notifications_sms_state_ck', inList('sms_state', SMS_STATES)),
    index('notifications_user_idx').on(t.userId, t.id),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`read_at is null`),
    index('notifications_sms_due_idx')
      .on(t.smsNextAt)
      .where(sql`sms_state = 'pending'`),
    uniqueIndex('notifications_dedupe_uq')
      .on(t.userId, t.dedupeKey)
      .where(sql`dedupe_key is not null`),
  ],
);

/** The texts as data: zh-CN and English with `{param}` slots; the city admin lists, previews and edits them. */
export const notificationTemplates = sqliteTable('notification_templates', {
  code: text('code').primaryKey(),
  zh: text('zh').notNull(),
  en: text('en').notNull(),
  /** Also sent by SMS (when the gateway is configured and the person has not opted out). */
  sms: integer('sms', { mode: 'boolean' }).notNull().default(false),
  /** Sent in quiet hours too (21:00–08:00 China time). */
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  updatedAt: text('updated_at'),
  updatedBy: integer('updated_by').references(() => users.id),
});

/** Per account: the SMS opt-out (workers, in the portal's profile) and a staff account's phone for the digest. */
export const notificationSettings = sqliteTable('notification_settings', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => users.id),
  smsOptOut: integer('sms_opt_out', { mode: 'boolean' }).notNull().default(false),
  phone: text('phone'),
  updatedAt: text('updated_at'),
});
