import { beforeEach, describe, expect, it } from 'vitest';
import { clockSweep } from '../../server/resources/applications/progress';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { decide, submitted, upload } from '../helpers/flow';
import { allocateAndReceive, approvedViaApi, paymentsOf, statusOf } from '../helpers/money';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
const as = (u: string) => new Client(env).login(u);
let worker1: Client, worker2: Client, unit: Client, wuhua: Client, city: Client;

beforeEach(async () => {
  env = testEnv();
  f = smallCity(env);
  [worker1, worker2, unit, wuhua, city] = await Promise.all(
    ['worker1', 'worker2', 'wuhua-001', 'wuhua', 'city'].map(as),
  );
});

const count = (table: string) =>
  (env.db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
const messages = (user: string) =>
  env.db.$client
    .prepare(
      `select n.template, n.params, n.sms_state smsState, n.application_id applicationId from notifications n
       join users u on u.id = n.user_id where u.username = ? order by n.id`,
    )
    .all(user) as { template: string; params: string; smsState: string; applicationId: number }[];

/**
 * The outbox is written in the change's transaction: with a failure injected right after the message
 * row is written, the change, its audit rows and the message all roll back; without it, all commit.
 */
async function together(act: () => Promise<{ status: number }>, changed: () => unknown) {
  const before = { state: changed(), notifications: count('notifications'), audit: count('audit_log') };
  env.db.$client.exec(
    `create trigger inject_failure after insert on notifications begin select raise(abort, 'injected'); end`,
  );
  const failed = await act();
  env.db.$client.exec('drop trigger inject_failure');
  expect(failed.status).toBeGreaterThanOrEqual(400);
  expect({ state: changed(), notifications: count('notifications'), audit: count('audit_log') }).toEqual(
    before,
  );
  const ok = await act();
  expect(ok.status, JSON.stringify(ok)).toBeLessThan(300);
  expect(changed()).not.toEqual(before.state);
  expect(count('notifications')).toBeGreaterThan(before.notifications);
}

describe('the outbox: each event and its message commit together or not at all', () => {
  it('submit, return with the comment, resubmit, the three approvals', async () => {
    const id = await (async () => {
      const { draftWithDocuments } = await import('../helpers/flow');
      return draftWithDocuments(worker1, f.open.id);
    })();
    const st = () => statusOf(env.db, id);
    await together(() => worker1.post(`/api/applications/${id}/submit`), st);
    await together(() => decide(unit, id, 'return', '请补充学费发票'), st);
    await together(() => worker1.post(`/api/applications/${id}/submit`), st);
    await together(() => decide(unit, id), st);
    await together(() => decide(wuhua, id), st);
    await together(() => decide(city, id), st);
    const got = messages('worker1');
    expect(got.map((m) => m.template)).toEqual([
      'status.submitted',
      'status.returned',
      'status.submitted',
      'status.unit_approved',
      'status.org_approved',
      'status.approved',
    ]);
    expect(JSON.parse(got[1].params)).toMatchObject({ applicationId: id, comment: '请补充学费发票' });
    // SMS-worthy ones wait for the dispatcher; the rest stay in-app
    expect(got.map((m) => m.smsState)).toEqual(['none', 'pending', 'none', 'none', 'none', 'pending']);
    expect(messages('worker2')).toEqual([]);
  });

  it('a payment paid and a payment failed', async () => {
    const a = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city]);
    const b = await approvedViaApi(worker2, f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, {
      roundId: f.open.id,
      organizationId: f.wuhua.id,
      stage: 'process',
    });
    const [pa] = paymentsOf(env.db, a);
    const [pb] = paymentsOf(env.db, b);
    await together(
      () => wuhua.post(`/api/payments/${pa.id}/pay`, { reference: 'WH-1' }),
      () => paymentsOf(env.db, a)[0].status,
    );
    await together(
      () => wuhua.post(`/api/payments/${pb.id}/fail`, { reason: '卡号 6222020200112233445 户名不符' }),
      () => paymentsOf(env.db, b)[0].status,
    );
    expect(
      messages('worker1')
        .map((m) => m.template)
        .slice(-1),
    ).toEqual(['payment.paid']);
    const failed = messages('worker2').at(-1)!;
    expect(failed.template).toBe('payment.failed');
    // no card number in any text the worker (or the SMS gateway) gets
    const text = (await worker2.get('/api/notifications')).body[0].text;
    expect(text.zh).toContain('户名不符');
    expect(text.zh).not.toMatch(/\d{12,}/);
  });

  it('an appeal filed (to the union) and answered (to the worker)', async () => {
    const id = await submitted(worker1, f.open.id);
    expect((await decide(unit, id, 'reject', '非一线岗位')).status).toBe(200);
    const appealState = () => count('appeals');
    await together(
      () =>
        worker1.post('/api/appeals', {
          applicationId: id,
          subject: 'review',
          content: '我在一线岗位工作，请复核',
        }),
      appealState,
    );
    const appealId = (env.db.$client.prepare('select max(id) id from appeals').get() as { id: number }).id;
    expect(messages('wuhua-001').map((m) => m.template)).toEqual(['appeal.filed']);
    const answer = () =>
      (env.db.$client.prepare('select status from appeals where id = ?').get(appealId) as { status: string })
        .status;
    await together(
      () => unit.post(`/api/appeals/${appealId}/respond`, { response: '经复核维持原决定' }),
      answer,
    );
    expect(
      messages('worker1')
        .map((m) => m.template)
        .slice(-1),
    ).toEqual(['appeal.answered']);
  });

  it('R6: the clock warns 90 and 30 days before the deadline, once each', async () => {
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city]);
    const deadline = (
      env.db.$client.prepare('select graduation_deadline d from rounds where id = ?').get(f.open.id) as {
        d: string;
      }
    ).d;
    const daysBefore = (n: number) =>
      new Date(Date.parse(deadline) - n * 86_400_000 + 2 * 3600_000).toISOString();
    env.clock.set(daysBefore(100));
    clockSweep(env.db, env.clock.now);
    expect(messages('worker1').filter((m) => m.template === 'lapse.warning')).toEqual([]);
    env.clock.set(daysBefore(90));
    const sweep = async () => ({ status: (clockSweep(env.db, env.clock.now), 200) });
    const warned = () => messages('worker1').filter((m) => m.template === 'lapse.warning').length;
    await expect(
      together(async () => {
        try {
          return await sweep();
        } catch {
          return { status: 500 };
        }
      }, warned),
    ).resolves.toBeUndefined();
    clockSweep(env.db, env.clock.now); // a second sweep the same day writes nothing twice
    expect(warned()).toBe(1);
    env.clock.set(daysBefore(30));
    clockSweep(env.db, env.clock.now);
    clockSweep(env.db, env.clock.now);
    const w = messages('worker1').filter((m) => m.template === 'lapse.warning');
    expect(w.map((m) => JSON.parse(m.params).days)).toEqual([90, 30]);
    expect(w[0].applicationId).toBe(id);
  });
});

describe('GET /api/notifications: one account’s own messages', () => {
  it('newest first, unread filter and count, read one, read all; another account’s message is a 404', async () => {
    const id = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city], { verified: false });
    const list = await worker1.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.map((m: { template: string }) => m.template)).toEqual([
      'status.approved',
      'status.org_approved',
      'status.unit_approved',
      'status.submitted',
    ]);
    expect(list.body[0]).toMatchObject({ applicationId: id, read: false });
    expect(list.body[0].text.zh).toContain(`#${id}`);
    expect(list.body[0].text.en).toContain('approved');
    const unread = await worker1.get(`/api/notifications${q({ filter: { read: false }, range: [0, 0] })}`);
    expect(unread.headers.get('content-range')).toBe('notifications 0-0/4');

    const first = list.body[0].id as number;
    // nobody reads another person's messages: not the other worker, not the city admin
    for (const other of [worker2, city]) {
      expect((await other.get(`/api/notifications/${first}`)).status).toBe(404);
      expect((await other.post(`/api/notifications/${first}/read`)).status).toBe(404);
    }
    expect((await worker2.get('/api/notifications')).body).toEqual([]);

    const read = await worker1.post(`/api/notifications/${first}/read`);
    expect(read.body).toMatchObject({ id: first, read: true });
    expect(
      (await worker1.get(`/api/notifications${q({ filter: { read: false } })}`)).body.map(
        (m: { id: number }) => m.id,
      ),
    ).not.toContain(first);
    expect((await worker1.post('/api/notifications/read-all')).body).toEqual({ read: 3 });
    expect((await worker1.get(`/api/notifications${q({ filter: { read: false } })}`)).body).toEqual([]);
    expect((await worker1.get(`/api/notifications${q({ filter: { read: true } })}`)).body).toHaveLength(4);
  });

  it('a worker opts out of SMS in its profile (audited); a staff account may leave a phone', async () => {
    expect((await worker1.get('/api/notifications/settings')).body).toEqual({
      smsOptOut: false,
      phone: null,
    });
    expect((await worker1.put('/api/notifications/settings', { smsOptOut: true })).body.smsOptOut).toBe(true);
    expect((await worker1.put('/api/notifications/settings', { phone: '13800000000' })).status).toBe(400);
    expect((await unit.put('/api/notifications/settings', { phone: '13800000001' })).body).toEqual({
      smsOptOut: false,
      phone: '13800000001',
    });
    expect(count("audit_log where action = 'notification-settings'")).toBe(2);
  });
});

describe('templates as data', () => {
  it('the city admin lists and previews them; an edit is audited and shows in the messages', async () => {
    const list = await city.get('/api/notification-templates');
    expect(list.status).toBe(200);
    expect(list.body.map((t: { id: string }) => t.id)).toContain('status.approved');
    const one = await city.get('/api/notification-templates/status.returned');
    expect(one.body.slots).toEqual(['applicationId', 'comment']);
    expect(one.body.preview.zh).toContain('请补充学费发票');
    expect((await wuhua.get('/api/notification-templates')).status).toBe(403);
    expect(
      (
        await city.put('/api/notification-templates/status.submitted', {
          zh: '申请 #{applicationId} 已提交 {nope}',
        })
      ).status,
    ).toBe(400);
    const edit = await city.put('/api/notification-templates/status.submitted', {
      zh: '您的申请 #{applicationId} 已提交，请耐心等待。',
    });
    expect(edit.status).toBe(200);
    expect(count("audit_log where resource = 'notification-templates'")).toBe(1);
    const id = await submitted(worker1, f.open.id);
    const [m] = (await worker1.get('/api/notifications')).body;
    expect(m.text.zh).toBe(`您的申请 #${id} 已提交，请耐心等待。`);
  });
});

describe('the outbox for the city admin', () => {
  it('lists every message with its SMS state; a dead letter may be retried', async () => {
    await approvedViaApi(worker1, f.open.id, [unit, wuhua, city], { verified: false });
    const all = await city.get(`/api/notification-outbox${q({ filter: { smsState: 'pending' } })}`);
    expect(all.body.map((m: { template: string }) => m.template)).toEqual(['status.approved']);
    const id = all.body[0].id;
    expect((await city.post(`/api/notification-outbox/${id}/retry`)).status).toBe(409);
    env.db.$client.prepare(`update notifications set sms_state = 'dead', sms_tries = 6 where id = ?`).run(id);
    expect((await city.post(`/api/notification-outbox/${id}/retry`)).body).toMatchObject({
      smsState: 'pending',
      smsTries: 0,
    });
    expect((await wuhua.get('/api/notification-outbox')).status).toBe(403);
    void upload;
  });
});
