import { beforeEach, describe, expect, it } from 'vitest';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
const as = (u: string) => new Client(env).login(u);

beforeEach(() => {
  env = testEnv();
  f = smallCity(env);
});

/** A PUT names the fields it changes: the fields it leaves out keep what the record holds. */
describe('partial updates', () => {
  it('R9a/b, R10: changing a worker’s job title keeps its attestation and priority flags', async () => {
    const unit = await as('wuhua-001');
    const id = f.workers[0].id;
    env.db.$client.prepare('update workers set is_migrant = 1, is_hardship = 1 where id = ?').run(id);
    const before = (await unit.get(`/api/workers/${id}`)).body;
    expect(before).toMatchObject({
      isUnionMember: true,
      isFrontline: true,
      isMigrant: true,
      isHardship: true,
    });
    const res = await unit.put(`/api/workers/${id}`, { jobTitle: '焊工班长' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await unit.get(`/api/workers/${id}`)).body).toMatchObject({
      jobTitle: '焊工班长',
      isUnionMember: true,
      isFrontline: true,
      isMigrant: true,
      isHardship: true,
      attestedAt: before.attestedAt,
    });
  });

  it('R8: changing a policy’s places keeps its note; R3: changing an agreement’s end keeps its stages and state', async () => {
    const wuhua = await as('wuhua');
    const made = await wuhua.post('/api/matching-policies', {
      roundId: f.open.id,
      mode: 'two_stage',
      processAmountFen: 30_000,
      resultAmountFen: 30_000,
      note: '五华区配套',
    });
    expect((await wuhua.put(`/api/matching-policies/${made.body.id}`, { extraPlaces: 2 })).status).toBe(200);
    expect((await wuhua.get(`/api/matching-policies/${made.body.id}`)).body).toMatchObject({
      note: '五华区配套',
      extraPlaces: 2,
    });

    const city = await as('city');
    const g = await city.post('/api/agency-agreements', {
      organizationId: f.wuhua.id,
      agentOrganizationId: f.school.id,
      agreementNo: 'DF-PARTIAL',
      startsOn: '2020-01-01',
      endsOn: '2030-12-31',
      stages: 'process',
      active: false,
    });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    expect((await city.put(`/api/agency-agreements/${g.body.id}`, { endsOn: '2031-12-31' })).status).toBe(
      200,
    );
    expect((await city.get(`/api/agency-agreements/${g.body.id}`)).body).toMatchObject({
      endsOn: '2031-12-31',
      stages: 'process',
      active: false,
    });
  });
});
