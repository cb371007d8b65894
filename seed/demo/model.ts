/**
 * The rows of the demo city as the phases build them in memory. Rows that are numbered in time
 * order (applications, reviews, documents, money, appeals) carry `id: 0` until the phases are done.
 */
import type { Status } from '../../server/domain/lifecycle';
import type { InstitutionDef } from '../names';
import type { Sector } from '../units';

export type { Status };
export type Level = 'associate' | 'bachelor';
export type Stage = 'process' | 'result';

export interface Org {
  id: number;
  name: string;
  kind: string;
  level: number;
  parentId: number | null;
  path: string;
  level2Id: number | null;
  code: string;
  unitName: string | null;
  duesPaid: boolean;
  contactPhone: string;
  createdAt: string;
  /** Today's code of the place most of its local workers come from (area-codes.ts). */
  area: string;
  /** What the unit does (units.ts): its workers' posts follow; null for a union office. */
  sector: Sector | null;
}
export interface Inst {
  id: number;
  def: InstitutionDef;
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
  intakeFrom: string;
  intakeTo: string;
  processPayBy: string;
  waitlistClosesOn: string;
  minStudyMonths: number;
  graduationDeadline: string;
  createdAt: string;
}
export interface Quota {
  id: number;
  round: Round;
  org: Org;
  places: number;
}
export interface QuotaAdjustment {
  id: number;
  quota: Quota;
  delta: number;
  before: number;
  after: number;
  reason: string;
  at: Date;
}
export interface Worker {
  id: number;
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
  phone: string;
  org: Org;
  l2: Org;
  jobTitle: string;
  isUnionMember: boolean;
  isFrontline: boolean;
  isMigrant: boolean;
  isHardship: boolean;
  isKeyIndustry: boolean;
  bankName: string | null;
  bankCard: string | null;
  benefitCard: string | null;
  createdAt: string;
}
export interface User {
  id: number;
  username: string;
  displayName: string;
  role: string;
  organizationId: number | null;
  institutionId: number | null;
  workerId: number | null;
  mustChangePassword: boolean;
  createdAt: string;
}
export interface Agreement {
  id: number;
  organizationId: number;
  agentOrganizationId: number;
  agreementNo: string;
  startsOn: string;
  endsOn: string;
  stages: string;
  active: boolean;
  createdAt: string;
}
export interface MatchingPolicy {
  id: number;
  /** Index of the round in `rounds`. */
  round: number;
  org: Org;
  mode: string;
  processAmountFen: number;
  resultAmountFen: number;
  /** R8: places the union funds itself beyond its city quota. */
  extraPlaces: number;
  note: string;
  createdAt: string;
}
export interface App {
  id: number;
  /** Index of the round in `rounds`. */
  round: number;
  worker: Worker;
  org: Org;
  l2: Org;
  inst: Inst | null;
  educationLevel: Level | null;
  major: string | null;
  studyMode: string | null;
  enrolledOn: string | null;
  admissionNo: string | null;
  status: Status;
  currentStep: number | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  graduatedOn: string | null;
  graduationDoc: Doc | null;
  graduationVerifiedAt: Date | null;
  droppedOutOn: string | null;
  dropoutReason: string | null;
  enrollmentVerifiedAt?: Date | null;
  lateProcessApprovedAt?: Date | null;
  lateProcessReason?: string | null;
  revokedReason?: string | null;
  createdAt: Date;
  updatedAt: Date;
  tag: string;
  rejectStep?: number;
  appeal?: 'open';
  refund?: RefundStatus;
  /** R2: its enrolment report was uploaded in time to be accepted by `now` (money can move). */
  verified?: true;
  processPaid?: Payment;
}
export interface Review {
  app: App;
  step: number;
  organizationId: number;
  userId: number | null;
  decision: string;
  resultStatus: string;
  comment: string;
  at: Date;
  id: number;
}
export interface Doc {
  id: number;
  app: App;
  kind: string;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  at: Date;
}
export interface Allocation {
  id: number;
  round: Round;
  org: Org;
  stage: Stage;
  amountFen: number;
  apps: App[];
  status: 'created' | 'transferred' | 'received';
  createdAt: Date;
  transferredAt: Date | null;
  receivedAt: Date | null;
}
export interface Payment {
  id: number;
  app: App;
  allocation: Allocation | null;
  org: Org;
  stage: Stage;
  source: 'city' | 'matching';
  amountFen: number;
  channel: 'direct' | 'agency';
  payer: Org;
  status: 'pending' | 'paid' | 'failed' | 'cancelled';
  reference: string | null;
  failureReason: string | null;
  reissueOf: Payment | null;
  paidAt: Date | null;
  createdAt: Date;
  failedAt?: Date;
}
export type RefundStatus = 'expected' | 'received' | 'confirmed';
export interface Refund {
  id: number;
  app: App;
  payment: Payment;
  amountFen: number;
  status: RefundStatus;
  reference: string | null;
  receivedAt: Date | null;
  confirmedAt: Date | null;
  createdAt: Date;
}
export interface FundReturn {
  id: number;
  round: Round;
  org: Org;
  stage: Stage;
  amountFen: number;
  report: string;
  status: 'filed' | 'confirmed';
  confirmedAt: Date | null;
  createdAt: Date;
  items: Payment[];
}
export interface Appeal {
  id: number;
  app: App;
  subject: 'review' | 'payment';
  organizationId: number;
  reviewStep: number | null;
  content: string;
  response: string | null;
  status: string;
  dueOn: string;
  respondedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
}
/** An audit row to be; record and after are read once the rows have their ids. */
export interface AuditEvent {
  at: Date;
  action: string;
  resource: string;
  record: () => number;
  after: () => unknown;
}

/** A planned application before its life is written. */
export interface Spec {
  round: number;
  l2: Org;
  org?: Org;
  status: Status;
  tag?: string;
  rejectStep?: number;
  appeal?: 'open';
  worker?: Worker;
  level?: Level;
  inst?: string;
  refund?: RefundStatus;
  verified?: true;
}
