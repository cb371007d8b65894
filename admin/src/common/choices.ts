import {
  ALLOCATION_STATUSES,
  APPEAL_STATUSES,
  APPLICATION_STATUSES,
  DECISIONS,
  DOCUMENT_KINDS,
  EDUCATION_LEVELS,
  FUND_RETURN_STATUSES,
  MATCHING_MODES,
  ORG_KINDS,
  PAYMENT_CHANNELS,
  PAYMENT_SOURCES,
  PAYMENT_STATUSES,
  REFUND_STATUSES,
  ROLES,
  STAGES,
  STUDY_MODES,
  STUDY_STATES,
} from '../../../db/schema/common';
import { GLOSSARY } from '../../../server/domain/glossary';
import { SMS_STATES } from '../../../db/schema/notifications';
import type { enumsZhCN } from '../i18n/enums.zh-CN';

/** A family of coded values with its labels under `enums.<name>` in both languages. */
export type EnumName = keyof typeof enumsZhCN;

export interface Choice {
  id: string | number;
  name: string;
}

/** Select choices whose names are i18n keys (react-admin translates them). */
export const enumChoices = (name: EnumName, values: readonly (string | number)[]): Choice[] =>
  values.map((id) => ({ id, name: `enums.${name}.${id}` }));

// The value lists come from the database schema, so a new status cannot be missed here.
export const CHOICES = {
  applicationStatus: enumChoices('applicationStatus', APPLICATION_STATUSES),
  paymentStatus: enumChoices('paymentStatus', PAYMENT_STATUSES),
  allocationStatus: enumChoices('allocationStatus', ALLOCATION_STATUSES),
  refundStatus: enumChoices('refundStatus', REFUND_STATUSES),
  fundReturnStatus: enumChoices('fundReturnStatus', FUND_RETURN_STATUSES),
  appealStatus: enumChoices('appealStatus', APPEAL_STATUSES),
  appealSubject: enumChoices('appealSubject', ['review', 'payment']),
  stage: enumChoices('stage', STAGES),
  paymentSource: enumChoices('paymentSource', PAYMENT_SOURCES),
  fundedBy: enumChoices('fundedBy', ['city', 'union'] as const),
  paymentChannel: enumChoices('paymentChannel', PAYMENT_CHANNELS),
  orgKind: enumChoices('orgKind', ORG_KINDS),
  orgLevel: enumChoices('orgLevel', [1, 2, 3]),
  role: enumChoices('role', ROLES),
  educationLevel: enumChoices('educationLevel', EDUCATION_LEVELS),
  studyMode: enumChoices('studyMode', STUDY_MODES),
  studyState: enumChoices('studyState', STUDY_STATES),
  documentKind: enumChoices('documentKind', DOCUMENT_KINDS),
  decision: enumChoices('decision', DECISIONS),
  reviewStep: enumChoices('reviewStep', [1, 2, 3]),
  matchingMode: enumChoices('matchingMode', MATCHING_MODES),
  gender: enumChoices('gender', ['M', 'F']),
  mime: enumChoices('mime', Object.keys(GLOSSARY['zh-CN'].mime)),
  auditAction: enumChoices('auditAction', Object.keys(GLOSSARY['zh-CN'].auditAction)),
  smsState: enumChoices('smsState', SMS_STATES),
} satisfies Record<EnumName, Choice[]>;
