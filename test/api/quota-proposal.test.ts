import { describe, expect, it } from 'vitest';
import * as s from '../../db/schema';
import { testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { signedIn } from '../helpers/sessions';

function newRound() {
  const env = testEnv();
  const c = smallCity(env);
  const round = env.db
    .insert(s.rounds)
    .values({
      ...c.open,
      id: undefined,
      name: '2027年春季',
      intakeTerm: '2027-spring',
      plannedPlaces: 101,
      opensOn: '2027-05-11',
      closesOn: '2027-05-31',
      createdAt: undefined,
    })
    .returning()
    .get();
  return { env, c, round, city: signedIn(env, 'city') };
}

describe('GET /api/rounds/{id}/quota-proposal and POST /api/rounds/{id}/quotas', () => {
  it('R18: the proposal splits the plan over the level-2 unions and sums to it exactly', async () => {
    const { env, city, round, c } = newRound();
    const res = await city.get(`/api/rounds/${round.id}/quota-proposal`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.plannedPlaces).toBe(101);
    expect(res.body.unions.reduce((n: number, u: any) => n + u.proposed, 0)).toBe(101);
    const wuhua = res.body.unions.find((u: any) => u.organizationId === c.wuhua.id);
    // 五华区 has 7 attested members of the 9 (its 6 in unit 1, 1 in unit 2 without dues is still a member).
    expect(wuhua).toMatchObject({ members: 7, current: null, used: 0 });
    expect((await signedIn(env, 'wuhua').get(`/api/rounds/${round.id}/quota-proposal`)).status).toBe(403);
  });

  it('R18: the city commits its edited table in one audited action; beyond the plan nothing is committed', async () => {
    const { env, city, round } = newRound();
    const { unions } = (await city.get(`/api/rounds/${round.id}/quota-proposal`)).body;
    const over = unions.map((u: any, i: number) => ({
      organizationId: u.organizationId,
      places: u.proposed + (i === 0 ? 1 : 0),
    }));
    const refused = await city.post(`/api/rounds/${round.id}/quotas`, {
      quotas: over,
      reason: '按会员人数分配',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R18');
    expect(env.db.$client.prepare('select count(*) n from quotas where round_id = ?').get(round.id)).toEqual({
      n: 0,
    });
    const edited = unions.map((u: any, i: number) => ({
      organizationId: u.organizationId,
      places: u.proposed + (i === 0 ? 1 : i === 1 ? -1 : 0),
    }));
    const ok = await city.post(`/api/rounds/${round.id}/quotas`, {
      quotas: edited,
      reason: '按会员人数分配',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const rows = env.db.$client
      .prepare(
        'select organization_id o, places, proposed_places p from quotas where round_id = ? order by o',
      )
      .all(round.id) as { o: number; places: number; p: number }[];
    expect(rows.reduce((n, r) => n + r.places, 0)).toBe(101);
    expect(rows.map((r) => r.p)).toEqual(unions.map((u: any) => u.proposed));
    const audit = env.db.$client
      .prepare(`select after from audit_log where resource = 'quotas' and action = 'commit'`)
      .all() as { after: string }[];
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].after)).toMatchObject({
      roundId: round.id,
      sum: 101,
      reason: '按会员人数分配',
    });
    // Committed again with other figures, the quotas move (taken back first) and stay within the plan.
    const moved = edited.map((q: any, i: number) => ({
      ...q,
      places: i === 0 ? q.places - 5 : i === 1 ? q.places + 5 : q.places,
    }));
    expect(
      (await city.post(`/api/rounds/${round.id}/quotas`, { quotas: moved, reason: '调整分配' })).status,
    ).toBe(200);
  });
});
