import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { clockSweep } from '../../server/resources/applications/progress';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { upload } from '../helpers/flow';
import { allocateAndReceive, approvedInBulk, approvedViaApi, paymentsOf, statusOf } from '../helpers/money';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
const as = (u: string) => new Client(env).login(u);
const integrityOk = () => expect(checkIntegrity(env.db, env.clock.now())).toEqual({ ok: true, problems: [] });
let city: Client, wuhua: Client, unit: Client;

/** One city place for 五华区; the union funds one more place itself (增加资助人数) at 600 + 900 元. */
beforeEach(async () => {
  env = testEnv();
  f = smallCity(env, { places: 1 });
  [city, wuhua, unit] = await Promise.all([as('city'), as('wuhua'), as('wuhua-001')]);
});

const policy = (extraPlaces: number, mode = 'two_stage', resultAmountFen = 90_000) =>
  wuhua.post('/api/matching-policies', {
    roundId: f.open.id,
    mode,
    processAmountFen: 60_000,
    resultAmountFen,
    extraPlaces,
    note: '五华区总工会增加资助人数',
  });

const fundedBy = (id: number) =>
  (env.db.$client.prepare('select funded_by f from applications where id = ?').get(id) as { f: string }).f;

describe('R8: places a union funds itself', () => {
  it('R8: with the city quota full, the next approval takes the union’s own place, and the city’s quota counts only its own', async () => {
    expect((await policy(1)).status).toBe(201);
    const first = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    const second = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    expect([statusOf(env.db, first), fundedBy(first)]).toEqual(['approved', 'city']);
    expect([statusOf(env.db, second), fundedBy(second)]).toEqual(['approved', 'union']);
    // the city's quota still says 1 of 1: the union's place is not the city's
    const quota = (await city.get('/api/quotas')).body.find(
      (q: { organizationId: number }) => q.organizationId === f.wuhua.id,
    );
    expect(quota.used).toBe(1);
    integrityOk();
  });

  it('R8: a union-funded application is paid only by its union, in both stages, and moves along as the city’s money would', async () => {
    await policy(1);
    const first = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    const own = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    // the city's allocation covers only its own place
    const al = await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    expect(al.applicationCount).toBe(1);
    expect(paymentsOf(env.db, first).map((p) => [p.source, p.amountFen])).toEqual([
      ['city', 50_000],
      ['matching', 60_000],
    ]);
    expect(paymentsOf(env.db, own)).toEqual([]);
    // the worker is told the union's amount is what comes next, not the city's
    const tl = (await (await as('worker2')).get(`/api/applications/${own}/timeline`)).body;
    expect(tl.next).toMatchObject({ code: 'awaitPayment', stage: 'process', amountFen: 60_000 });

    const made = await wuhua.post('/api/payments/own-places', { roundId: f.open.id, stage: 'process' });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body).toMatchObject({ payments: 1, amountFen: 60_000, applicationIds: [own] });
    // a second click finds nothing left to pay
    const again = await wuhua.post('/api/payments/own-places', { roundId: f.open.id, stage: 'process' });
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('R8');
    // the bank sheet says whose place it is
    const sheet = await env.app.request('/api/payments/bank-file', { headers: { cookie: wuhua.cookie } });
    expect(sheet.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await sheet.arrayBuffer());
    const purposes = wb.worksheets[0].getColumn(8).values.map(String);
    expect(purposes.some((v) => v.includes('本会名额过程资助'))).toBe(true);
    expect(purposes.some((v) => v.includes('配套过程资助'))).toBe(true);
    const [p] = paymentsOf(env.db, own);
    expect(p).toMatchObject({ source: 'matching', amountFen: 60_000, channel: 'direct', payer: f.wuhua.id });
    const paid = await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-OWN-1' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(statusOf(env.db, own)).toBe('process_paid');
    integrityOk();

    // graduation: the union pays its result subsidy, the application completes
    env.clock.set('2029-07-01T02:00:00Z');
    clockSweep(env.db, env.clock.now);
    [city, wuhua] = await Promise.all([as('city'), as('wuhua')]);
    const worker2 = await as('worker2');
    const doc = await upload(worker2, own, 'graduation_record');
    const g = await worker2.post(`/api/applications/${own}/graduate`, {
      date: '2029-06-30',
      documentId: doc.body.id,
    });
    expect(g.status, JSON.stringify(g.body)).toBe(200);
    expect(
      (await city.post(`/api/applications/${own}/verify-graduation`, { decision: 'approve' })).status,
    ).toBe(200);
    // the city has nothing to allocate for it
    expect(
      (
        await city.post('/api/allocations', {
          roundId: f.open.id,
          organizationId: f.wuhua.id,
          stage: 'result',
        })
      ).status,
    ).toBe(422);
    const result = await wuhua.post('/api/payments/own-places', { roundId: f.open.id, stage: 'result' });
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    expect(result.body.amountFen).toBe(90_000);
    const r = paymentsOf(env.db, own).find((x) => x.stage === 'result')!;
    expect((await wuhua.post(`/api/payments/${r.id}/pay`, { reference: 'WH-OWN-2' })).status).toBe(200);
    expect(statusOf(env.db, own)).toBe('completed');
    expect(
      paymentsOf(env.db, own)
        .filter((x) => x.status === 'paid')
        .map((x) => [x.source, x.amountFen]),
    ).toEqual([
      ['matching', 60_000],
      ['matching', 90_000],
    ]);
    integrityOk();
  });

  it('R8: a freed city place goes to the waitlist first; a freed union place is filled from the waitlist too', async () => {
    await policy(1);
    const a = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    const b = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    expect(fundedBy(b)).toBe('union');
    // two more wait (written as the review would leave them)
    const [c, d] = approvedInBulk(env.db, env.pii, {
      n: 2,
      roundId: f.open.id,
      unit: f.unit1,
      status: 'waitlisted',
    });
    expect(statusOf(env.db, c)).toBe('waitlisted');
    // the union finds the city-funded one ineligible at payout and returns its money (R4)
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    const ret = await wuhua.post('/api/fund-returns', {
      roundId: f.open.id,
      stage: 'process',
      applicationIds: [a],
      report: '发放前核查：该职工已调任部门经理，不属于一线职工，资金退还市总工会。',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(201);
    expect(statusOf(env.db, a)).toBe('revoked');
    // the waiting one takes the freed city place
    expect([statusOf(env.db, c), fundedBy(c)]).toEqual(['approved', 'city']);
    expect(statusOf(env.db, d)).toBe('waitlisted');
    // the union-funded one drops out: the next waiting one takes the union's place
    const out = await wuhua.post(`/api/applications/${b}/dropout`, { date: '2026-11-19', reason: '未报到' });
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    expect([statusOf(env.db, d), fundedBy(d)]).toEqual(['approved', 'union']);
    integrityOk();
  });

  it('R8: the policy’s extra places are paid in two stages, never lowered below those taken, and the city pays none of them', async () => {
    const bad = await policy(1, 'process_only', 0);
    expect(bad.status).toBe(422);
    expect(bad.body.rule).toBe('R8');
    expect(bad.body.errors.extraPlaces).toBeTruthy();
    const made = await policy(2);
    await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    const lower = await wuhua.put(`/api/matching-policies/${made.body.id}`, { extraPlaces: 0 });
    expect(lower.status).toBe(422);
    expect(lower.body.rule).toBe('R8');
    expect((await wuhua.put(`/api/matching-policies/${made.body.id}`, { extraPlaces: 1 })).status).toBe(200);
    expect((await wuhua.request('DELETE', `/api/matching-policies/${made.body.id}`)).status).toBe(409);
    // the workers' school and the city cannot pay a union's own places
    expect(
      (await city.post('/api/payments/own-places', { roundId: f.open.id, stage: 'process' })).status,
    ).toBe(403);
    expect(
      (await unit.post('/api/payments/own-places', { roundId: f.open.id, stage: 'process' })).status,
    ).toBe(403);
    integrityOk();
  });

  it('R8: places a union adds are filled from the waitlist at once, earliest first', async () => {
    // the one city place is taken; two wait
    approvedInBulk(env.db, env.pii, { n: 1, roundId: f.open.id, unit: f.unit1, quota: false, from: 9_000 });
    const [early, late] = approvedInBulk(env.db, env.pii, {
      n: 2,
      roundId: f.open.id,
      unit: f.unit1,
      status: 'waitlisted',
    });
    const made = await policy(1);
    expect(made.status).toBe(201);
    expect([statusOf(env.db, early), fundedBy(early)]).toEqual(['approved', 'union']);
    expect(statusOf(env.db, late)).toBe('waitlisted');
    expect((await wuhua.put(`/api/matching-policies/${made.body.id}`, { extraPlaces: 2 })).status).toBe(200);
    expect([statusOf(env.db, late), fundedBy(late)]).toEqual(['approved', 'union']);
    integrityOk();
  });

  it('R8: the integrity check notices city money on a union-funded place', async () => {
    await policy(1);
    await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    const own = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    env.db.$client.prepare("update applications set funded_by = 'city' where id = ?").run(own);
    const broken = checkIntegrity(env.db, env.clock.now());
    expect(broken.problems.map((p) => p.invariant)).toContain(6);
    env.db.$client.prepare("update applications set funded_by = 'union' where id = ?").run(own);
    integrityOk();
  });
});
