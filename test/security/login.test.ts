import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../server/lib/password';
import { Client, demoTemplate, testEnv, type TestEnv } from '../helpers/app';

/** Findings 3, 4 and 5: sign-in and password change against guessing, without telling who exists. */
let template: string;
beforeAll(() => {
  template = demoTemplate('login');
}, 120_000);

/** A login from a given address, carrying the given cookies; answers status, Retry-After and cookies. */
async function attempt(env: TestEnv, ip: string, username: string, password: string, cookie = '') {
  const res = await env.app.request(
    '/api/auth/login',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ username, password }),
    },
    { incoming: { socket: { remoteAddress: ip } } },
  );
  const setCookie = res.headers.get('set-cookie') ?? '';
  return {
    status: res.status,
    retryAfter: Number(res.headers.get('retry-after') ?? 0),
    body: await res.json(),
    device: /did=([^;]+)/.exec(setCookie)?.[1],
  };
}

function known(env: TestEnv) {
  const w = env.db.$client
    .prepare(
      `select w.phone, w.id_number_enc e from users u join workers w on w.id = u.worker_id where u.username = 'worker1'`,
    )
    .get() as { phone: string; e: string };
  return { phone: w.phone, idNumber: env.pii.decrypt(w.e) };
}

describe('finding 3: throttling answers known and unknown identifiers alike and locks nobody out', () => {
  it('the same answers, attempt by attempt, for a username, a phone, an ID number and names nobody has', async () => {
    const env = testEnv(template);
    const { phone, idNumber } = known(env);
    const runs: Record<string, string[]> = {};
    const ids = {
      username: 'city',
      phone,
      idNumber,
      unknownName: 'nobody-here',
      unknownPhone: '13999999999',
      unknownId: '53010219800101001' + 'X',
    };
    let ip = 0;
    for (const [label, id] of Object.entries(ids)) {
      ip++;
      runs[label] = [];
      for (let i = 0; i < 9; i++) {
        const r = await attempt(env, `10.0.0.${ip}`, id, 'Wrong-guess-123');
        runs[label].push(`${r.status}:${r.retryAfter}:${r.body.message}`);
      }
    }
    const first = Object.values(runs)[0];
    for (const [label, run] of Object.entries(runs)) expect(run, label).toEqual(first);
    expect(first.some((s) => s.startsWith('429'))).toBe(true);
    expect(first.some((s) => s.startsWith('423'))).toBe(false);
  });

  it('waits grow with each failure, and a wait, once over, lets the owner in', async () => {
    const env = testEnv(template);
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const r = await attempt(env, '10.0.1.1', 'wuhua', 'Wrong-guess-123');
      if (r.status === 429) {
        waits.push(r.retryAfter);
        env.clock.advance(r.retryAfter * 1000);
      }
    }
    expect(waits.length).toBeGreaterThan(1);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThan(waits[i - 1]);
    expect((await attempt(env, '10.0.1.1', 'wuhua', 'Wrong-guess-123')).status).toBe(401);
    const late = await attempt(env, '10.0.1.2', 'wuhua', 'Kunming@2019');
    expect(late.status).toBe(429);
    env.clock.advance(late.retryAfter * 1000);
    expect((await attempt(env, '10.0.1.2', 'wuhua', 'Kunming@2019')).status).toBe(200);
  });

  it('a flood of guesses at the city admin never keeps it out of its own browser', async () => {
    const env = testEnv(template);
    const own = await attempt(env, '10.0.2.1', 'city', 'Kunming@2019');
    expect(own.status).toBe(200);
    expect(own.device).toBeTruthy();
    for (let i = 0; i < 40; i++) await attempt(env, `10.0.3.${i}`, 'city', 'Wrong-guess-123');
    expect((await attempt(env, '10.0.3.99', 'city', 'Kunming@2019')).status).toBe(429);
    const back = await attempt(env, '10.0.2.1', 'city', 'Kunming@2019', `did=${own.device}`);
    expect(back.status).toBe(200);
    // A forged or foreign device cookie buys nothing.
    expect((await attempt(env, '10.0.2.2', 'city', 'Kunming@2019', `did=1.abc.def`)).status).toBe(429);
  });
});

describe('finding 4: a password hash never holds up the event loop', () => {
  it('the loop keeps ticking while four logins are checked', async () => {
    const env = testEnv(template);
    const stored = (
      env.db.$client.prepare(`select password_hash h from users where username = 'city'`).get() as {
        h: string;
      }
    ).h;
    const t0 = performance.now();
    verifyPassword('Kunming@2019', stored);
    const oneHashMs = performance.now() - t0;

    let last = performance.now(),
      worst = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
    }, 2);
    const results = await Promise.all(
      ['city', 'wuhua', 'panlong', 'school'].map((u, i) => attempt(env, `10.0.4.${i}`, u, 'Kunming@2019')),
    );
    clearInterval(ticker);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    // Four synchronous hashes would stall it for four hashes' time at least.
    expect(worst, `one hash ${oneHashMs.toFixed(0)} ms, longest stall ${worst.toFixed(0)} ms`).toBeLessThan(
      Math.max(oneHashMs, 20),
    );
  });
});

describe('finding 5: the password change is throttled and every wrong current password audited', () => {
  it('wrong guesses at the current password slow down (429) and leave audit rows', async () => {
    const env = testEnv(template);
    const c = await new Client(env).login('wuhua');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (
          await c.post('/api/auth/password', {
            currentPassword: `Guess-${i}-abc`,
            newPassword: 'Another-pass-2026',
          })
        ).status,
      );
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses).toContain(429);
    const audited = env.db.$client
      .prepare(`select count(*) n from audit_log where action = 'password:failed'`)
      .pluck()
      .get() as number;
    expect(audited).toBe(statuses.filter((s) => s === 400).length);
    // Even the right password waits its turn.
    const right = await c.post('/api/auth/password', {
      currentPassword: 'Kunming@2019',
      newPassword: 'Another-pass-2026',
    });
    expect(right.status).toBe(429);
  });
});
