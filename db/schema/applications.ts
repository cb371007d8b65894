import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  APPEAL_STATUSES,
  APPLICATION_STATUSES,
  createdAt,
  DECISIONS,
  DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  inList,
  STUDY_MODES,
  STUDY_STATES,
} from './common';
import { LEVEL_FREEING, sqlList } from '../../server/domain/lifecycle';
import { institutions, organizations } from './organizations';
import { users, workers } from './people';
import { rounds } from './program';

export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    workerId: integer('worker_id')
      .notNull()
      .references(() => workers.id),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    level2Id: integer('level2_id')
      .notNull()
      .references(() => organizations.id),
    institutionId: integer('institution_id').references(() => institutions.id),
    educationLevel: text('education_level', { enum: EDUCATION_LEVELS }),
    major: text('major'),
    studyMode: text('study_mode', { enum: STUDY_MODES }),
    enrolledOn: text('enrolled_on'),
    admissionNo: text('admission_no'),
    status: text('status', { enum: APPLICATION_STATUSES }).notNull().default('draft'),
    /** The review step waiting (1 unit, 2 level-2, 3 city), null when no review is pending. */
    currentStep: integer('current_step'),
    submittedAt: text('submitted_at'),
    decidedAt: text('decided_at'),
    graduatedOn: text('graduated_on'),
    graduationDocumentId: integer('graduation_document_id'),
    graduationVerifiedAt: text('graduation_verified_at'),
    droppedOutOn: text('dropped_out_on'),
    dropoutReason: text('dropout_reason'),
    /** R2/R12: a reviewer accepted the enrollment verification report (学籍在线验证报告); no money moves before. */
    enrollmentVerifiedAt: text('enrollment_verified_at'),
    enrollmentVerifiedBy: integer('enrollment_verified_by').references(() => users.id),
    /** R2: the city's audited decision to pay a process subsidy after the round's `processPayBy`. */
    lateProcessApprovedAt: text('late_process_approved_at'),
    lateProcessReason: text('late_process_reason'),
    /** R8: `city` places count against the city quota; `union` places are funded by the level-2 union alone. */
    fundedBy: text('funded_by', { enum: ['city', 'union'] })
      .notNull()
      .default('city'),
    /** R4: revoked on a fund return, with the return report's reason. */
    revokedReason: text('revoked_reason'),
    createdAt: createdAt(),
    updatedAt: text('updated_at')
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [
    check('applications_status_ck', inList('status', APPLICATION_STATUSES)),
    check(
      'applications_level_ck',
      sql`education_level is null or education_level in ('associate','bachelor')`,
    ),
    // R9e: one subsidy per worker per education level, ever — only the level-freeing statuses free it.
    // The rule answers first (422 R9e); the index is the last guard against a race.
    uniqueIndex('applications_r9e_uq')
      .on(t.workerId, t.educationLevel)
      .where(sql.raw(`education_level is not null and status not in ${sqlList(LEVEL_FREEING)}`)),
    index('applications_level2_status_submitted_idx').on(t.level2Id, t.status, t.submittedAt),
    index('applications_org_status_submitted_idx').on(t.organizationId, t.status, t.submittedAt),
    index('applications_status_submitted_idx').on(t.status, t.submittedAt),
    // submitted_at too: the per-round statistics read the round without touching the table (R15).
    index('applications_round_level2_status_idx').on(t.roundId, t.level2Id, t.status, t.submittedAt),
    // A union's applications in id order (deep pages), with the status to drop drafts inside the index.
    index('applications_level2_id_idx').on(t.level2Id, t.id, t.status),
    // A worker's applications; with the scope's columns, so a name search (q) counts a union's without reading rows.
    index('applications_worker_idx').on(t.workerId, t.level2Id, t.status),
    index('applications_institution_idx').on(t.institutionId, t.status),
  ],
);

export const reviews = sqliteTable(
  'reviews',
  {
    id: integer('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    step: integer('step').notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    userId: integer('user_id').references(() => users.id),
    decision: text('decision', { enum: DECISIONS }).notNull(),
    resultStatus: text('result_status').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    check('reviews_step_ck', sql`step in (1,2,3)`),
    check('reviews_decision_ck', inList('decision', DECISIONS)),
    // Covering for "did step N approve" and the turnaround of each step (timeline, statistics).
    index('reviews_application_idx').on(t.applicationId, t.step, t.decision, t.createdAt),
    index('reviews_org_created_idx').on(t.organizationId, t.createdAt),
  ],
);

export const documents = sqliteTable(
  'documents',
  {
    id: integer('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    kind: text('kind', { enum: DOCUMENT_KINDS }).notNull(),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: integer('uploaded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('documents_kind_ck', inList('kind', DOCUMENT_KINDS)),
    check('documents_mime_ck', sql`mime_type in ('application/pdf','image/jpeg','image/png')`),
    check('documents_size_ck', sql`size > 0 and size <= 10485760`),
    index('documents_application_idx').on(t.applicationId, t.kind),
  ],
);

/** R14: a worker appeals a review or a payment result; it goes to the union that decided. */
export const appeals = sqliteTable(
  'appeals',
  {
    id: integer('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    subject: text('subject', { enum: ['review', 'payment'] }).notNull(),
    organizationId: integer('organization_id')
      .notNull()
      .references(() => organizations.id),
    reviewStep: integer('review_step'),
    content: text('content').notNull(),
    response: text('response'),
    status: text('status', { enum: APPEAL_STATUSES }).notNull().default('open'),
    dueOn: text('due_on').notNull(),
    respondedAt: text('responded_at'),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    check('appeals_subject_ck', sql`subject in ('review','payment')`),
    check('appeals_status_ck', inList('status', APPEAL_STATUSES)),
    index('appeals_application_idx').on(t.applicationId),
    index('appeals_org_status_idx').on(t.organizationId, t.status),
    // Overdue appeals (R16, the performance view): the open ones by due date, not every application of a round.
    index('appeals_status_due_idx').on(t.status, t.dueOn),
  ],
);

/** R15: each term the institution (or the unit union) records how a funded worker's studies go. */
export const studyChecks = sqliteTable(
  'study_checks',
  {
    id: integer('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    term: text('term').notNull(),
    state: text('state', { enum: STUDY_STATES }).notNull(),
    note: text('note').notNull().default(''),
    userId: integer('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('study_checks_state_ck', inList('state', STUDY_STATES)),
    uniqueIndex('study_checks_app_term_uq').on(t.applicationId, t.term),
  ],
);
