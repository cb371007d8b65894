import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/lib/audit';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { makeIdNumber, smallCity } from '../helpers/fixtures';
import { submitted, upload } from '../helpers/flow';
import { LIST, ROLE_USERS } from '../helpers/matrix';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
beforeEach(() => {
  env = testEnv();
  f = smallCity(env);
});
const as = (u: string) => new Client(env).login(u);

const ROLES = ROLE_USERS;

describe('role × resource matrix', () => {
  it.each(ROLES.map((r, i) => [r, i] as const))(
    '%s lists exactly the resources its role may',
    async (role, i) => {
      const c = await as(role);
      for (const [resource, row] of Object.entries(LIST)) {
        const res = await c.get(`/api/${resource}`);
        expect(res.status, `${role} GET /api/${resource}`).toBe(row[i] === 'Y' ? 200 : 403);
      }
    },
  );

  /** Generic writes: create with an empty body → 400 when allowed (validation), 403 when not, 405 when the resource has none. */
  const CREATE: Record<string, string> = {
    organizations: 'BBNNNN',
    users: 'BBBNNN',
    workers: 'BNBNNN',
    institutions: 'BNNNNN',
    rounds: 'BNNNNN',
    quotas: 'BNNNNN',
    applications: 'NNBNNB',
    'matching-policies': 'NBNNNN',
    'agency-agreements': 'BNNNNN',
    appeals: 'NNNNNB',
    'study-checks': 'NNBNBN',
    reviews: 'XXXXXX',
    payments: 'XXXXXX',
    'audit-log': 'XXXXXX',
  };
  it.each(ROLES.map((r, i) => [r, i] as const))('%s may create only what its role may', async (role, i) => {
    const c = await as(role);
    for (const [resource, row] of Object.entries(CREATE)) {
      const res = await c.post(`/api/${resource}`, {});
      const expected = { B: 400, N: 403, X: 405 }[row[i] as 'B'];
      expect(res.status, `${role} POST /api/${resource}`).toBe(expected);
    }
  });

  it('nobody updates or deletes the audit log, not even the city, not even in SQL', async () => {
    const c = await as('city');
    expect((await c.put('/api/audit-log/1', {})).status).toBe(405);
    expect((await c.del('/api/audit-log/1')).status).toBe(405);
    expect(() => env.db.$client.prepare("update audit_log set action = 'x'").run()).toThrow(/append-only/);
    expect(() => env.db.$client.prepare('delete from audit_log').run()).toThrow(/append-only/);
  });

  it('answers 401 to every resource without a session', async () => {
    const anon = new Client(env);
    for (const resource of Object.keys(LIST)) expect((await anon.get(`/api/${resource}`)).status).toBe(401);
  });
});

describe('scope: out of scope is 404 and changes nothing (IDOR)', () => {
  it("another worker's application, documents and timeline answer 404 to a worker", async () => {
    const workerP = await as('workerp');
    const id = await submitted(workerP, f.open.id);
    const doc = (await workerP.get(`/api/documents${q({ filter: { applicationId: id } })}`)).body[0];
    const w1 = await as('worker1');
    const before = env.db.$client.prepare('select count(*) n from applications').get();
    for (const [method, url, body] of [
      ['GET', `/api/applications/${id}`],
      ['PUT', `/api/applications/${id}`, { major: 'x' }],
      ['DELETE', `/api/applications/${id}`],
      ['POST', `/api/applications/${id}/submit`],
      ['POST', `/api/applications/${id}/withdraw`],
      ['GET', `/api/applications/${id}/timeline`],
      ['GET', `/api/documents/${doc.id}`],
      ['GET', `/api/documents/${doc.id}/file`],
      ['GET', `/api/workers/${f.workerP.id}`],
      ['POST', '/api/appeals', { applicationId: id, subject: 'review', content: '这不是我的申请' }],
    ] as const) {
      const res = await w1.request(method, url, body);
      expect(res.status, `${method} ${url}`).toBe(404);
    }
    expect((await upload(w1, id, 'enrollment_report')).status).toBe(404);
    expect(env.db.$client.prepare('select count(*) n from applications').get()).toEqual(before);
    expect(env.db.$client.prepare('select status from applications where id = ?').get(id)).toEqual({
      status: 'submitted',
    });
    expect(verifyAuditChain(env.db).ok).toBe(true);
    const refused = env.db.$client
      .prepare(`select count(*) n from audit_log where action = 'refused:404' and record_id = ?`)
      .get(id) as { n: number };
    expect(refused.n).toBeGreaterThan(0);
  });

  it('a level-2 union sees only its subtree, and a filter cannot widen it', async () => {
    const p = await submitted(await as('workerp'), f.open.id);
    const w = await submitted(await as('worker1'), f.open.id);
    const wuhua = await as('wuhua');
    expect((await wuhua.get('/api/applications')).body.map((a: { id: number }) => a.id)).toEqual([w]);
    expect(
      (await wuhua.get(`/api/applications${q({ filter: { organizationId: f.unitP.id } })}`)).body,
    ).toEqual([]);
    expect(
      (await wuhua.get(`/api/applications${q({ filter: { id: [p, w] } })}`)).body.map(
        (a: { id: number }) => a.id,
      ),
    ).toEqual([w]);
    expect((await wuhua.get(`/api/applications/${p}`)).status).toBe(404);
    expect((await wuhua.get(`/api/workers/${f.workerP.id}`)).status).toBe(404);
    expect((await wuhua.get(`/api/organizations/${f.panlong.id}`)).status).toBe(404);
    const orgs = (await wuhua.get('/api/organizations')).body.map((o: { code: string }) => o.code).sort();
    expect(orgs).toEqual(['wuhua', 'wuhua-001', 'wuhua-002']);
  });

  it('an institution sees only its own students, not drafts', async () => {
    const w1 = await as('worker1');
    const mine = await submitted(w1, f.open.id, { institutionId: f.ynou.id });
    const other = await submitted(await as('worker2'), f.open.id, { institutionId: f.kust.id });
    const ynou = await as('ynou');
    expect((await ynou.get('/api/applications')).body.map((a: { id: number }) => a.id)).toEqual([mine]);
    expect((await ynou.get(`/api/applications/${other}`)).status).toBe(404);
  });
});

describe('login and sessions', () => {
  it('answers an unknown user exactly like a wrong password', async () => {
    const a = await new Client(env).post('/api/auth/login', { username: 'nobody', password: 'Wrong12345' });
    const b = await new Client(env).post('/api/auth/login', { username: 'city', password: 'Wrong12345' });
    expect([a.status, a.body]).toEqual([b.status, b.body]);
    expect(a.status).toBe(401);
  });

  it('slows an account down after five failures, never locks it (429 with the wait, then in again)', async () => {
    const c = new Client(env);
    for (let i = 0; i < 6; i++)
      expect((await c.post('/api/auth/login', { username: 'wuhua', password: 'Wrong12345' })).status).toBe(
        401,
      );
    const early = await c.post('/api/auth/login', { username: 'wuhua', password: 'Kunming@2019' });
    expect(early.status).toBe(429);
    expect(Number(early.headers.get('retry-after'))).toBeGreaterThan(0);
    env.clock.advance(Number(early.headers.get('retry-after')) * 1000);
    expect((await c.post('/api/auth/login', { username: 'wuhua', password: 'Kunming@2019' })).status).toBe(
      200,
    );
  });

  it('throttles a flood of logins from one address (429)', async () => {
    const c = new Client(env);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await c.post('/api/auth/login', { username: `ghost${i}`, password: 'Wrong12345' })).status,
      );
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('workers sign in with their resident ID number or phone', async () => {
    expect(
      (await new Client(env).post('/api/auth/login', { username: makeIdNumber(1), password: 'Kunming@2019' }))
        .body.username,
    ).toBe('worker1');
    expect(
      (await new Client(env).post('/api/auth/login', { username: '13900000002', password: 'Kunming@2019' }))
        .body.username,
    ).toBe('worker2');
  });

  it('ends a session after 30 idle minutes and after 12 hours in any case', async () => {
    const c = await as('city');
    env.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    env.clock.advance(31 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    const d = await as('city');
    for (let i = 0; i < 36; i++) {
      env.clock.advance(20 * 60_000);
      expect((await d.get('/api/auth/me')).status).toBe(200);
    }
    env.clock.advance(20 * 60_000);
    expect((await d.get('/api/auth/me')).status).toBe(401);
  });

  it('logout, a password change and a role change end the sessions', async () => {
    const a = await as('wuhua');
    await a.post('/api/auth/logout');
    expect((await a.get('/api/auth/me')).status).toBe(401);

    const b1 = await as('wuhua');
    const b2 = await as('wuhua');
    const bad = await b1.post('/api/auth/password', {
      currentPassword: 'Kunming@2019',
      newPassword: 'short1',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.newPassword).toContain('10');
    expect(
      (
        await b1.post('/api/auth/password', {
          currentPassword: 'Kunming@2019',
          newPassword: 'Riverside2026secure',
        })
      ).status,
    ).toBe(200);
    expect((await b1.get('/api/auth/me')).status).toBe(200);
    expect((await b2.get('/api/auth/me')).status).toBe(401);

    const unit = await as('wuhua-001');
    const city = await as('city');
    expect(
      (await city.put(`/api/users/${f.users.unit1.id}`, { role: 'org_admin', organizationId: f.wuhua.id }))
        .status,
    ).toBeLessThan(500);
    const reset = await city.post(`/api/users/${f.users.unit1.id}/reset-password`, {
      password: 'Reset2026abc',
    });
    expect(reset.status).toBe(200);
    expect((await unit.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses cross-site state changes (CSRF) and answers no stack traces', async () => {
    const c = await as('city');
    const evil = await c.request(
      'POST',
      '/api/institutions',
      { name: 'x' },
      { origin: 'http://evil.example' },
    );
    expect(evil.status).toBe(403);
    const site = await c.request(
      'POST',
      '/api/institutions',
      { name: 'x' },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(site.status).toBe(403);
    const broken = await c.request('POST', '/api/institutions', undefined, {
      'content-type': 'application/json',
    });
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('sends secure headers and an HttpOnly SameSite=Lax session cookie', async () => {
    const res = await env.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'city', password: 'Kunming@2019' }),
    });
    expect(res.headers.get('set-cookie')).toMatch(/HttpOnly/);
    expect(res.headers.get('set-cookie')).toMatch(/SameSite=Lax/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('personal data (PIPL)', () => {
  it('masks ID, cards and phones in lists and keeps secrets out of every answer', async () => {
    const c = await as('wuhua');
    const res = await c.get('/api/workers');
    for (const w of res.body) {
      expect(w.idNumberMasked).toMatch(/^\d{2}\*{12}[\dX]{4}$/);
      expect(w.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
      expect(Object.keys(w).some((k) => k.endsWith('Enc') || k.endsWith('Hash'))).toBe(false);
    }
    expect(JSON.stringify(res.body)).not.toContain(makeIdNumber(1));
  });

  it('reveals the full ID number only through the audited endpoint, to the roles that need it', async () => {
    const unit = await as('wuhua-001');
    const res = await unit.get(`/api/workers/${f.workers[0].id}/reveal?field=idNumber`);
    expect(res.body.value).toBe(makeIdNumber(1));
    expect(
      env.db.$client.prepare(`select count(*) n from audit_log where action = 'reveal:idNumber'`).get(),
    ).toEqual({ n: 1 });
    expect(
      (await (await as('worker2')).get(`/api/workers/${f.workers[1].id}/reveal?field=idNumber`)).status,
    ).toBe(403);
    expect(
      (await (await as('panlong-001')).get(`/api/workers/${f.workers[0].id}/reveal?field=idNumber`)).status,
    ).toBe(404);
  });

  it('stores no plaintext resident ID or card number in the database file', () => {
    env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(env.dataDir, 'app.db')).toString('latin1');
    expect(bytes.includes(makeIdNumber(1))).toBe(false);
    expect(bytes.includes('5301021981')).toBe(false);
    expect(bytes.includes('621700000000000001')).toBe(false);
  });
});

describe('initial passwords', () => {
  it('a user whose password was set by someone else can do nothing but change it', async () => {
    const city = await as('city');
    const made = await city.post('/api/users', {
      username: 'newclerk',
      displayName: '新办事员',
      role: 'unit_admin',
      organizationId: f.unit1.id,
      password: 'Initial2026x',
    });
    expect(made.status).toBe(201);
    const clerk = await new Client(env).login('newclerk', 'Initial2026x');
    expect((await clerk.get('/api/auth/me')).body.mustChangePassword).toBe(true);
    const blocked = await clerk.get('/api/applications');
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toContain('修改初始密码');
    expect(
      (
        await clerk.post('/api/auth/password', {
          currentPassword: 'Initial2026x',
          newPassword: 'MyOwn2026pass',
        })
      ).status,
    ).toBe(200);
    expect((await clerk.get('/api/applications')).status).toBe(200);
  });
});
