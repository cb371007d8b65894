import { describe, expect, it } from 'vitest';
import { Client, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { decide, submitted } from '../helpers/flow';

describe('R15 performance view', () => {
  it('counts the funnel and turnaround, scoped: a level-2 union sees only its subtree', async () => {
    const env = testEnv();
    const f = smallCity(env);
    const as = (u: string) => new Client(env).login(u);
    const [unit, wuhua, city] = await Promise.all(['wuhua-001', 'wuhua', 'city'].map(as));
    const a = await submitted(await as('worker1'), f.open.id);
    await submitted(await as('worker2'), f.open.id);
    await submitted(await as('workerp'), f.open.id);
    env.clock.advance(10 * 60_000);
    await decide(unit, a);
    await decide(wuhua, a);
    await decide(city, a);

    const all = (await city.get(`/api/stats/overview?roundId=${f.open.id}`)).body;
    expect(all.funnel).toMatchObject({ submitted: 3, unitApproved: 1, approved: 1, completed: 0 });
    expect(all.turnaround[0]).toMatchObject({ step: 1, reviews: 1 });
    expect(all.turnaround[0].medianDays).toBeCloseTo(10 / 1440, 1);
    expect(all.unions.find((u: { name: string }) => u.name === '五华区总工会')).toMatchObject({
      submitted: 2,
      approved: 1,
      places: 10,
      quotaUse: 10,
    });
    expect(all.priority.total).toBe(1);

    const mine = (await wuhua.get(`/api/stats/overview?roundId=${f.open.id}`)).body;
    expect(mine.scope).toBe('union');
    expect(mine.funnel.submitted).toBe(2);
    const panlong = (await (await as('panlong')).get(`/api/stats/overview?roundId=${f.open.id}`)).body;
    expect(panlong.funnel).toMatchObject({ submitted: 1, approved: 0 });
    expect((await (await as('worker1')).get('/api/stats/overview')).status).toBe(403);
  });

  it('R8/R15: places used count only city-funded applications; the ranking puts unions without a rate last, unranked', async () => {
    const env = testEnv();
    const f = smallCity(env);
    const as = (u: string) => new Client(env).login(u);
    const [unit, wuhua, city] = await Promise.all(['wuhua-001', 'wuhua', 'city'].map(as));
    const ids: number[] = [];
    for (const w of ['worker1', 'worker2']) {
      const id = await submitted(await as(w), f.open.id);
      for (const r of [unit, wuhua, city]) expect((await decide(r, id)).status).toBe(200);
      ids.push(id);
    }
    // One of the two is funded by the union itself (R8): it takes none of the city's places.
    env.db.$client.prepare("update applications set funded_by = 'union' where id = ?").run(ids[1]);
    const all = (await city.get(`/api/stats/overview?roundId=${f.open.id}`)).body;
    const wh = all.unions.find((u: { id: number }) => u.id === f.wuhua.id);
    expect(wh).toMatchObject({ approved: 2, cityUsed: 1, places: 10, quotaUse: 10 });
    expect(all.plan.used).toBe(1);
    // Nobody past the process subsidy: no completion rate, so no rank.
    expect(all.ranking[0]).toMatchObject({ id: f.wuhua.id, rank: null, completionRate: null });
  });
});
