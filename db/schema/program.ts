import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, inList, MATCHING_MODES } from './common';
import { organizations } from './organizations';
import { users } from './people';

/** R18: the program repeats yearly; each intake is a round, with its own window and amounts (R1, R11). */
export const rounds = sqliteTable(
  'rounds',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    intakeTerm: text('intake_term').notNull().unique(),
    opensOn: text('opens_on').notNull(),
    closesOn: text('closes_on').notNull(),
    processAmountFen: integer('process_amount_fen').notNull(),
    resultAmountFen: integer('result_amount_fen').notNull(),
    plannedPlaces: integer('planned_places').notNull(),
    /** The enrolment dates that belong to this intake (R9c). */
    intakeFrom: text('intake_from').notNull(),
    intakeTo: text('intake_to').notNull(),
    /** R2: no process payment falls due after this day. */
    processPayBy: text('process_pay_by').notNull(),
    /** R7: on this day every still-waitlisted application becomes not funded. */
    waitlistClosesOn: text('waitlist_closes_on').notNull(),
    /** R2: the shortest study that a graduation may follow. */
    minStudyMonths: integer('min_study_months').notNull().default(30),
    /** R6: derived from the intake (`intakeFrom` + 3 years), never a free date. */
    graduationDeadline: text('graduation_deadline').notNull(),
    createdAt: createdAt(),
  },
  () => [
    check('rounds_money_ck', sql`process_amount_fen >= 0 and result_amount_fen >= 0 and planned_places >= 0`),
    check('rounds_window_ck', sql`opens_on <= closes_on`),
    check(
      'rounds_dates_ck',
      sql`intake_from <= intake_to and process_pay_by >= closes_on and waitlist_closes_on <= process_pay_by and min_study_months between 1 and 72`,
    ),
  ],
);

/** R7/R18: per round, a level-2 union's (or a `direct` union's) places. */
export const quotas = sqliteTable(
  'quotas',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    places: integer('places').notNull(),
    /** What the proposal (members, last rounds' applications and uptake) gave when the city committed it. */
    proposedPlaces: integer('proposed_places'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('quotas_round_org_uq').on(t.roundId, t.organizationId),
    check('quotas_places_ck', sql`places >= 0`),
  ],
);

/** R18: the city raises a round's plan (增加计划) with its own audited action and reason. */
export const planAdjustments = sqliteTable(
  'plan_adjustments',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    delta: integer('delta').notNull(),
    placesBefore: integer('places_before').notNull(),
    placesAfter: integer('places_after').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('plan_adjustments_round_idx').on(t.roundId)],
);

export const quotaAdjustments = sqliteTable(
  'quota_adjustments',
  {
    id: integer('id').primaryKey(),
    quotaId: integer('quota_id')
      .notNull()
      .references(() => quotas.id),
    delta: integer('delta').notNull(),
    placesBefore: integer('places_before').notNull(),
    placesAfter: integer('places_after').notNull(),
    reason: text('reason').notNull(),
    userId: integer('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('quota_adjustments_quota_idx').on(t.quotaId)],
);

/** R8: a level-2 union's own subsidy on top of the city's, paid from its own money. */
export const matchingPolicies = sqliteTable(
  'matching_policies',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    mode: text('mode', { enum: MATCHING_MODES }).notNull(),
    processAmountFen: integer('process_amount_fen').notNull().default(0),
    resultAmountFen: integer('result_amount_fen').notNull().default(0),
    /** R8 增加资助人数: places the union funds itself beyond its city quota (union's subsidy only). */
    extraPlaces: integer('extra_places').notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('matching_round_org_uq').on(t.roundId, t.organizationId),
    check('matching_mode_ck', inList('mode', MATCHING_MODES)),
    check('matching_money_ck', sql`process_amount_fen >= 0 and result_amount_fen >= 0`),
    check('matching_extra_places_ck', sql`extra_places >= 0`),
  ],
);

/** R3: 代发协议 — the workers' school pays a union's workers who have a card on file. */
export const agencyAgreements = sqliteTable(
  'agency_agreements',
  {
    id: integer('id').primaryKey(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    agentOrganizationId: integer('agent_organization_id')
      .notNull()
      .references(() => organizations.id),
    agreementNo: text('agreement_no').notNull().unique(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    stages: text('stages').notNull().default('process,result'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('agency_org_idx').on(t.organizationId), check('agency_dates_ck', sql`starts_on <= ends_on`)],
);
