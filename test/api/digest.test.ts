import { afterEach, describe, expect, it } from 'vitest';
import { dispatchRound } from '../../server/resources/notifications/dispatch';
import { startNotifier } from '../../server/resources/notifications/notifier';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { submitted } from '../helpers/flow';
import { smsGateway } from '../helpers/sms-gateway';

let gw: Awaited<ReturnType<typeof smsGateway>> | undefined;
afterEach(async () => {
  await gw?.close();
  gw = undefined;
});

const digests = (env: TestEnv) =>
  env.db.$client
    .prepare(
      `select u.username, n.params, n.sms_state smsState from notifications n join users u on u.id = n.user_id
       where n.template = 'digest.staff' order by u.username`,
    )
    .all() as { username: string; params: string; smsState: string }[];

describe('the morning digest for staff', () => {
  it('one message a China day per account with work waiting, from 08:00 on; to the gateway when it has a phone', async () => {
    const env = testEnv();
    const f = smallCity(env);
    const worker1 = await new Client(env).login('worker1');
    const unit = await new Client(env).login('wuhua-001');
    await submitted(worker1, f.open.id);
    expect((await unit.put('/api/notifications/settings', { phone: '13900000001' })).status).toBe(200);

    env.clock.set('2026-11-20T23:30:00Z'); // 07:30 in Kunming: not yet
    const notifier = startNotifier(env.db, env.clock.now, { everyMs: 3_600_000 });
    await notifier.tick();
    expect(digests(env)).toEqual([]);

    env.clock.set('2026-11-21T00:05:00Z'); // 08:05
    await notifier.tick();
    await notifier.tick(); // a second round the same day writes nothing twice
    const got = digests(env);
    expect(got.map((d) => d.username)).toEqual(['wuhua-001']);
    expect(JSON.parse(got[0].params)).toMatchObject({ toReview: 1, overdue: 0, toPay: 0, appealsDue: 0 });
    // sessions do not last the night: the clerk signs in again in the morning
    const [m] = (await (await new Client(env).login('wuhua-001')).get('/api/notifications')).body;
    expect(m.text.zh).toContain('待审核 1 件');

    gw = await smsGateway();
    await dispatchRound(env.db, env.clock.now, { url: gw.url, secret: 'digest-secret-0123456789' });
    expect(gw.received.map((r) => r.body.to)).toEqual(['13900000001']);

    env.clock.advance(86_400_000); // the next morning: a new digest
    await notifier.tick();
    expect(digests(env)).toHaveLength(2);
    await notifier.stop();
  });
});
