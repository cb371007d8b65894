import { expect } from 'vitest';
import { REQUIRED_DOCUMENTS } from '../../server/domain/eligibility';
import type { Client } from './app';
import { PDF } from './fixtures';

export async function upload(
  client: Client,
  applicationId: number,
  kind: string,
  bytes: Uint8Array = PDF,
  name = 'scan.pdf',
) {
  const form = new FormData();
  form.set('applicationId', String(applicationId));
  form.set('kind', kind);
  form.set('file', new File([bytes as unknown as BlobPart], name));
  return client.request('POST', '/api/documents', form);
}

/** A complete draft with every required document, as a worker (or its unit admin) would make it. */
export async function draftWithDocuments(
  client: Client,
  roundId: number,
  extra: Record<string, unknown> = {},
) {
  const res = await client.post('/api/applications', {
    roundId,
    institutionId: 1,
    educationLevel: 'associate',
    major: '机械制造与自动化',
    studyMode: 'part_time',
    enrolledOn: '2026-09-01',
    ...extra,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  for (const kind of REQUIRED_DOCUMENTS) expect((await upload(client, res.body.id, kind)).status).toBe(201);
  return res.body.id as number;
}

export async function submitted(client: Client, roundId: number, extra: Record<string, unknown> = {}) {
  const id = await draftWithDocuments(client, roundId, extra);
  const res = await client.post(`/api/applications/${id}/submit`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return id;
}

export async function decide(
  client: Client,
  id: number,
  decision: 'approve' | 'reject' | 'return' = 'approve',
  comment = '',
) {
  const res = await client.post(`/api/applications/${id}/review`, { decision, comment });
  return res;
}
