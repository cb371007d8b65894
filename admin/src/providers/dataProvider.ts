import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { API_URL, apiUrl, getJson, httpClient, postJson } from './http';

export type Decision = 'approve' | 'reject' | 'return';
export type DocumentKind =
  | 'application_form' | 'id_card' | 'admission_notice' | 'tuition_receipt'
  | 'enrollment_report' | 'graduation_record' | 'withdrawal_proof';

const base = simpleRestProvider(API_URL, httpClient);

/**
 * A workflow action is its own endpoint (`POST /api/{resource}/{id}/{name}`), never a generic
 * update of a status field: the server runs the check and the write in one transaction.
 */
function action<T = RaRecord>(resource: string, id: Identifier, name: string, body?: unknown): Promise<T> {
  return postJson<T>(`${resource}/${id}/${name}`, body);
}

async function uploadDocument(applicationId: Identifier, kind: DocumentKind, file: File): Promise<RaRecord> {
  // Multipart, not JSON: simple-rest would stringify the File away.
  const form = new FormData();
  form.append('applicationId', String(applicationId));
  form.append('kind', kind);
  form.append('file', file);
  const { json } = await httpClient(apiUrl('documents'), { method: 'POST', body: form });
  return json as RaRecord;
}

export const dataProvider = {
  ...base,
  action,
  // applications
  submit: (id: Identifier) => action('applications', id, 'submit'),
  withdraw: (id: Identifier) => action('applications', id, 'withdraw'),
  review: (id: Identifier, body: { decision: Decision; comment: string }) => action('applications', id, 'review', body),
  dropout: (id: Identifier, body: { date: string; reason: string }) => action('applications', id, 'dropout', body),
  graduate: (id: Identifier, body: { date: string; documentId: Identifier }) => action('applications', id, 'graduate', body),
  verifyGraduation: (id: Identifier, body: { decision: Decision; comment: string }) =>
    action('applications', id, 'verify-graduation', body),
  timeline: (id: Identifier) => getJson<RaRecord[]>(`applications/${id}/timeline`),
  uploadDocument,
  // money
  adjustQuota: (id: Identifier, body: { delta: number; reason: string }) => action('quotas', id, 'adjust', body),
  allocate: (body: { roundId: Identifier; organizationId: Identifier; stage: 'process' | 'result' }) =>
    postJson<RaRecord>('allocations', body),
  transferAllocation: (id: Identifier) => action('allocations', id, 'transfer'),
  receiveAllocation: (id: Identifier) => action('allocations', id, 'receive'),
  pay: (id: Identifier, body: { reference: string }) => action('payments', id, 'pay', body),
  failPayment: (id: Identifier, body: { reason: string }) => action('payments', id, 'fail', body),
  confirmRefund: (id: Identifier) => action('refunds', id, 'confirm'),
  confirmFundReturn: (id: Identifier) => action('fund-returns', id, 'confirm'),
  // appeals, people
  respondAppeal: (id: Identifier, body: { response: string }) => action('appeals', id, 'respond', body),
  closeAppeal: (id: Identifier) => action('appeals', id, 'close'),
  revealWorker: (id: Identifier, field: 'idNumber' | 'bankCard' | 'benefitCard') =>
    getJson<{ id: number; field: string; value: string }>(`workers/${id}/reveal?field=${field}`),
  resetPassword: (id: Identifier, password: string) => action('users', id, 'reset-password', { password }),
  // monitoring
  stats: (roundId?: Identifier) => getJson<Record<string, unknown>>(`stats/overview${roundId ? `?roundId=${roundId}` : ''}`),
  integrity: () => getJson<{ ok: boolean; problems: { invariant: string; detail: string }[] }>('integrity'),
} satisfies DataProvider;

export type AppDataProvider = typeof dataProvider;
