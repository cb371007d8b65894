import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRound, type Gateway } from '../../server/resources/notifications/dispatch';
import { notify } from '../../server/resources/notifications/service';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { approvedViaApi } from '../helpers/money';
import { smsGateway } from '../helpers/sms-gateway';

const SECRET = 'test-secret-0123456789';
let env: TestEnv;
let f: ReturnType<typeof smallCity>;
let gw: Awaited<ReturnType<typeof smsGateway>> | undefined;
const as = (u: string) => new Client(env).login(u);

beforeEach(() => {
  env = testEnv();
  f = smallCity(env);
});
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

const gateway = (o: Partial<Gateway> = {}): Gateway => ({
  url: gw!.url,
  secret: SECRET,
  timeoutMs: 300,
  baseDelayMs: 60_000,
  maxTries: 4,
  ...o,
});
const round = (o: Partial<Gateway> = {}) => dispatchRound(env.db, env.clock.now, gateway(o));
const state = (id: number) =>
  env.db.$client
    .prepare('select sms_state state, sms_tries tries, sms_error error from notifications where id = ?')
    .get(id) as { state: string; tries: number; error: string | null };
const userId = (name: string) =>
  (env.db.$client.prepare('select id from users where username = ?').get(name) as { id: number }).id;
/** A message to worker1 written as a service would, in a transaction of its own. */
function message(
  template = 'status.approved',
  params: Record<string, string | number> = { applicationId: 7 },
) {
  notify(env.db, { user: null, now: env.clock.now }, userId('worker1'), {
    template,
    params,
    applicationId: null,
  });
  return (env.db.$client.prepare('select max(id) id from notifications').get() as { id: number }).id;
}

describe('the SMS dispatcher against a gateway on 127.0.0.1', () => {
  it('a union’s approval reaches the gateway as one signed POST, its id the idempotency key', async () => {
    gw = await smsGateway();
    const [worker1, unit, wuhua, city] = await Promise.all(['worker1', 'wuhua-001', 'wuhua', 'city'].map(as));
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city], { verified: false });
    expect(await round()).toMatchObject({ sent: 1, failed: 0 });
    expect(gw.received).toHaveLength(1);
    const [r] = gw.received;
    const expected = `sha256=${createHmac('sha256', SECRET).update(r.raw).digest('hex')}`;
    expect(r.signature).toBe(expected);
    expect(r.idempotencyKey).toBe(r.id);
    expect(r.body).toMatchObject({
      to: f.workers[0].phone,
      template: 'status.approved',
      params: { applicationId: id },
    });
    expect(r.body.text).toContain(`#${id}`);
    expect(state(Number(r.id)).state).toBe('sent');
    expect(await round()).toMatchObject({ sent: 0 });
    expect(gw.received).toHaveLength(1);
  });

  it('retries a 500 and a timeout with exponential backoff, the same body each time', async () => {
    gw = await smsGateway((_r, n) => (n === 1 ? 500 : n === 2 ? 'hang' : 200));
    const id = message();
    expect(await round()).toMatchObject({ failed: 1 });
    expect(state(id)).toEqual({ state: 'pending', tries: 1, error: 'HTTP 500' });
    expect(await round()).toMatchObject({ sent: 0, failed: 0 }); // not due before the first delay
    env.clock.advance(60_000);
    expect(await round()).toMatchObject({ failed: 1 });
    expect(state(id)).toEqual({ state: 'pending', tries: 2, error: 'timeout' });
    env.clock.advance(60_000); // the second delay is two minutes
    expect(await round()).toMatchObject({ sent: 0 });
    env.clock.advance(60_000);
    expect(await round()).toMatchObject({ sent: 1 });
    expect(state(id)).toMatchObject({ state: 'sent', tries: 3 });
    expect(new Set(gw.received.map((r) => r.raw)).size).toBe(1);
  });

  it('dead-letters after N tries, shown to the city admin', async () => {
    gw = await smsGateway(() => 500);
    const id = message();
    for (let i = 0; i < 4; i++) {
      await round();
      env.clock.advance(3600_000);
    }
    expect(state(id)).toEqual({ state: 'dead', tries: 4, error: 'HTTP 500' });
    expect(gw.received).toHaveLength(4);
    await round();
    expect(gw.received).toHaveLength(4);
    const city = await as('city');
    const dead = await city.get(`/api/notification-outbox${q({ filter: { smsState: 'dead' } })}`);
    expect(dead.body.map((m: { id: number }) => m.id)).toEqual([id]);
  });

  it('sends nothing non-urgent in quiet hours (21:00–08:00 China time); urgent goes at once', async () => {
    gw = await smsGateway();
    env.clock.set('2026-11-20T13:30:00Z'); // 21:30 in Kunming
    const calm = message('status.approved');
    const urgent = message('status.returned', { applicationId: 7, comment: '请补充材料' });
    expect(await round()).toMatchObject({ sent: 1, deferred: 1 });
    expect(gw.received.map((r) => Number(r.id))).toEqual([urgent]);
    env.clock.set('2026-11-20T23:59:00Z'); // 07:59
    expect(await round()).toMatchObject({ sent: 0 });
    env.clock.set('2026-11-21T00:00:00Z'); // 08:00
    expect(await round()).toMatchObject({ sent: 1 });
    expect(gw.received.map((r) => Number(r.id))).toEqual([urgent, calm]);
  });

  it('honours the worker’s opt-out: the message stays in-app, no POST', async () => {
    gw = await smsGateway();
    const worker1 = await as('worker1');
    expect((await worker1.put('/api/notifications/settings', { smsOptOut: true })).status).toBe(200);
    const id = message();
    expect(await round()).toMatchObject({ skipped: 1, sent: 0 });
    expect(state(id)).toMatchObject({ state: 'skipped', error: 'opted out' });
    expect(gw.received).toEqual([]);
    expect((await worker1.get('/api/notifications')).body.map((m: { id: number }) => m.id)).toEqual([id]);
  });

  it('never sends an ID or a card number, whatever a reason carries', async () => {
    gw = await smsGateway();
    message('payment.failed', {
      applicationId: 7,
      reason: '卡号 6222020200112233445 与身份证 53010219900101123X 不符',
      amountYuan: '500.00',
      stageZh: '过程',
      stageEn: 'process',
    });
    await round();
    const [r] = gw.received;
    expect(r.body.text).toContain('不符');
    expect(r.raw.replace(r.body.to, '')).not.toMatch(/\d{12,}/);
  });
});
