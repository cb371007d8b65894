import { createHmac } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smsGateway } from '../helpers/sms-gateway';
import { apiLogin, launch, pageFor, shot, startServer, type Server } from './harness';
import { staff } from './portal-staff';

/**
 * Messages on a fresh demo city with a local SMS gateway listening: the union's approval of worker1's
 * application is an unread message in worker1's portal (the bell's badge) and one signed POST at the
 * gateway; reading it clears the badge.
 */
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const SECRET = 'e2e-sms-secret-0123456789';

let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];
let gw: Awaited<ReturnType<typeof smsGateway>>;
let appId: number;
let draft: (level: string) => Promise<number>;

beforeAll(async () => {
  gw = await smsGateway();
  // Quiet hours off: the test runs at any hour of the day (they are tested on a fake clock elsewhere).
  server = await startServer({
    SMS_WEBHOOK_URL: gw.url,
    SMS_WEBHOOK_SECRET: SECRET,
    NOTIFY_EVERY_MS: '300',
    SMS_QUIET_HOURS: 'off',
  });
  browser = await launch();
  ({ page, errors } = await pageFor(browser, PHONE));
  await apiLogin(page, server.url, 'worker1');
  const city = await staff(server.url, 'city');
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const rounds = await city.call<{ id: number; opensOn: string; closesOn: string }[]>('GET', '/rounds');
  const round = rounds.find((r) => r.opensOn <= today && today <= r.closesOn)!;
  const probe = await browser.newPage();
  await probe.setContent('<body><h1>入学通知书</h1></body>');
  const png = await probe.screenshot({ type: 'png' });
  await probe.close();
  const req = page.request;
  /** worker1 applies through the API the portal uses: a draft, its four documents, submitted. */
  draft = async (educationLevel: string) => {
    const created = await req.post(`${server.url}/api/applications`, {
      data: {
        roundId: round.id,
        institutionId: 2,
        educationLevel,
        major: '数控技术',
        studyMode: 'part_time',
        enrolledOn: new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10),
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const id = ((await created.json()) as { id: number }).id;
    for (const kind of ['application_form', 'id_card', 'admission_notice', 'tuition_receipt']) {
      const up = await req.post(`${server.url}/api/documents`, {
        multipart: {
          applicationId: String(id),
          kind,
          file: { name: `${kind}.png`, mimeType: 'image/png', buffer: png },
        },
      });
      expect(up.status()).toBe(201);
    }
    expect((await req.post(`${server.url}/api/applications/${id}/submit`)).status()).toBe(200);
    return id;
  };
  appId = await draft('associate');
  expect((await req.post(`${server.url}/api/notifications/read-all`)).status()).toBe(200);
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await gw?.close();
});

const badge = () => page.getByTestId('unread-badge');

describe('the portal’s messages', () => {
  it('a badge appears after the union approves, and disappears when the message is read', async () => {
    await page.goto(`${server.url}/portal`);
    await page.getByTestId('bell').waitFor();
    expect(await badge().count()).toBe(0);

    const unit = await staff(server.url, 'wuhua-001');
    await unit.call('POST', `/applications/${appId}/review`, {
      decision: 'approve',
      comment: '',
      attest: { member: true, frontline: true },
    });
    await page.reload();
    await expect.poll(() => badge().textContent()).toBe('1');
    await shot(page, 'portal-messages-badge');

    await page.getByTestId('bell').click();
    const item = page.locator('[data-testid^="message-"]').first();
    await expect.poll(() => item.textContent()).toContain('基层工会已推荐');
    expect(await item.getAttribute('data-read')).toBe('false');
    await shot(page, 'portal-messages-list');
    await item.locator('a').click();
    await page.waitForURL(`**/portal/applications/${appId}`);
    await expect.poll(() => badge().count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('the city’s approval is an unread message and one signed POST at the gateway', async () => {
    const wuhua = await staff(server.url, 'wuhua');
    await wuhua.call('POST', `/applications/${appId}/review`, { decision: 'approve', comment: '' });
    const city = await staff(server.url, 'city');
    await city.call('POST', `/applications/${appId}/review`, { decision: 'approve', comment: '' });
    await page.goto(`${server.url}/portal/messages`);
    await expect.poll(() => badge().textContent()).toBe('2');
    await expect
      .poll(() => page.locator('[data-testid^="message-"]').first().textContent())
      .toContain('已获批准');

    await expect
      .poll(() => gw.received.filter((r) => r.body.template === 'status.approved').length, {
        timeout: 20_000,
      })
      .toBe(1);
    const post = gw.received.find((r) => r.body.template === 'status.approved')!;
    expect(post.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(post.raw).digest('hex')}`);
    expect(post.body.text).toContain(`#${appId}`);
    // The city admin sees the outbox's state.
    const sent = await city.call<{ id: number; smsState: string }[]>(
      'GET',
      `/notification-outbox?filter=${encodeURIComponent(JSON.stringify({ template: 'status.approved' }))}`,
    );
    await expect
      .poll(
        async () =>
          (await city.call<{ smsState: string }>('GET', `/notification-outbox/${sent[0].id}`)).smsState,
      )
      .toBe('sent');

    await page.getByTestId('read-all').click();
    await expect.poll(() => badge().count()).toBe(0);
    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.locator('[data-testid^="message-"]').first().textContent())
      .toContain('approved');
    await shot(page, 'portal-messages-en');
    await page.getByRole('button', { name: '中文' }).click();
    expect(errors).toEqual([]);
  });

  it('the worker switches text messages off in the profile', async () => {
    await page.goto(`${server.url}/portal/profile`);
    const box = page.getByTestId('sms-opt-in');
    await expect.poll(() => box.isChecked()).toBe(true);
    await box.click();
    await expect.poll(() => box.isChecked()).toBe(false);
    const settings = await page.request.get(`${server.url}/api/notifications/settings`);
    expect(await settings.json()).toMatchObject({ smsOptOut: true });
    const height = await box.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThanOrEqual(44);
    await page.getByText('短信通知').scrollIntoViewIfNeeded();
    await shot(page, 'portal-messages-profile');
    expect(errors).toEqual([]);
  });

  it('the panel’s bell counts a clerk’s unread messages and lists them', async () => {
    // worker1's second application is refused and appealed: the union that refused hears of the appeal.
    const other = await draft('bachelor');
    const unit = await staff(server.url, 'wuhua-001');
    await unit.call('POST', `/applications/${other}/review`, { decision: 'reject', comment: '非一线岗位' });
    const appeal = await page.request.post(`${server.url}/api/appeals`, {
      data: { applicationId: other, subject: 'review', content: '我在一线岗位工作，请复核' },
    });
    expect(appeal.status()).toBe(201);
    const unread = await unit.call<unknown[]>(
      'GET',
      `/notifications?filter=${encodeURIComponent(JSON.stringify({ read: false }))}`,
    );
    expect(unread.length).toBeGreaterThan(0);

    const desk = await pageFor(browser);
    await apiLogin(desk.page, server.url, 'wuhua-001');
    await desk.page.goto(server.url);
    const bell = desk.page.getByTestId('notification-bell');
    await bell.waitFor();
    await expect.poll(() => bell.textContent()).toContain(String(unread.length));
    await bell.click();
    await expect.poll(() => desk.page.getByRole('menu').textContent()).toContain('收到申诉');
    await desk.page.waitForTimeout(400); // the menu's fade-in, for the picture only
    await shot(desk.page, 'panel-notification-bell');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });

  it('the city admin previews a template and sees the SMS outbox', async () => {
    const desk = await pageFor(browser);
    await apiLogin(desk.page, server.url, 'city');
    await desk.page.goto(`${server.url}/#/notification-templates/status.returned`);
    await expect
      .poll(() => desk.page.getByTestId('template-preview').textContent())
      .toContain('请补充学费发票');
    await shot(desk.page, 'panel-notification-template');
    await desk.page.goto(`${server.url}/#/notification-outbox`);
    await expect.poll(() => desk.page.locator('tbody').textContent()).toContain('已发送');
    await shot(desk.page, 'panel-notification-outbox');
    expect(desk.errors).toEqual([]);
    await desk.context.close();
  });
});
