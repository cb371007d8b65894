import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, GetListParams, GetListResult, Identifier, RaRecord } from 'react-admin';
import type {
  AllocationPreview,
  BalanceRow,
  BankImportResult,
  BulkReviewResult,
  ClaimCode,
  Decision,
  DocumentKind,
  Integrity,
  QuotaProposal,
  RosterResult,
  OtherApplication,
  Stage,
  StatsOverview,
  Timeline,
} from './apiTypes';
import {
  API_URL,
  getFile,
  getJson,
  httpClient,
  postForm,
  postFormWithProgress,
  postJson,
  type CallOptions,
} from './http';
import { listLocally } from './listLocally';

export type { Decision, DocumentKind } from './apiTypes';

const base = simpleRestProvider(API_URL, httpClient);

/** The server's page cap (server/lib/ra-list.ts MAX_PAGE): an export pages through in steps of this. */
export const MAX_PAGE = 500;

/**
 * A workflow action is its own endpoint (`POST /api/{resource}/{id}/{name}`), never a generic
 * update of a status field: the server runs the check and the write in one transaction.
 */
function action<T = RaRecord>(
  resource: string,
  id: Identifier,
  name: string,
  body?: unknown,
  opts?: CallOptions,
): Promise<T> {
  return postJson<T>(`${resource}/${id}/${name}`, body, opts);
}

async function uploadDocument(applicationId: Identifier, kind: DocumentKind, file: File): Promise<RaRecord> {
  // Multipart, not JSON: simple-rest would stringify the File away.
  const form = new FormData();
  form.append('applicationId', String(applicationId));
  form.append('kind', kind);
  form.append('file', file);
  return postForm<RaRecord>('documents', form);
}

const query = (params: Record<string, unknown>) =>
  new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** `GET /api/balances` takes only `?roundId=`: the rest of a list query is applied here. */
async function balancesList(params: GetListParams): Promise<GetListResult<BalanceRow>> {
  const { roundId, ...rest } = params.filter ?? {};
  const rows = await getJson<BalanceRow[]>(`balances?${query({ roundId })}`);
  return listLocally(rows, { ...params, filter: rest });
}

const getList = ((resource: string, params: GetListParams) =>
  resource === 'balances' ? balancesList(params) : base.getList(resource, params)) as DataProvider['getList'];

/** Every record of a filtered list, page by page (the server caps a page at 500). */
async function fetchAll<T extends RaRecord = RaRecord>(
  resource: string,
  params: { filter?: Record<string, unknown>; sort?: { field: string; order: 'ASC' | 'DESC' } },
  limit = 50_000,
): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; ; page++) {
    const { data, total } = await getList<T>(resource, {
      pagination: { page, perPage: MAX_PAGE },
      sort: params.sort ?? { field: 'id', order: 'ASC' },
      filter: params.filter ?? {},
    });
    out.push(...data);
    if (data.length < MAX_PAGE || out.length >= (total ?? 0) || out.length >= limit) return out;
  }
}

export const dataProvider = {
  ...base,
  getList,
  action,
  fetchAll,
  // applications
  submit: (id: Identifier) => action('applications', id, 'submit'),
  withdraw: (id: Identifier) => action('applications', id, 'withdraw'),
  review: (
    id: Identifier,
    body: {
      decision: Decision;
      comment: string;
      attest?: { member: boolean; frontline: boolean; comment?: string };
    },
  ) => action('applications', id, 'review', body),
  bulkReview: (body: { ids: Identifier[]; decision: Decision; comment: string }) =>
    postJson<BulkReviewResult>('applications/review', body),
  dropout: (id: Identifier, body: { date: string; reason: string }, opts?: CallOptions) =>
    action('applications', id, 'dropout', body, opts),
  graduate: (id: Identifier, body: { date: string; documentId: Identifier }, opts?: CallOptions) =>
    action('applications', id, 'graduate', body, opts),
  verifyGraduation: (id: Identifier, body: { decision: Decision; comment: string }, opts?: CallOptions) =>
    action('applications', id, 'verify-graduation', body, opts),
  timeline: (id: Identifier) => getJson<Timeline>(`applications/${id}/timeline`),
  otherApplications: (id: Identifier) => getJson<OtherApplication[]>(`applications/${id}/others`),
  uploadDocument,
  // plan
  adjustQuota: (id: Identifier, body: { delta: number; reason: string }) =>
    action<RaRecord & { promoted: number[] }>('quotas', id, 'adjust', body),
  quotaProposal: (roundId: Identifier) => getJson<QuotaProposal>(`rounds/${roundId}/quota-proposal`),
  commitQuotas: (
    roundId: Identifier,
    body: { quotas: { organizationId: number; places: number }[]; reason: string },
  ) => postJson<QuotaProposal>(`rounds/${roundId}/quotas`, body),
  raisePlan: (id: Identifier, body: { delta: number; reason: string }) =>
    action<RaRecord & { plannedPlaces: number }>('rounds', id, 'raise-plan', body),
  // money (each with its Idempotency-Key)
  allocationPreview: (p: { roundId: Identifier; organizationId: Identifier; stage: Stage }) =>
    getJson<AllocationPreview>(`allocations/due?${query(p)}`),
  allocate: (body: { roundId: Identifier; organizationId: Identifier; stage: Stage }, opts?: CallOptions) =>
    postJson<RaRecord>('allocations', body, opts),
  transferAllocation: (id: Identifier, opts?: CallOptions) => action('allocations', id, 'transfer', {}, opts),
  receiveAllocation: (id: Identifier, opts?: CallOptions) => action('allocations', id, 'receive', {}, opts),
  pay: (id: Identifier, body: { reference: string }, opts?: CallOptions) =>
    action('payments', id, 'pay', body, opts),
  failPayment: (id: Identifier, body: { reason: string }, opts?: CallOptions) =>
    action('payments', id, 'fail', body, opts),
  reissuePayment: (id: Identifier, body: { cardUnchanged: boolean; note?: string }, opts?: CallOptions) =>
    action('payments', id, 'reissue', body, opts),
  payOwnPlaces: (body: { roundId: Identifier; stage: Stage }, opts?: CallOptions) =>
    postJson<{ payments: number; amountFen: number; applicationIds: number[] }>(
      'payments/own-places',
      body,
      opts,
    ),
  bankFile: (p: { roundId?: Identifier; stage?: Stage }) => getFile(`payments/bank-file?${query(p)}`),
  importBankFile: (file: File, opts?: CallOptions) => {
    const form = new FormData();
    form.append('file', file);
    return postForm<BankImportResult>('payments/bank-file', form, opts);
  },
  receiveRefund: (id: Identifier, body: { reference: string }, opts?: CallOptions) =>
    action('refunds', id, 'receive', body, opts),
  confirmRefund: (id: Identifier, opts?: CallOptions) => action('refunds', id, 'confirm', {}, opts),
  fileFundReturn: (
    body: { roundId: Identifier; stage: Stage; applicationIds: Identifier[]; report: string },
    opts?: CallOptions,
  ) => postJson<RaRecord>('fund-returns', body, opts),
  confirmFundReturn: (id: Identifier, opts?: CallOptions) => action('fund-returns', id, 'confirm', {}, opts),
  balances: (roundId?: Identifier) => getJson<BalanceRow[]>(`balances?${query({ roundId })}`),
  // appeals, people
  respondAppeal: (id: Identifier, body: { response: string; upheld: boolean }) =>
    action('appeals', id, 'respond', body),
  closeAppeal: (id: Identifier) => action('appeals', id, 'close'),
  revealWorker: (id: Identifier, field: 'idNumber' | 'bankCard' | 'benefitCard') =>
    getJson<{ id: number; field: string; value: string }>(`workers/${id}/reveal?field=${field}`),
  claimCodes: (workerIds?: number[]) => postJson<ClaimCode[]>('workers/claim-codes', { workerIds }),
  rosterTemplate: () => getFile('workers/import-template'),
  importRoster: (file: File, dryRun: boolean, onProgress: (percent: number | null) => void) => {
    const form = new FormData();
    form.append('file', file);
    form.append('dryRun', String(dryRun));
    return postFormWithProgress<RosterResult>('workers/import', form, onProgress);
  },
  resetPassword: (id: Identifier, password: string) => action('users', id, 'reset-password', { password }),
  // monitoring
  stats: (roundId?: Identifier | null) => getJson<StatsOverview>(`stats/overview?${query({ roundId })}`),
  integrity: () => getJson<Integrity>('integrity'),
  // messages
  readNotification: (id: Identifier) => action('notifications', id, 'read'),
  readAllNotifications: () => postJson<{ read: number }>('notifications/read-all', {}),
  retrySms: (id: Identifier) => action('notification-outbox', id, 'retry'),
  /** The last check and its time, without running one (null before the first). */
  lastIntegrity: () => getJson<Integrity | null>('integrity/last'),
} satisfies DataProvider;

export type AppDataProvider = typeof dataProvider;
