import { expect } from 'vitest';
import type { Db } from '../../db/client';
import type { Pii } from '../../server/lib/pii';
import type { Client } from './app';
import { addWorker } from './fixtures';
import { decide, submitted, upload } from './flow';

/**
 * A worker's application taken through all three review steps (or two, for a `direct` union), with
 * its enrollment verification report uploaded and accepted by the city (R2: money waits for it)
 * unless `verified` is false.
 */
export async function approvedViaApi(
  worker: Client,
  roundId: number,
  reviewers: Client[],
  opts: { verified?: boolean } = {},
): Promise<number> {
  const id = await submitted(worker, roundId);
  for (const r of reviewers) {
    const res = await decide(r, id, 'approve');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  if (opts.verified !== false) await enrollmentVerified(worker, reviewers.at(-1)!, id);
  return id;
}

/** R2/R12: the worker uploads the enrollment verification report and a reviewer accepts it. */
export async function enrollmentVerified(worker: Client, reviewer: Client, id: number): Promise<void> {
  expect((await upload(worker, id, 'enrollment_report')).status).toBe(201);
  const res = await reviewer.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/**
 * Many approved applications at once, written straight into the tables as the review would leave
 * them (new workers, one each): for volume tests where the review itself is not under test.
 */
export function approvedInBulk(
  db: Db,
  pii: Pii,
  o: {
    n: number;
    roundId: number;
    unit: { id: number; level2Id: number | null };
    from?: number;
    institutionId?: number;
    quota?: boolean;
    status?: 'approved' | 'waitlisted';
  },
): number[] {
  const ids: number[] = [];
  const ins = db.$client
    .prepare(`insert into applications (round_id, worker_id, organization_id, level2_id, institution_id, education_level, major,
    study_mode, enrolled_on, status, submitted_at, decided_at, enrollment_verified_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, 'associate', '机械制造', 'part_time', '2019-09-01', ?, ?, ?, ?, ?, ?)`);
  db.$client.transaction(() => {
    for (let i = 0; i < o.n; i++) {
      const w = addWorker(db, pii, (o.from ?? 10_000) + i, o.unit);
      const at = new Date(Date.UTC(2019, 10, 12) + ((o.from ?? 10_000) + i) * 1000).toISOString();
      ids.push(
        Number(
          ins.run(
            o.roundId,
            w.id,
            o.unit.id,
            o.unit.level2Id,
            o.institutionId ?? 1,
            o.status ?? 'approved',
            at,
            at,
            at,
            at,
            at,
          ).lastInsertRowid,
        ),
      );
    }
    if (o.quota !== false && (o.status ?? 'approved') === 'approved') {
      db.$client
        .prepare('update quotas set places = places + ? where round_id = ? and organization_id = ?')
        .run(o.n, o.roundId, o.unit.level2Id);
    }
  })();
  return ids;
}

/** City allocates, transfers; the union receives. Answers the allocation and the payments it created. */
export async function allocateAndReceive(
  city: Client,
  union: Client,
  body: { roundId: number; organizationId: number; stage: 'process' | 'result' },
) {
  const created = await city.post('/api/allocations', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const t = await city.post(`/api/allocations/${created.body.id}/transfer`);
  expect(t.status, JSON.stringify(t.body)).toBe(200);
  const r = await union.post(`/api/allocations/${created.body.id}/receive`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as {
    id: number;
    amountFen: number;
    applicationCount: number;
    status: string;
    result: { payments: number; matching: number; skipped: number[] };
  };
}

export function paymentsOf(db: Db, applicationId: number) {
  return db.$client
    .prepare(
      `select id, stage, source, status, channel, payer_organization_id payer, amount_fen amountFen, reissue_of reissueOf
    from payments where application_id = ? order by id`,
    )
    .all(applicationId) as {
    id: number;
    stage: string;
    source: string;
    status: string;
    channel: string;
    payer: number;
    amountFen: number;
    reissueOf: number | null;
  }[];
}

export const statusOf = (db: Db, applicationId: number) =>
  (
    db.$client.prepare('select status from applications where id = ?').get(applicationId) as {
      status: string;
    }
  ).status;
