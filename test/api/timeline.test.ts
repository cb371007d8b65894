import { beforeEach, describe, expect, it } from 'vitest';
import { clockSweep, lapseSweep } from '../../server/resources/applications/progress';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { upload } from '../helpers/flow';
import { allocateAndReceive, approvedViaApi } from '../helpers/money';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
let city: Client, wuhua: Client, unit: Client;
const as = (u: string) => new Client(env).login(u);

beforeEach(async () => {
  env = testEnv();
  f = smallCity(env);
  [city, wuhua, unit] = await Promise.all([as('city'), as('wuhua'), as('wuhua-001')]);
});

type Entry = { event: string; by: { role: string; id?: number; name?: string; clerk?: string } } & Record<
  string,
  unknown
>;
const timelineOf = async (c: Client, id: number) => (await c.get(`/api/applications/${id}/timeline`)).body;
const entry = (tl: { entries: Entry[] }, event: string) =>
  tl.entries.filter((e) => e.event === event).at(-1)!;

describe('R14: the timeline speaks codes with the right actor', () => {
  it('an institution’s dropout names the institution, not the applicant', async () => {
    const id = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    const ynou = await as('ynou');
    const res = await ynou.post(`/api/applications/${id}/dropout`, {
      date: '2026-11-01',
      reason: '工作调动',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tl = await timelineOf(await as('worker1'), id);
    expect(entry(tl, 'dropout')).toMatchObject({
      by: { role: 'institution', id: f.ynou.id, name: f.ynou.name },
      comment: '工作调动',
      status: 'dropped_out',
    });
    // the worker sees no clerk's name; staff do
    expect(entry(tl, 'dropout').by.clerk).toBeUndefined();
    expect(entry(await timelineOf(city, id), 'dropout').by.clerk).toBeTruthy();
    expect(tl.next).toEqual({ code: 'appeal' });
  });

  it('the lapse is the system’s sweep; the union that paid is named on the payment, amounts in fen', async () => {
    const id = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    let tl = await timelineOf(city, id);
    expect(tl.next).toEqual({ code: 'awaitPayment', stage: 'process', amountFen: 50_000 });
    env.clock.set(`${f.open.graduationDeadline}T16:30:00Z`);
    expect(lapseSweep(env.db, env.clock.now)).toEqual([id]);
    tl = await timelineOf(await as('city'), id);
    expect(entry(tl, 'lapse')).toMatchObject({ by: { role: 'system' }, status: 'lapsed' });
    expect(entry(tl, 'payment')).toMatchObject({
      by: { role: 'union', id: f.wuhua.id, name: f.wuhua.name },
      payment: { stage: 'process', source: 'city', amountFen: 50_000, status: 'cancelled' },
    });
    // nothing in the answer is a sentence: no Han characters outside names and comments
    const bare = JSON.stringify(tl, (k, v) => (k === 'name' || k === 'clerk' || k === 'comment' ? '' : v));
    expect(bare).not.toMatch(/\p{Script=Han}/u);
  });

  it('a refused graduation check shows the decision, and no wait for the result subsidy after it', async () => {
    const id = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    const pay = (
      await wuhua.get(`/api/payments?filter=${encodeURIComponent(JSON.stringify({ applicationId: id }))}`)
    ).body[0];
    expect((await wuhua.post(`/api/payments/${pay.id}/pay`, { reference: 'WH-1' })).status).toBe(200);
    env.clock.set('2029-07-01T02:00:00Z');
    clockSweep(env.db, env.clock.now);
    const worker = await as('worker1');
    city = await as('city');
    const doc = await upload(worker, id, 'graduation_record');
    expect(
      (await worker.post(`/api/applications/${id}/graduate`, { date: '2029-06-30', documentId: doc.body.id }))
        .status,
    ).toBe(200);
    expect((await timelineOf(worker, id)).next).toEqual({ code: 'awaitGraduationCheck' });
    const v = await city.post(`/api/applications/${id}/verify-graduation`, {
      decision: 'reject',
      comment: '备案表姓名与身份证不一致',
    });
    expect(v.status, JSON.stringify(v.body)).toBe(200);
    const tl = await timelineOf(worker, id);
    expect(entry(tl, 'verify-graduation')).toMatchObject({
      by: { role: 'city', id: f.city.id },
      decision: 'reject',
      comment: '备案表姓名与身份证不一致',
    });
    expect(tl.next).toEqual({ code: 'redoGraduation' });
  });

  it('a payment through the workers’ school names the school', async () => {
    expect(
      (
        await city.post('/api/agency-agreements', {
          organizationId: f.wuhua.id,
          agentOrganizationId: f.school.id,
          agreementNo: 'DF-1',
          startsOn: '2020-01-01',
          endsOn: '2035-12-31',
          stages: 'process,result',
        })
      ).status,
    ).toBe(201);
    const id = await approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    const tl = await timelineOf(await as('worker1'), id);
    expect(entry(tl, 'payment').by).toEqual({ role: 'school', id: f.school.id, name: f.school.name });
  });
});
