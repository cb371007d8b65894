import { and, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { applications } from '../../../db/schema';
import { chinaDate } from '../../domain/eligibility';
import { sqlList, STUDYING } from '../../domain/lifecycle';
import { badRequest } from '../../lib/errors';
import { nameMatch } from '../../lib/name-search';
import type { ListSpec } from '../../lib/ra-list';

const bool = (v: unknown, key: string) => {
  if (typeof v !== 'boolean') throw badRequest(`filter.${key} 应为 true/false`, { [key]: '应为 true/false' });
  return v;
};

const FLAG_COLUMN: Record<string, string> = {
  isMigrant: 'is_migrant',
  isHardship: 'is_hardship',
  isKeyIndustry: 'is_key_industry',
  isFrontline: 'is_frontline',
};

export const applicationList: ListSpec = {
  resource: 'applications',
  table: applications,
  columns: {
    id: applications.id,
    roundId: applications.roundId,
    workerId: applications.workerId,
    organizationId: applications.organizationId,
    level2Id: applications.level2Id,
    institutionId: applications.institutionId,
    educationLevel: applications.educationLevel,
    major: applications.major,
    status: applications.status,
    currentStep: applications.currentStep,
    submittedAt: applications.submittedAt,
    decidedAt: applications.decidedAt,
    enrolledOn: applications.enrolledOn,
    studyMode: applications.studyMode,
    fundedBy: applications.fundedBy,
    createdAt: applications.createdAt,
    updatedAt: applications.updatedAt,
  },
  filters: {
    q: (v) => {
      const s = String(v);
      if (/^\d+$/.test(s)) return eq(applications.id, Number(s));
      return nameMatch(applications.workerId, s);
    },
    /** The review step waiting: the clerk's pile. */
    waitingStep: (v) => {
      if (![1, 2, 3].includes(v as number))
        throw badRequest('waitingStep 应为 1、2 或 3', { waitingStep: '应为 1、2 或 3' });
      return eq(applications.currentStep, v as number);
    },
    /** R11: submitted applications still missing the enrollment verification report. */
    outstandingDocuments: (v) =>
      bool(v, 'outstandingDocuments')
        ? and(
            isNotNull(applications.submittedAt),
            sql`not exists (select 1 from documents d where d.application_id = ${applications.id} and d.kind = 'enrollment_report')`,
          )
        : undefined,
    /** R6: lapses within N days (deadline of the round ahead, no verified graduation). */
    lapsingWithinDays: (v, now) => {
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 3650)
        throw badRequest('lapsingWithinDays 应为天数', { lapsingWithinDays: '应为天数' });
      return sql`${applications.status} in ${sql.raw(sqlList(STUDYING))} and ${applications.roundId} in
        (select id from rounds where graduation_deadline between ${chinaDate(now)} and date(${chinaDate(now)}, ${`+${v} days`}))`;
    },
    ...Object.fromEntries(
      Object.entries(FLAG_COLUMN).map(([key, col]) => [
        key,
        (v: unknown) =>
          sql`${applications.workerId} in (select id from workers where ${sql.raw(col)} = ${bool(v, key) ? 1 : 0})`,
      ]),
    ),
    submittedAt_gte: (v) => gte(applications.submittedAt, String(v)),
    submittedAt_lte: (v) =>
      lte(applications.submittedAt, /^\d{4}-\d{2}-\d{2}$/.test(String(v)) ? `${v}T23:59:59.999Z` : String(v)),
  },
  defaultSort: ['id', 'DESC'],
};
