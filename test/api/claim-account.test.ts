import { describe, expect, it } from 'vitest';
import { Client, testEnv } from '../helpers/app';
import { makeIdNumber, smallCity } from '../helpers/fixtures';
import { signedIn } from '../helpers/sessions';

/** A unit whose roster lists a new worker (no account yet), and the sign-up sheet's code for it. */
async function rostered() {
  const env = testEnv();
  const c = smallCity(env);
  const unit = signedIn(env, 'wuhua-001');
  const idNumber = makeIdNumber(500);
  const lines = [
    '姓名,身份证号,手机号,职务,一线岗位,入会日期,会费已缴',
    `名册新人,${idNumber},13600000500,装配工,是,2020-01-01,是`,
  ];
  for (const [i, w] of c.workers.entries())
    lines.push(`${w.name},${makeIdNumber(i + 1)},${w.phone},操作工,是,2020-01-01,是`);
  const form = new FormData();
  form.set('file', new File([lines.join('\n')], 'r.csv'));
  expect((await unit.request('POST', '/api/workers/import', form)).status).toBe(200);
  const sheet = await unit.post('/api/workers/claim-codes', {});
  expect(sheet.status, JSON.stringify(sheet.body)).toBe(200);
  // Workers with an account (worker1, worker2) are not on the sheet.
  expect(sheet.body.map((r: any) => r.name)).not.toContain(c.workers[0].name);
  const mine = sheet.body.find((r: any) => r.name === '名册新人');
  return { env, c, unit, idNumber, code: mine.code as string, sheet: sheet.body };
}

describe('POST /api/auth/claim', () => {
  it('a rostered worker claims its account with ID number and code once; the first sign-in forces a password', async () => {
    const { env, idNumber, code } = await rostered();
    const w = new Client(env);
    const res = await w.post('/api/auth/claim', { idNumber, code: code.toLowerCase() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ role: 'worker', mustChangePassword: true });
    expect((await w.get('/api/applications')).status).toBe(403);
    const changed = await w.post('/api/auth/password', {
      currentPassword: code,
      newPassword: 'Dianchi#2027lake',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await w.get('/api/applications')).status).toBe(200);
    // Single use: the same code again is refused like a wrong one.
    const again = await new Client(env).post('/api/auth/claim', { idNumber, code });
    expect(again.status).toBe(401);
    const stored = env.db.$client
      .prepare('select claim_code_hash h from workers where id = ?')
      .get(res.body.workerId);
    expect(stored).toEqual({ h: null });
  });

  it('answers alike for an unknown ID, a wrong code and an expired code (no enumeration)', async () => {
    const { env, idNumber, code } = await rostered();
    const unknown = await new Client(env).post('/api/auth/claim', { idNumber: makeIdNumber(777), code });
    const wrong = await new Client(env).post('/api/auth/claim', { idNumber, code: 'ZZZZZZZZ' });
    env.clock.advance(15 * 86_400_000);
    const expired = await new Client(env).post('/api/auth/claim', { idNumber, code });
    for (const r of [unknown, wrong, expired]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual(unknown.body);
    }
    expect(
      env.db.$client.prepare(`select count(*) n from users where username like 'worker-%'`).get(),
    ).toEqual({ n: 0 });
  });

  it('is throttled per ID number: after a few wrong codes even the right one must wait', async () => {
    const { env, idNumber, code } = await rostered();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++)
      statuses.push(
        (await new Client(env).post('/api/auth/claim', { idNumber, code: `WRONG${i}XX` })).status,
      );
    expect(statuses).toContain(429);
    const right = await new Client(env).post('/api/auth/claim', { idNumber, code });
    expect(right.status).toBe(429);
    env.clock.advance(10 * 60_000);
    expect((await new Client(env).post('/api/auth/claim', { idNumber, code })).status).toBe(200);
  });

  it('a unit issues codes only for its own rostered workers; other roles may not', async () => {
    const { env, sheet } = await rostered();
    const panlong = await signedIn(env, 'panlong-001').post('/api/workers/claim-codes', {});
    expect(panlong.status).toBe(200);
    expect(panlong.body).toEqual([]);
    expect((await signedIn(env, 'wuhua').post('/api/workers/claim-codes', {})).status).toBe(403);
    expect(sheet.every((r: any) => /^[2-9A-HJKMNP-Z]{8}$/.test(r.code))).toBe(true);
    const audit = env.db.$client
      .prepare(`select after from audit_log where action = 'claim-codes'`)
      .get() as {
      after: string;
    };
    expect(audit.after).not.toMatch(/[2-9A-HJKMNP-Z]{8}/);
  });
});
