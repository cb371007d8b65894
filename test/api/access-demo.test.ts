import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/lib/audit';
import { Client, demoTemplate, q, testEnv, type TestEnv } from '../helpers/app';
import { LIST, ROLE_USERS, UPDATE } from '../helpers/matrix';

/** The role matrix on the demo city itself: what each demo account may read, change and do. */
let template: string;
beforeAll(() => {
  template = demoTemplate('demo-template');
}, 120_000);

const ids = (res: { body: { id: number }[] }) => res.body.map((r) => r.id);

describe('role × resource × action on the demo city', () => {
  it.each(ROLE_USERS.map((u, i) => [u, i] as const))(
    '%s: list, get in and out of scope, update',
    async (user, i) => {
      const env: TestEnv = testEnv(template);
      const me = await new Client(env).login(user);
      const city = await new Client(env).login('city');
      for (const [resource, row] of Object.entries(LIST)) {
        const list = await me.get(`/api/${resource}${q({ range: [0, 499] })}`);
        expect(list.status, `${user} list ${resource}`).toBe(row[i] === 'Y' ? 200 : 403);
        const everything = ids(
          await city.get(`/api/${resource}${q({ range: [0, 499], sort: ['id', 'DESC'] })}`),
        );
        const mine = list.status === 200 ? ids(list) : [];
        if (mine.length)
          expect((await me.get(`/api/${resource}/${mine[0]}`)).status, `${user} get own ${resource}`).toBe(
            200,
          );
        const foreign = everything.find((id) => !mine.includes(id));
        if (
          foreign &&
          list.status === 200 &&
          list.headers.get('content-range')!.endsWith(`/${mine.length}`)
        ) {
          expect(
            (await me.get(`/api/${resource}/${foreign}`)).status,
            `${user} get foreign ${resource} #${foreign}`,
          ).toBe(404);
        }
        if (list.status !== 200)
          expect((await me.get(`/api/${resource}/${everything[0] ?? 1}`)).status).toBe(403);
        if (UPDATE[resource] && mine.length) {
          const expected = { Y: 200, N: 403, X: 405 }[UPDATE[resource][i] as 'Y'];
          expect((await me.put(`/api/${resource}/${mine[0]}`, {})).status, `${user} update ${resource}`).toBe(
            expected,
          );
        }
      }
      expect(verifyAuditChain(env.db).ok).toBe(true);
    },
    120_000,
  );

  it('only the reviewer of the waiting step may review; others get 403, or 404 out of scope', async () => {
    const env = testEnv(template);
    const [city, wuhua, unit, school, ynou, panlong] = await Promise.all(
      ['city', 'wuhua', 'wuhua-001', 'school', 'ynou', 'panlong'].map((u) => new Client(env).login(u)),
    );
    const pile = ids(await unit.get(`/api/applications${q({ filter: { waitingStep: 1 } })}`));
    expect(pile.length).toBeGreaterThan(0);
    const id = pile[0];
    expect((await school.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await ynou.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await panlong.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(404);
    expect((await wuhua.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(409);
    expect((await city.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(409);
    expect((await unit.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await wuhua.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(200);
    expect((await city.post(`/api/applications/${id}/review`, { decision: 'approve' })).status).toBe(200);
  });

  it('every staff account finds work waiting', async () => {
    const env = testEnv(template);
    const count = async (user: string, url: string) =>
      Number(
        (await (await new Client(env).login(user)).get(url)).headers.get('content-range')!.split('/')[1],
      );
    expect(await count('wuhua-001', `/api/applications${q({ filter: { waitingStep: 1 } })}`)).toBeGreaterThan(
      0,
    );
    expect(
      await count('direct-001', `/api/applications${q({ filter: { waitingStep: 1 } })}`),
    ).toBeGreaterThan(0);
    expect(await count('wuhua', `/api/applications${q({ filter: { waitingStep: 2 } })}`)).toBeGreaterThan(0);
    expect(await count('city', `/api/applications${q({ filter: { waitingStep: 3 } })}`)).toBeGreaterThan(0);
    expect(await count('school', `/api/payments${q({ filter: { status: 'pending' } })}`)).toBeGreaterThan(0);
    expect(await count('ynou', `/api/refunds${q({ filter: { status: 'expected' } })}`)).toBeGreaterThan(0);
  });
});
