import type { Identifier } from 'react-admin';

/** Shapes of the API's non-CRUD answers (server/resources/*), as the panel reads them. */

export type Decision = 'approve' | 'reject' | 'return';
export type Stage = 'process' | 'result';
export type DocumentKind =
  | 'application_form'
  | 'id_card'
  | 'admission_notice'
  | 'tuition_receipt'
  | 'enrollment_report'
  | 'graduation_record'
  | 'withdrawal_proof';

export type { Timeline, TimelineEntry } from '../../../server/domain/timeline-words';

export interface OtherApplication {
  id: number;
  roundId: number;
  educationLevel: string | null;
  status: string;
}

export interface BulkReviewResult {
  succeeded: number;
  failed: number;
  results: { id: number; ok: boolean; status: string | number; message?: string }[];
}

export interface AllocationPreview {
  roundId: number;
  organizationId: number;
  stage: Stage;
  applicationCount: number;
  amountFen: number;
  applicationIds: number[];
  /** The same applications with their workers and grassroots unions. */
  applications: {
    applicationId: number;
    workerName: string;
    organizationId: number;
    organizationName: string;
  }[];
}

export interface BankImportResult {
  paid: number;
  failed: number;
  unchanged: number;
}

/** `POST /api/workers/import` (R9a): what a member roster changes; `rows` with `dryRun`. */
export interface RosterRefusal {
  row: number;
  field: string;
  message: string;
  rule?: string;
}
export interface RosterPreviewRow {
  row: number;
  status: 'new' | 'changed' | 'unchanged' | 'refused' | 'dropped';
  name: string;
  idNumberMasked: string;
  unit: string;
  changes?: string[];
}
export interface RosterResult {
  created: number;
  updated: number;
  unchanged: number;
  dropped: number;
  refused: RosterRefusal[];
  rows?: RosterPreviewRow[];
}

/** `POST /api/workers/claim-codes`: one line of the sign-up sheet. */
export interface ClaimCode {
  workerId: number;
  name: string;
  idNumberMasked: string;
  code: string;
  expiresAt: string;
}

/** `GET /api/rounds/{id}/quota-proposal` (R18). */
export interface QuotaProposal {
  roundId: number;
  plannedPlaces: number;
  unions: {
    organizationId: number;
    name: string;
    members: number;
    applications: number;
    uptake: number;
    proposed: number;
    current: number | null;
    used: number;
  }[];
}

export interface BalanceRow {
  id: Identifier;
  roundId: number;
  organizationId: number | null;
  stage: Stage;
  budgetedFen: number;
  allocatedFen: number;
  transferredFen: number;
  receivedFen: number;
  paidFen: number;
  pendingFen: number;
  failedFen: number;
  refundedFen: number;
  returnedFen: number;
  heldFen: number;
  refundsOutstandingFen: number;
  returnsOutstandingFen: number;
  matchingPaidFen: number;
  matchingPendingFen: number;
}

export interface UnionStats {
  id: number;
  name: string;
  submitted: number;
  approved: number;
  rejected: number;
  waitlisted: number;
  droppedOut: number;
  processPaid: number;
  completed: number;
  places: number | null;
  cityUsed: number;
  /** R18: what the quota proposal gave, when the quotas were committed from one. */
  proposed?: number | null;
  approvalRate: number | null;
  dropoutRate: number | null;
  completionRate: number | null;
  quotaUse: number | null;
}
export interface InstitutionStats {
  id: number;
  name: string;
  approved: number;
  droppedOut: number;
  processPaid: number;
  completed: number;
  dropoutRate: number | null;
  completionRate: number | null;
}
export interface StatsOverview {
  roundId: number | null;
  scope: 'city' | 'union';
  funnel: {
    submitted: number;
    unitApproved: number;
    approved: number;
    processPaid: number;
    graduated: number;
    completed: number;
  };
  byStatus: { status: string; n: number }[];
  unions: UnionStats[];
  institutions: InstitutionStats[];
  ranking: {
    rank: number | null;
    id: number;
    name: string;
    completionRate: number | null;
    approved: number;
  }[];
  turnaround: { step: number; reviews: number; medianDays: number | null }[];
  money: {
    budgetedFen: number | null;
    /** Null for a grassroots clerk: the district's money is not its to see. */
    allocatedFen: number | null;
    receivedFen: number | null;
    paidFen: number;
    paidProcessFen: number;
    paidResultFen: number;
    pendingFen: number;
    failedFen: number;
    refundedFen: number;
    returnedFen: number | null;
    heldFen: number | null;
    matchingPaidFen: number;
  };
  priority: {
    total: number;
    migrant: number | null;
    hardship: number | null;
    keyIndustry: number | null;
    frontline: number | null;
  };
  overdueAppeals: number;
  /** R18: the city's plan beside its quotas and what fills them; null for a union's staff. */
  plan?: { plannedPlaces: number; quotaSum: number; used: number; waitlisted: number } | null;
}

export interface Integrity {
  ok: boolean;
  problems: { invariant: string; detail: string }[];
  /** When the server ran the check. */
  checkedAt: string;
}
