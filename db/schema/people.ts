import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, inList, ROLES } from './common';
import { institutions, organizations } from './organizations';

/**
 * Resident ID and card numbers are stored encrypted (AES-256-GCM, key outside the database),
 * with an HMAC beside them for exact lookup and uniqueness, and a masked copy for lists (PIPL).
 */
export const workers = sqliteTable(
  'workers',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }),
    /** The year only: month and day are hidden digits of the ID number (see maskIdNumber). */
    birthYear: integer('birth_year'),
    phone: text('phone').notNull(),
    /** HMAC of the phone (server/lib/pii.ts): one worker per number, and the sign-in lookup. */
    phoneHash: text('phone_hash'),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    level2Id: integer('level2_id')
      .notNull()
      .references(() => organizations.id),
    jobTitle: text('job_title').notNull().default(''),
    /**
     * R9a/b: membership, dues and front-line post are attested by the unit union (never assumed):
     * who and when; the flags below are false until then.
     */
    attestedBy: integer('attested_by'),
    attestedAt: text('attested_at'),
    attestationComment: text('attestation_comment'),
    isUnionMember: integer('is_union_member', { mode: 'boolean' }).notNull().default(true),
    isFrontline: integer('is_frontline', { mode: 'boolean' }).notNull().default(true),
    /**
     * R9a from the union's roster (会员名册): whether the worker is on its unit's latest roster (null:
     * never rostered), when it joined, and whether its dues are paid. A roster upload is the unit
     * union's attestation of membership; `attestedBy`/`attestedAt` name the upload that changed it.
     */
    onRoster: integer('on_roster', { mode: 'boolean' }),
    memberSince: text('member_since'),
    memberDuesPaid: integer('member_dues_paid', { mode: 'boolean' }),
    /** A one-time sign-up code (its HMAC) and its expiry: a rostered worker claims its portal account. */
    claimCodeHash: text('claim_code_hash'),
    claimCodeExpiresAt: text('claim_code_expires_at'),
    isMigrant: integer('is_migrant', { mode: 'boolean' }).notNull().default(false),
    isHardship: integer('is_hardship', { mode: 'boolean' }).notNull().default(false),
    isKeyIndustry: integer('is_key_industry', { mode: 'boolean' }).notNull().default(false),
    bankName: text('bank_name'),
    bankCardEnc: text('bank_card_enc'),
    bankCardHash: text('bank_card_hash'),
    bankCardMasked: text('bank_card_masked'),
    benefitCardEnc: text('benefit_card_enc'),
    benefitCardHash: text('benefit_card_hash'),
    benefitCardMasked: text('benefit_card_masked'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('workers_id_number_hash_uq').on(t.idNumberHash),
    index('workers_org_idx').on(t.organizationId),
    index('workers_level2_idx').on(t.level2Id),
    index('workers_name_idx').on(t.name),
    index('workers_phone_idx').on(t.phone),
    uniqueIndex('workers_phone_hash_uq').on(t.phoneHash),
  ],
);

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    organizationId: integer('organization_id').references(() => organizations.id),
    institutionId: integer('institution_id').references(() => institutions.id),
    workerId: integer('worker_id').references(() => workers.id),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: text('locked_until'),
    lastLoginAt: text('last_login_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('users_role_ck', inList('role', ROLES)),
    index('users_org_idx').on(t.organizationId),
    uniqueIndex('users_worker_uq').on(t.workerId),
    // Each staff role belongs where it works; a worker account is a worker.
    check(
      'users_role_scope_ck',
      sql`(role in ('city_admin','org_admin','unit_admin','agent') and organization_id is not null)
    or (role = 'institution' and institution_id is not null) or (role = 'worker' and worker_id is not null)`,
    ),
  ],
);

export const sessions = sqliteTable(
  'sessions',
  {
    id: integer('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);
