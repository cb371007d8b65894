import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, demoTemplate, testEnv, type TestEnv } from '../helpers/app';
import { LIST_RESOURCES, readAll } from './helpers';

/** Findings 6, 7 and 8, and the scope property of the demo city: siblings disjoint, everyone within the city. */
let template: string;
beforeAll(() => {
  template = demoTemplate('scope');
}, 120_000);

const ids = (rows: Record<string, unknown>[]) => new Set(rows.map((r) => r.id as number));

describe('finding 6: every write to a user account follows the reset rule', () => {
  it('a level-2 or unit admin cannot rename or disable a peer admin it may not reset', async () => {
    const env = testEnv(template);
    const city = await new Client(env).login('city');
    const [wuhua, unit] = await Promise.all(['wuhua', 'wuhua-001'].map((u) => new Client(env).login(u)));
    const me = (await wuhua.get('/api/auth/me')).body;
    const unitMe = (await unit.get('/api/auth/me')).body;
    const peer = async (role: string, organizationId: number, username: string) => {
      const res = await city.post('/api/users', {
        username,
        displayName: '同级管理员',
        role,
        organizationId,
        password: 'Peer-account-2026',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.id as number;
    };
    const orgPeer = await peer('org_admin', me.organizationId, 'wuhua-peer');
    const unitPeer = await peer('unit_admin', unitMe.organizationId, 'wuhua-001-peer');
    for (const [c, id] of [
      [wuhua, orgPeer],
      [unit, unitPeer],
    ] as const) {
      expect((await c.get(`/api/users/${id}`)).status, 'visible in its subtree').toBe(200);
      expect((await c.put(`/api/users/${id}`, { active: false })).status).toBe(403);
      expect((await c.put(`/api/users/${id}`, { displayName: '改名' })).status).toBe(403);
      expect((await c.post(`/api/users/${id}/reset-password`, { password: 'Reset-pass-2026' })).status).toBe(
        403,
      );
    }
    const row = env.db.$client
      .prepare('select display_name d, active a from users where id in (?, ?)')
      .all(orgPeer, unitPeer) as { d: string; a: number }[];
    expect(row.every((r) => r.d === '同级管理员' && r.a === 1)).toBe(true);
    // What it may reset, it may also edit: a unit admin below the level-2 union, its own name.
    expect((await wuhua.put(`/api/users/${unitPeer}`, { displayName: '基层管理员' })).status).toBe(200);
    expect((await wuhua.put(`/api/users/${me.id}`, { displayName: '五华区总工会管理员' })).status).toBe(200);
  });
});

describe('finding 7: GET /applications/:id/others goes through the one scope', () => {
  it('answers only applications the viewer can list itself, for every role', async () => {
    const env = testEnv(template);
    let leaksBefore = 0;
    for (const user of ['wuhua', 'panlong', 'wuhua-001', 'school', 'ynou', 'worker1', 'city']) {
      const c = await new Client(env).login(user);
      const visible = ids(await readAll(c, 'applications'));
      // Applications whose worker has others this role cannot list: the cases the scope must cut.
      const risky = [...visible].filter((id) => {
        const other = env.db.$client
          .prepare(
            'select b.id from applications a join applications b on b.worker_id = a.worker_id and b.id <> a.id where a.id = ?',
          )
          .pluck()
          .all(id) as number[];
        return other.some((o) => !visible.has(o));
      });
      leaksBefore += risky.length;
      for (const id of [...risky.slice(0, 20), ...[...visible].slice(0, 5)]) {
        const res = await c.get(`/api/applications/${id}/others`);
        expect(res.status).toBe(200);
        for (const o of res.body as { id: number }[])
          expect(visible.has(o.id), `${user}: #${id} shows #${o.id}`).toBe(true);
      }
    }
    expect(
      leaksBefore,
      'the demo city has workers with applications out of some role’s scope',
    ).toBeGreaterThan(0);
  });
});

describe('finding 8: GET /stats/overview shows only the money the viewer can list', () => {
  it.each(['city', 'wuhua', 'panlong', 'wuhua-001', 'direct-001'])(
    '%s: allocated, received, returned and held agree with its own lists (null where it has none)',
    async (user) => {
      const env = testEnv(template);
      const c = await new Client(env).login(user);
      const stats = await c.get('/api/stats/overview');
      expect(stats.status).toBe(200);
      const m = stats.body.money;
      const sum = (
        rows: Record<string, unknown>[],
        where: (r: Record<string, unknown>) => boolean = () => true,
      ) => rows.filter(where).reduce((t, r) => t + (r.amountFen as number), 0);
      const allocations = await c.get('/api/allocations');
      const returns = await c.get('/api/fund-returns');
      const allocRows = allocations.status === 200 ? await readAll(c, 'allocations') : [];
      const returnRows = returns.status === 200 ? await readAll(c, 'fund-returns') : [];
      const payments = await readAll(c, 'payments');
      if (allocRows.length === 0) {
        expect(m.allocatedFen ?? 0).toBe(0);
        expect(m.receivedFen ?? 0).toBe(0);
      } else {
        expect(m.allocatedFen).toBe(sum(allocRows));
        expect(m.receivedFen).toBe(sum(allocRows, (r) => r.status === 'received'));
      }
      expect(m.returnedFen ?? 0).toBe(sum(returnRows));
      expect(m.paidFen).toBe(sum(payments, (r) => r.source === 'city' && r.status === 'paid'));
      if (m.heldFen !== null) expect(m.heldFen).toBe(m.receivedFen - m.paidFen - m.returnedFen);
      // A grassroots clerk has no district money to see, and no held figure made of the district's.
      if (user === 'wuhua-001')
        expect([m.allocatedFen, m.receivedFen, m.heldFen]).toEqual([null, null, null]);
    },
    60_000,
  );
});

describe('scope property: sibling unions see disjoint records, every role a subset of the city', () => {
  /** Program-wide reference data every role reads alike: not a union's records. */
  const SHARED = new Set(['institutions', 'rounds']);
  /** Each account's own messages: nobody else's, the city's included. */
  const PERSONAL = new Set(['notifications']);
  /** A draft (and its documents) is its worker's and unit's business until submitted: not the city's. */
  const draftOnly = (resource: string, id: number | string) =>
    (resource === 'applications' || resource === 'documents') &&
    !!env.db.$client
      .prepare(
        resource === 'applications'
          ? `select 1 from applications where id = ? and status = 'draft'`
          : `select 1 from documents d join applications a on a.id = d.application_id where d.id = ? and a.status = 'draft'`,
      )
      .get(id);
  let env: TestEnv;
  const seen = new Map<string, Map<string, Set<number | string>>>();
  // A balance is a computed row (its id is its place in the answer): it is told by what it is of.
  const identity = (resource: string, rows: Record<string, unknown>[]) =>
    new Set<number | string>(
      rows.map((r) =>
        resource === 'balances' ? `${r.roundId}/${r.organizationId}/${r.stage}` : (r.id as number),
      ),
    );
  const clients = new Map<string, Client>();
  const ROLES = ['city', 'wuhua', 'panlong', 'wuhua-001', 'direct-001', 'school', 'ynou', 'worker1'];

  beforeAll(async () => {
    env = testEnv(template);
    // Everyone signs in first: sign-ins write audit rows, and the lists must be of one moment.
    for (const u of ROLES) clients.set(u, await new Client(env).login(u));
    for (const u of ROLES) {
      const c = clients.get(u)!;
      const all = new Map<string, Set<number | string>>();
      for (const r of LIST_RESOURCES) all.set(r, identity(r, await readAll(c, r)));
      seen.set(u, all);
    }
  }, 240_000);

  it('holds for every resource, every role, and records picked at random', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...LIST_RESOURCES),
        fc.constantFrom(...ROLES),
        fc.nat(),
        async (resource, user, pick) => {
          const city = seen.get('city')!.get(resource)!;
          const mine = seen.get(user)!.get(resource)!;
          if (PERSONAL.has(resource)) {
            if (user !== 'city')
              for (const id of mine) expect(city.has(id), `${user} ${resource} #${id}`).toBe(false);
            return;
          }
          for (const id of mine)
            if (!draftOnly(resource, id))
              expect(city.has(id), `${user} ${resource} #${id} not the city's`).toBe(true);
          if (!SHARED.has(resource)) {
            const wuhua = seen.get('wuhua')!.get(resource)!;
            for (const id of seen.get('panlong')!.get(resource)!)
              expect(wuhua.has(id), `${resource} #${id} seen by both wuhua and panlong`).toBe(false);
          }
          // A record of the city's picked at random: one sibling at most may open it, and only if it lists it.
          const all = [...city];
          if (!all.length || resource === 'balances') return;
          const id = all[pick % all.length] as number;
          const open = async (u: string) => (await clients.get(u)!.get(`/api/${resource}/${id}`)).status;
          const [w, p, mineStatus] = await Promise.all([open('wuhua'), open('panlong'), open(user)]);
          if (!SHARED.has(resource)) expect(w === 200 && p === 200, `${resource} #${id}`).toBe(false);
          if (mineStatus === 200)
            expect(mine.has(id), `${user} opens ${resource} #${id} it does not list`).toBe(true);
        },
      ),
      { numRuns: 60, seed: 20191111 },
    );
  }, 120_000);
});
