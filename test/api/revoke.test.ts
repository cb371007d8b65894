import { beforeEach, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { submitted } from '../helpers/flow';
import { allocateAndReceive, approvedViaApi, paymentsOf, statusOf } from '../helpers/money';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
const as = (u: string) => new Client(env).login(u);
let city: Client, wuhua: Client, unit: Client;

beforeEach(async () => {
  env = testEnv();
  f = smallCity(env, { places: 1 });
  [city, wuhua, unit] = await Promise.all([as('city'), as('wuhua'), as('wuhua-001')]);
});

const fileReturn = (applicationIds: number[]) =>
  wuhua.post('/api/fund-returns', {
    roundId: f.open.id,
    stage: 'process',
    applicationIds,
    report: '发放前核查发现该职工已调任部门经理，不属于一线职工，资金退还市总工会。',
  });

describe('R4: ineligible at payout', () => {
  it('R4: a fund return revokes the application: payments cancelled, place freed to the earliest waitlisted, level freed, the worker told', async () => {
    const worker1 = await as('worker1');
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city]);
    const waiting = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    expect(statusOf(env.db, waiting)).toBe('waitlisted');
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    expect(paymentsOf(env.db, id).map((p) => p.status)).toEqual(['pending']);

    const ret = await fileReturn([id]);
    expect(ret.status, JSON.stringify(ret.body)).toBe(201);
    expect(statusOf(env.db, id)).toBe('revoked');
    expect(paymentsOf(env.db, id).map((p) => p.status)).toEqual(['cancelled']);
    // R7: the freed place goes to the earliest waitlisted
    expect(statusOf(env.db, waiting)).toBe('approved');
    const row = env.db.$client.prepare('select revoked_reason r from applications where id = ?').get(id) as {
      r: string;
    };
    expect(row.r).toContain('部门经理');
    // the worker reads it in its timeline, with the reason
    const tl = (await worker1.get(`/api/applications/${id}/timeline`)).body;
    expect(tl.status).toBe('revoked');
    expect(tl.entries.some((e: { comment?: string }) => e.comment?.includes('部门经理'))).toBe(true);
    // R9e: the level is free again for the worker
    const again = await worker1.post('/api/applications', {
      roundId: f.open.id,
      educationLevel: 'associate',
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(checkIntegrity(env.db, env.clock.now())).toEqual({ ok: true, problems: [] });
    // the performance view counts it among those approved at some point
    const stats = (await city.get(`/api/stats/overview?roundId=${f.open.id}`)).body;
    expect(stats.funnel.approved).toBeGreaterThanOrEqual(2);
  });

  it('R4: a return of a dropout does not revoke it; a revoked application cannot be revoked twice', async () => {
    const id = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    expect(
      (await wuhua.post(`/api/applications/${id}/dropout`, { date: '2026-11-19', reason: '未报到' })).status,
    ).toBe(200);
    expect((await fileReturn([id])).status).toBe(201);
    expect(statusOf(env.db, id)).toBe('dropped_out');
    expect((await fileReturn([id])).status).toBe(422);
  });

  it('R4: a worker whose application is still in review is not touched by returns (nothing was allocated)', async () => {
    const worker1 = await as('worker1');
    const id = await submitted(worker1, f.open.id);
    const ret = await fileReturn([id]);
    expect(ret.status).toBe(422);
    expect(statusOf(env.db, id)).toBe('submitted');
    const list = await city.get(`/api/applications${q({ filter: { status: 'revoked' } })}`);
    expect(list.body).toEqual([]);
  });
});

describe('R8: the matching policy is public to the union’s workers', () => {
  it('R8: worker1 reads its union’s matching policy, and no other union’s', async () => {
    const made = await wuhua.post('/api/matching-policies', {
      roundId: f.open.id,
      mode: 'two_stage',
      processAmountFen: 30_000,
      resultAmountFen: 20_000,
      note: '五华区总工会配套资助',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const panlong = await as('panlong');
    const other = await panlong.post('/api/matching-policies', {
      roundId: f.open.id,
      mode: 'process_only',
      processAmountFen: 10_000,
      resultAmountFen: 0,
    });
    expect(other.status).toBe(201);
    const worker1 = await as('worker1');
    const mine = await worker1.get('/api/matching-policies');
    expect(mine.status).toBe(200);
    expect(mine.body.map((p: { id: number }) => p.id)).toEqual([made.body.id]);
    expect((await worker1.get(`/api/matching-policies/${other.body.id}`)).status).toBe(404);
    expect((await worker1.put(`/api/matching-policies/${made.body.id}`, { note: 'x' })).status).toBe(403);
  });
});
