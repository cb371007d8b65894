/** The API's shapes as the portal reads them (server/resources/*: the worker's own view). */
export type { Status } from '../../../server/domain/lifecycle';
import type { Status } from '../../../server/domain/lifecycle';
export type EducationLevel = 'associate' | 'bachelor';
export type StudyMode = 'part_time' | 'distance' | 'full_time' | 'self_study';
export type DocumentKind =
  | 'application_form'
  | 'id_card'
  | 'admission_notice'
  | 'tuition_receipt'
  | 'enrollment_report'
  | 'graduation_record'
  | 'withdrawal_proof';

export interface User {
  id: number;
  username: string;
  displayName: string;
  role: string;
  workerId: number | null;
  mustChangePassword: boolean;
}

export interface Worker {
  id: number;
  name: string;
  idNumberMasked: string;
  gender: 'M' | 'F' | null;
  birthYear?: number | null;
  phone: string;
  organizationId: number;
  level2Id: number;
  jobTitle: string;
  isUnionMember: boolean;
  isFrontline: boolean;
  /** R9a: where the worker stands with its unit's latest member roster (`none`: no roster yet). */
  rosterStatus?: 'verified' | 'dues_unpaid' | 'dropped' | 'none';
  isMigrant: boolean;
  isHardship: boolean;
  isKeyIndustry: boolean;
  bankName: string | null;
  bankCardMasked: string | null;
  benefitCardMasked: string | null;
}

export interface Organization {
  id: number;
  name: string;
  kind: string;
  level: number;
  unitName: string | null;
  duesPaid: boolean;
}

export interface Round {
  id: number;
  name: string;
  intakeTerm: string;
  opensOn: string;
  closesOn: string;
  processAmountFen: number;
  resultAmountFen: number;
  plannedPlaces: number;
  graduationDeadline: string;
}

export interface Institution {
  id: number;
  name: string;
  reductionPolicy: string;
  contact: string | null;
  active: boolean;
}

export interface Application {
  id: number;
  roundId: number;
  workerId: number;
  organizationId: number;
  institutionId: number | null;
  educationLevel: EducationLevel | null;
  major: string | null;
  studyMode: StudyMode | null;
  enrolledOn: string | null;
  admissionNo: string | null;
  status: Status;
  currentStep: number | null;
  submittedAt: string | null;
  decidedAt: string | null;
  graduatedOn: string | null;
  graduationVerifiedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentRow {
  id: number;
  applicationId: number;
  kind: DocumentKind;
  fileName: string;
  mimeType: string;
  size: number;
  createdAt: string;
}

export interface Payment {
  id: number;
  applicationId: number;
  stage: 'process' | 'result';
  source: 'city' | 'matching';
  amountFen: number;
  channel: 'direct' | 'agency';
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  paidAt: string | null;
  reference: string | null;
  createdAt: string;
}

export interface Appeal {
  id: number;
  applicationId: number;
  subject: 'review' | 'payment';
  content: string;
  response: string | null;
  status: 'open' | 'answered' | 'upheld' | 'closed';
  dueOn: string;
  createdAt: string;
  respondedAt: string | null;
}

export type { Timeline, TimelineEntry } from '../../../server/domain/timeline-words';

export interface Review {
  id: number;
  applicationId: number;
  step: 1 | 2 | 3;
  organizationId: number;
  decision: 'approve' | 'reject' | 'return';
  resultStatus: Status;
  comment: string;
  createdAt: string;
}

/** A message of the outbox as its recipient reads it: the template's code and its text in both languages. */
export interface Message {
  id: number;
  template: string;
  params: Record<string, string | number>;
  applicationId: number | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
  text: { zh: string; en: string };
}
