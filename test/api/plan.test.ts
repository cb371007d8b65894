import { describe, expect, it } from 'vitest';
import { testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { signedIn } from '../helpers/sessions';

/** smallCity: each round plans 100 places, with quotas of 10 for three unions (30 allocated). */
function planCity() {
  const env = testEnv();
  const f = smallCity(env);
  return { env, f, city: signedIn(env, 'city') };
}

describe('R18 plan', () => {
  it('R18: a quota beyond the plan is refused 422, and accepted once the plan is raised', async () => {
    const { f, city } = planCity();
    // The workers' school is a direct (level-2) union without a quota.
    const body = { roundId: f.open.id, organizationId: f.school.id, places: 71 };
    const refused = await city.post('/api/quotas', body);
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R18');
    expect(refused.body.errors.places).toContain('增加计划');

    const raised = await city.post(`/api/rounds/${f.open.id}/raise-plan`, {
      delta: 1,
      reason: '追加指标一名',
    });
    expect(raised.status).toBe(200);
    expect(raised.body.plannedPlaces).toBe(101);
    expect((await city.post('/api/quotas', body)).status).toBe(201);
  });

  it('R18: adjusting a quota beyond the plan is refused 422; lowering is not', async () => {
    const { env, f, city } = planCity();
    const q = env.db.$client
      .prepare('select id from quotas where round_id = ? and organization_id = ?')
      .get(f.open.id, f.wuhua.id) as { id: number };
    const over = await city.post(`/api/quotas/${q.id}/adjust`, { delta: 71, reason: '扩大名额' });
    expect(over.status).toBe(422);
    expect(over.body.rule).toBe('R18');
    expect((await city.post(`/api/quotas/${q.id}/adjust`, { delta: 70, reason: '扩大名额' })).status).toBe(
      200,
    );
    expect((await city.post(`/api/quotas/${q.id}/adjust`, { delta: -5, reason: '收回名额' })).status).toBe(
      200,
    );
  });

  it('R18: raising the plan is its own audited action with a reason; city only', async () => {
    const { env, f, city } = planCity();
    const url = `/api/rounds/${f.open.id}/raise-plan`;
    expect((await signedIn(env, 'wuhua').post(url, { delta: 5, reason: '追加指标五名' })).status).toBe(403);
    expect((await city.post(url, { delta: 5 })).status).toBe(400);
    expect((await city.post(url, { delta: 5, reason: '追加' })).status).toBe(400);
    expect((await city.post(url, { delta: 0, reason: '追加指标五名' })).status).toBe(400);
    expect((await city.post(url, { delta: 100_001, reason: '追加指标五名' })).status).toBe(400);

    const res = await city.post(url, { delta: 5, reason: '追加指标五名' });
    expect(res.status).toBe(200);
    expect(res.body.plannedPlaces).toBe(105);
    const adj = env.db.$client.prepare('select * from plan_adjustments where round_id = ?').all(f.open.id);
    expect(adj).toMatchObject([{ delta: 5, places_before: 100, places_after: 105, reason: '追加指标五名' }]);
    const row = env.db.$client
      .prepare(
        `select * from audit_log where resource = 'rounds' and action = 'raise-plan' and record_id = ?`,
      )
      .get(f.open.id) as { before: string; after: string; user_id: number };
    expect(JSON.parse(row.before)).toEqual({ plannedPlaces: 100 });
    expect(JSON.parse(row.after)).toMatchObject({ plannedPlaces: 105, reason: '追加指标五名' });
    expect(row.user_id).toBe(f.users.city.id);
  });

  it('R18: PUT plannedPlaces below the quota sum is refused 422, above it 409 in favour of 增加计划', async () => {
    const { f, city } = planCity();
    const put = (id: number, plannedPlaces: number) => city.put(`/api/rounds/${id}`, { plannedPlaces });
    const below = await put(f.open.id, 29);
    expect(below.status).toBe(422);
    expect(below.body.rule).toBe('R18');
    expect(below.body.errors.plannedPlaces).toBeTruthy();
    const up = await put(f.open.id, 200);
    expect(up.status).toBe(409);
    expect(up.body.errors.plannedPlaces).toContain('增加计划');
    expect((await put(f.open.id, 30)).status).toBe(200);

    // A round without quotas is edited freely.
    const fresh = await city.post('/api/rounds', {
      name: '2027年春季',
      intakeTerm: '2027-spring',
      opensOn: '2027-03-01',
      closesOn: '2027-03-31',
      intakeFrom: '2027-03-01',
      intakeTo: '2027-06-30',
      processAmountFen: 50_000,
      resultAmountFen: 100_000,
      plannedPlaces: 10,
    });
    expect(fresh.status).toBe(201);
    expect((await put(fresh.body.id, 500)).status).toBe(200);
    expect((await put(fresh.body.id, 5)).status).toBe(200);
  });

  it('R18: the performance view shows plan, quotas, used and waitlisted', async () => {
    const { f, city } = planCity();
    const res = await city.get(`/api/stats/overview?roundId=${f.open.id}`);
    expect(res.body.plan).toEqual({ plannedPlaces: 100, quotaSum: 30, used: 0, waitlisted: 0 });
  });
});
