import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  ALLOCATION_STATUSES,
  createdAt,
  FUND_RETURN_STATUSES,
  inList,
  PAYMENT_CHANNELS,
  PAYMENT_SOURCES,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  STAGES,
} from './common';
import { applications } from './applications';
import { institutions, organizations } from './organizations';
import { users } from './people';
import { rounds } from './program';

/** R3 拨付: city → level-2 union, for a round and a stage, covering a set of applications. */
export const allocations = sqliteTable(
  'allocations',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    applicationCount: integer('application_count').notNull(),
    status: text('status', { enum: ALLOCATION_STATUSES }).notNull().default('created'),
    createdBy: integer('created_by').references(() => users.id),
    transferredAt: text('transferred_at'),
    receivedAt: text('received_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('allocations_stage_ck', inList('stage', STAGES)),
    check('allocations_status_ck', inList('status', ALLOCATION_STATUSES)),
    check('allocations_money_ck', sql`amount_fen >= 0 and application_count >= 0`),
    index('allocations_round_org_idx').on(t.roundId, t.organizationId, t.stage),
  ],
);

/** Which applications an allocation covers: an application is covered once per stage. */
export const allocationItems = sqliteTable(
  'allocation_items',
  {
    id: integer('id').primaryKey(),
    allocationId: integer('allocation_id')
      .notNull()
      .references(() => allocations.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [
    uniqueIndex('allocation_items_app_stage_uq').on(t.applicationId, t.stage),
    index('allocation_items_allocation_idx').on(t.allocationId),
    check('allocation_items_money_ck', sql`amount_fen >= 0`),
  ],
);

/** 发放: one payment to a worker's account. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    allocationId: integer('allocation_id').references(() => allocations.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    source: text('source', { enum: PAYMENT_SOURCES }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    channel: text('channel', { enum: PAYMENT_CHANNELS }).notNull(),
    payerOrganizationId: integer('payer_organization_id')
      .notNull()
      .references(() => organizations.id),
    status: text('status', { enum: PAYMENT_STATUSES }).notNull().default('pending'),
    reference: text('reference'),
    failureReason: text('failure_reason'),
    reissueOf: integer('reissue_of'),
    paidAt: text('paid_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('payments_stage_ck', inList('stage', STAGES)),
    check('payments_source_ck', inList('source', PAYMENT_SOURCES)),
    check('payments_channel_ck', inList('channel', PAYMENT_CHANNELS)),
    check('payments_status_ck', inList('status', PAYMENT_STATUSES)),
    check('payments_money_ck', sql`amount_fen > 0`),
    // I1: at most one live payment per application, stage and source.
    uniqueIndex('payments_live_uq')
      .on(t.applicationId, t.stage, t.source)
      .where(sql`status in ('pending','paid')`),
    // An application's payments (timeline, live-payment checks); the partial unique index above cannot serve it.
    index('payments_application_idx').on(t.applicationId, t.stage, t.source, t.status),
    index('payments_org_status_idx').on(t.organizationId, t.status),
    index('payments_payer_status_idx').on(t.payerOrganizationId, t.status),
    index('payments_allocation_idx').on(t.allocationId),
  ],
);

/** R5: the institution returns a paid process subsidy of a worker who dropped out. */
export const refunds = sqliteTable(
  'refunds',
  {
    id: integer('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    paymentId: integer('payment_id')
      .notNull()
      .references(() => payments.id),
    institutionId: integer('institution_id').references(() => institutions.id),
    amountFen: integer('amount_fen').notNull(),
    status: text('status', { enum: REFUND_STATUSES }).notNull().default('expected'),
    reference: text('reference'),
    receivedAt: text('received_at'),
    confirmedAt: text('confirmed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('refunds_status_ck', inList('status', REFUND_STATUSES)),
    check('refunds_money_ck', sql`amount_fen > 0`),
    uniqueIndex('refunds_payment_uq').on(t.paymentId),
    index('refunds_status_idx').on(t.status),
  ],
);

/** R4: a level-2 union returns allocated money it could not pay, with a report. */
export const fundReturns = sqliteTable(
  'fund_returns',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    stage: text('stage', { enum: STAGES }).notNull(),
    amountFen: integer('amount_fen').notNull(),
    report: text('report').notNull(),
    status: text('status', { enum: FUND_RETURN_STATUSES }).notNull().default('filed'),
    confirmedAt: text('confirmed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('fund_returns_status_ck', inList('status', FUND_RETURN_STATUSES)),
    check('fund_returns_money_ck', sql`amount_fen > 0`),
    index('fund_returns_org_idx').on(t.organizationId, t.roundId),
  ],
);

export const fundReturnItems = sqliteTable(
  'fund_return_items',
  {
    id: integer('id').primaryKey(),
    fundReturnId: integer('fund_return_id')
      .notNull()
      .references(() => fundReturns.id),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    paymentId: integer('payment_id').references(() => payments.id),
    amountFen: integer('amount_fen').notNull(),
  },
  (t) => [
    index('fund_return_items_return_idx').on(t.fundReturnId),
    uniqueIndex('fund_return_items_payment_uq').on(t.paymentId),
  ],
);
