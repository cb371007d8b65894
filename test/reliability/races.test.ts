import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorker } from '../helpers/fixtures';
import { fixtureServer, type FixtureServer } from './helpers';

/**
 * Races over real HTTP against the real server process: racing requests on one connection each,
 * not interleaved calls inside one test process.
 */
let fx: FixtureServer;
const N = 50,
  PLACES = 10;
const appIds: number[] = [];

beforeAll(async () => {
  fx = await fixtureServer((env, f) => {
    // 50 applications waiting for the city, submitted one second apart, ids in another order than time;
    // their enrollment reports accepted, so that money may move for them once approved (R2).
    const ins = env.db.$client
      .prepare(`insert into applications (round_id, worker_id, organization_id, level2_id, institution_id, education_level,
      major, study_mode, enrolled_on, status, current_step, submitted_at, enrollment_verified_at, created_at, updated_at)
      values (?, ?, ?, ?, ?, 'associate', '机械制造', 'part_time', '2026-09-01', 'org_approved', 3, ?, ?, ?, ?)`);
    const order = Array.from({ length: N }, (_, i) => (i * 17) % N); // a permutation of 0..49
    for (let i = 0; i < N; i++) {
      const w = addWorker(env.db, env.pii, 5000 + i, f.unit1);
      const at = new Date(Date.UTC(2026, 10, 1, 2, 0, order[i])).toISOString();
      appIds.push(
        Number(ins.run(f.open.id, w.id, f.unit1.id, f.wuhua.id, f.ynou.id, at, at, at, at).lastInsertRowid),
      );
    }
    env.db.$client
      .prepare('update quotas set places = ? where round_id = ? and organization_id = ?')
      .run(PLACES, f.open.id, f.wuhua.id);
  });
}, 60_000);

afterAll(async () => {
  await fx?.server.stop();
});

describe('races against the real server', () => {
  it(`R7: ${N} concurrent city approvals against a quota of ${PLACES} approve exactly the ${PLACES} earliest submissions`, async () => {
    const city = fx.as('city');
    const shuffled = [...appIds].sort(() => Math.random() - 0.5);
    const answers = await Promise.all(
      shuffled.map((id) => city.post(`/api/applications/${id}/review`, { decision: 'approve', comment: '' })),
    );
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const rows = fx.read<{ id: number; status: string; submitted_at: string }>(
      'select id, status, submitted_at from applications where id in (select value from json_each(?)) order by submitted_at, id',
      JSON.stringify(appIds),
    );
    expect(rows.slice(0, PLACES).map((r) => r.status)).toEqual(Array(PLACES).fill('approved'));
    expect(rows.slice(PLACES).map((r) => r.status)).toEqual(Array(N - PLACES).fill('waitlisted'));
    const integrity = await city.get('/api/integrity');
    expect(integrity.body).toEqual({ ok: true, problems: [] });
  });

  it('the same pay with one Idempotency-Key sent 100 times at once makes one payment, and every answer is the same', async () => {
    const city = fx.as('city');
    const wuhua = fx.as('wuhua');
    const created = await city.post('/api/allocations', {
      roundId: fx.f.open.id,
      organizationId: fx.f.wuhua.id,
      stage: 'process',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await city.post(`/api/allocations/${created.body.id}/transfer`)).status).toBe(200);
    const received = await wuhua.post(`/api/allocations/${created.body.id}/receive`);
    expect(received.body.result.payments).toBe(PLACES);
    const [payment] = fx.read<{ id: number }>(
      `select id from payments where allocation_id = ? and source = 'city' order by id limit 1`,
      created.body.id,
    );

    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        wuhua.post(
          `/api/payments/${payment.id}/pay`,
          { reference: 'WH-RACE-1' },
          { 'Idempotency-Key': 'race-key-1' },
        ),
      ),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(fx.read(`select status, reference from payments where id = ?`, payment.id)).toEqual([
      { status: 'paid', reference: 'WH-RACE-1' },
    ]);
    expect(
      fx.read(
        `select count(*) n from audit_log where resource = 'payments' and record_id = ? and action = 'pay'`,
        payment.id,
      ),
    ).toEqual([{ n: 1 }]);

    const other = await wuhua.post(
      `/api/payments/${payment.id}/pay`,
      { reference: 'WH-RACE-2' },
      { 'Idempotency-Key': 'race-key-1' },
    );
    expect(other.status).toBe(422);
    expect(other.body.errors['Idempotency-Key']).toBeTruthy();
    expect(fx.read(`select status, reference from payments where id = ?`, payment.id)).toEqual([
      { status: 'paid', reference: 'WH-RACE-1' },
    ]);
    expect((await city.get('/api/integrity')).body.ok).toBe(true);
  });
});
