import { sql } from 'drizzle-orm';
import { text } from 'drizzle-orm/sqlite-core';
import { STATUSES } from '../../server/domain/lifecycle';

/** ISO 8601 timestamps as text: sortable, readable in the API as they are. */
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

export const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(',')})`);

export const ORG_KINDS = [
  'city',
  'district',
  'dev_zone',
  'industry',
  'federation',
  'grassroots',
  'direct',
] as const;
export const ROLES = ['city_admin', 'org_admin', 'unit_admin', 'agent', 'institution', 'worker'] as const;
export const EDUCATION_LEVELS = ['associate', 'bachelor'] as const;
export const STUDY_MODES = ['part_time', 'distance', 'full_time', 'self_study'] as const;
/** R15: 在读, 休学, 学业预警, 退学. */
export const STUDY_STATES = ['studying', 'suspended', 'warning', 'withdrawn'] as const;
/** The lifecycle's statuses, defined once with their sets and moves in the domain. */
export const APPLICATION_STATUSES = STATUSES;
export const DOCUMENT_KINDS = [
  'application_form',
  'id_card',
  'admission_notice',
  'tuition_receipt',
  'enrollment_report',
  'graduation_record',
  'withdrawal_proof',
] as const;
export const STAGES = ['process', 'result'] as const;
export const PAYMENT_SOURCES = ['city', 'matching'] as const;
export const PAYMENT_CHANNELS = ['direct', 'agency'] as const;
export const PAYMENT_STATUSES = ['pending', 'paid', 'failed', 'cancelled'] as const;
export const ALLOCATION_STATUSES = ['created', 'transferred', 'received'] as const;
export const REFUND_STATUSES = ['expected', 'received', 'confirmed'] as const;
export const FUND_RETURN_STATUSES = ['filed', 'confirmed'] as const;
export const APPEAL_STATUSES = ['open', 'answered', 'upheld', 'closed'] as const;
export const DECISIONS = ['approve', 'reject', 'return'] as const;
export const MATCHING_MODES = ['two_stage', 'process_only', 'result_only'] as const;
