import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, launch, pageFor, shot, startServer, type Server } from './harness';
import { listQuery, staff, type Staff } from './portal-staff';

/**
 * What a person reads, on a fresh demo city, in both languages, on an office screen and a 390 px
 * phone: the timeline names who acted, no screen shows a rule number or a raw code, and the portal's
 * home leads to the application a worker already has.
 */
const DESKTOP = { viewport: { width: 1366, height: 768 } };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const HAN = /\p{Script=Han}/u;
/** Rule numbers, section signs and the API's codes, none of which a user should read. */
const RAW =
  /\bR\d|§|\b(process_paid|unit_approved|org_approved|dropped_out|not_funded|review:\w+|login:failed|image\/(jpeg|png)|application\/pdf|\d{4}-(spring|autumn))\b/;

let server: Server;
let browser: Browser;
let city: Staff;
let dropped: { id: number };

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  city = await staff(server.url, 'city');
  // An institution's own student, funded and studying: the institution records the dropout.
  const ynou = await staff(server.url, 'ynou');
  const studying = await ynou.call<{ id: number }[]>(
    'GET',
    `/applications${listQuery({ status: ['process_paid'] })}&range=[0,0]`,
  );
  dropped = studying[0];
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await ynou.call('POST', `/applications/${dropped.id}/dropout`, {
    date: today,
    reason: '工作调动，无法继续学习',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function panel(user: string, lang: 'zh-CN' | 'en', view = DESKTOP): Promise<Page> {
  const { page } = await pageFor(browser, { ...view, locale: lang });
  await page.addInitScript((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), lang);
  await apiLogin(page, server.url, user);
  return page;
}

let loads = 0;
async function open(page: Page, route: string): Promise<string> {
  await page.goto(`${server.url}/?load=${++loads}#${route}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(200);
  return page.locator('#main-content, main, body').first().innerText();
}

describe('R14: the timeline names who acted, in both languages', () => {
  for (const [lang, view, tag] of [
    ['zh-CN', DESKTOP, 'desktop'],
    ['en', DESKTOP, 'desktop'],
    ['zh-CN', PHONE, 'phone'],
    ['en', PHONE, 'phone'],
  ] as const) {
    it(`an institution’s dropout shows the institution (${lang}, ${tag})`, async () => {
      const page = await panel('city', lang, view);
      await open(page, `/applications/${dropped.id}/show`);
      const entry = page.locator('li[data-event="dropout"]').last();
      await entry.waitFor();
      await entry.scrollIntoViewIfNeeded();
      await expect(entry.getByTestId('timeline-by').innerText()).resolves.toContain('云南开放大学');
      const what = await entry.getByTestId('timeline-what').innerText();
      expect(what).toBe(lang === 'en' ? 'Dropped out' : '退学');
      if (lang === 'en') {
        // Every event's words are English; only names (the actor) may be Chinese.
        const words = await page.getByTestId('timeline-what').allInnerTexts();
        expect(words.filter((w) => HAN.test(w))).toEqual([]);
      }
      await shot(page, `clarity-timeline-dropout-${lang}-${tag}`);
      await page.context().close();
    });
  }
});

describe('no screen a user reads shows a rule number or a raw code', () => {
  const ROUTES: Record<string, string[]> = {
    city: [
      '/',
      '/applications',
      '/payments',
      '/allocations',
      '/audit-log',
      '/performance',
      '/rounds',
      '/study-checks',
      '/documents',
    ],
    wuhua: ['/', '/applications', '/payments', '/performance', '/balances'],
    'wuhua-001': ['/', '/applications'],
    school: ['/', '/payments'],
    ynou: ['/', '/applications', '/study-checks'],
  };
  for (const lang of ['zh-CN', 'en'] as const)
    for (const [user, routes] of Object.entries(ROUTES))
      it(`${user}, ${lang}`, async () => {
        const page = await panel(user, lang);
        for (const route of [...routes, `/applications/${dropped.id}/show`]) {
          if (route.endsWith('/show') && user !== 'city' && user !== 'ynou') continue;
          const text = await open(page, route);
          expect(text.match(RAW)?.[0], `${user} ${route}`).toBeUndefined();
        }
        if (user === 'city') await shot(page, `clarity-walk-city-${lang}`);
        await page.context().close();
      });

  it('the performance view says how it ranks and what 结存 means', async () => {
    const page = await panel('city', 'zh-CN');
    await open(page, '/performance');
    await page.locator('[data-note="ranking"]').waitFor();
    await expect(page.locator('[data-note="money"]').innerText()).resolves.toContain('工会结存 =');
    await page.locator('[data-section="money"]').scrollIntoViewIfNeeded();
    await shot(page, 'clarity-performance-money');
    await page.locator('[data-section="ranking"]').scrollIntoViewIfNeeded();
    await shot(page, 'clarity-performance-ranking');
    await page.context().close();
  });
});

describe('the portal', () => {
  it('home leads to the application the worker already has; 开始申请 makes no second one', async () => {
    const { page } = await pageFor(browser, { ...PHONE, locale: 'zh-CN' });
    await apiLogin(page, server.url, 'worker1');
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const rounds = await city.call<{ id: number; opensOn: string; closesOn: string }[]>('GET', '/rounds');
    const round = rounds.find((r) => r.opensOn <= today && today <= r.closesOn)!;
    // Before any application: the start button.
    await page.goto(`${server.url}/portal`);
    await page.getByRole('link', { name: '开始申请' }).waitFor();
    await expect(page.getByTestId('sign-out').isVisible()).resolves.toBe(true);
    // Step 1 refuses to move on empty, naming the field; nothing is created.
    await page.getByRole('link', { name: '开始申请' }).click();
    await page.getByTestId('next').click();
    await page.getByText('请选择就读院校').first().waitFor();
    await shot(page, 'clarity-portal-step1-empty');
    const before = await page.request.get(`${server.url}/api/applications`);
    expect(await before.json()).toEqual([]);
    // A draft now exists: home leads to it, and /apply/new goes there too.
    const created = await page.request.post(`${server.url}/api/applications`, {
      data: { roundId: round.id },
    });
    const app = (await created.json()) as { id: number };
    await page.goto(`${server.url}/portal`);
    const go = page.getByTestId('go-mine');
    await go.waitFor();
    await expect(go.getAttribute('href')).resolves.toBe(`/portal/apply/${app.id}`);
    await expect(page.getByRole('link', { name: '开始申请' }).count()).resolves.toBe(0);
    await shot(page, 'clarity-portal-home-existing');
    await page.goto(`${server.url}/portal/apply/new?round=${round.id}`);
    await page.waitForURL(new RegExp(`/portal/apply/${app.id}`));
    const all = await (await page.request.get(`${server.url}/api/applications`)).json();
    expect(all).toHaveLength(1);
    // The help page, with the hotline.
    await page.goto(`${server.url}/portal/help`);
    await expect(page.getByTestId('hotline').innerText()).resolves.toBe('95723');
    await shot(page, 'clarity-portal-help');
    // English: no Han on the home screen but names.
    await page.evaluate(() => localStorage.setItem('portal.lang', 'en'));
    await page.goto(`${server.url}/portal`);
    await page.getByTestId('go-mine').waitFor();
    const text = await page.locator('main').innerText();
    expect(text.match(RAW)?.[0]).toBeUndefined();
    await shot(page, 'clarity-portal-home-en');
    // Withdrawn: an end of the road, said as one, with what can still be done; home offers a new start.
    await page.evaluate(() => localStorage.setItem('portal.lang', 'zh-CN'));
    expect((await page.request.post(`${server.url}/api/applications/${app.id}/withdraw`)).status()).toBe(200);
    await page.goto(`${server.url}/portal/applications/${app.id}`);
    await page.getByTestId('end').waitFor();
    await expect(page.getByTestId('end').innerText()).resolves.toContain('以后的批次');
    expect(await page.locator('[data-testid=progress] [data-state=todo]').count()).toBe(0);
    await shot(page, 'clarity-portal-ended');
    await page.goto(`${server.url}/portal`);
    await page.getByRole('link', { name: '开始申请' }).waitFor();
    await page.context().close();
  });
});
