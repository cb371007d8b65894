import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, launch, pageFor, shot, startServer, type Server } from './harness';

/**
 * Clear to the people who use it, in both languages, on an office screen and a 390 px phone: a
 * reviewer opens a seeded document and sees the scan; the payments list and the mark-paid dialog
 * name the worker and the card; on a phone the list is a simple list, not a table.
 */
let server: Server;
let browser: Browser;

const LOCALES = ['zh-CN', 'en'] as const;
const T = {
  'zh-CN': { preview: '预览', pay: '登记已发放', close: '关闭', cancel: '取消' },
  en: { preview: 'Preview', pay: 'Mark paid', close: 'Close', cancel: 'Cancel' },
};

async function session(username: string, locale: (typeof LOCALES)[number], width = 1366) {
  const { page, errors } = await pageFor(browser, {
    locale,
    viewport: { width, height: width < 600 ? 844 : 768 },
    ...(width < 600 ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  // react-admin keeps the chosen locale in its store: the English panel is the one a user picked.
  await page.addInitScript((l) => localStorage.setItem('RaStore.locale', JSON.stringify(l)), locale);
  await apiLogin(page, server.url, username);
  return { page, errors };
}

async function json<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}/api${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()}`);
  return (await res.json()) as T;
}

const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('seeded documents open', () => {
  it('GET /api/documents/{id}/file answers the seeded scan, a JPEG or a PDF', async () => {
    const { page } = await session('wuhua', 'zh-CN');
    for (const kind of ['id_card', 'application_form']) {
      const [doc] = await json<{ id: number; mimeType: string }[]>(
        page,
        `/documents?${filter({ kind })}&range=[0,0]`,
      );
      const res = await page.request.get(`${server.url}/api/documents/${doc.id}/file`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toBe(doc.mimeType);
      const head = (await res.body()).subarray(0, 4);
      expect(head.toString('latin1')).toBe(kind === 'id_card' ? '\xff\xd8\xff\xe0' : '%PDF');
    }
    await page.context().close();
  });

  for (const locale of LOCALES)
    it(`a reviewer previews a seeded scan and sees it (${locale})`, async () => {
      const { page, errors } = await session('wuhua', locale);
      const [doc] = await json<{ id: number; applicationId: number; fileName: string }[]>(
        page,
        `/documents?${filter({ kind: 'id_card' })}&range=[0,0]`,
      );
      await page.goto(`${server.url}/#/applications/${doc.applicationId}/show`);
      await page
        .getByRole('button', { name: `${T[locale].preview} ${doc.fileName}` })
        .first()
        .click();
      const img = page.getByRole('dialog').getByRole('img', { name: doc.fileName });
      await img.waitFor();
      await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(768);
      await shot(page, `names-01-seeded-scan-${locale}`);
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      await page.context().close();
    });
});

describe('names on money', () => {
  for (const locale of LOCALES)
    it(`the payments list and the mark-paid dialog name the worker and the card (${locale})`, async () => {
      const { page, errors } = await session('school', locale);
      const [p] = await json<{ id: number; workerName: string; cardMasked: string | null }[]>(
        page,
        `/payments?${filter({ status: 'pending' })}&sort=["id","DESC"]&range=[0,0]`,
      );
      expect(p.workerName).toMatch(/\S/);
      await page.goto(`${server.url}/#/payments?${filter({ status: 'pending' })}`);
      const row = page.locator('tr', { hasText: p.workerName }).first();
      await row.waitFor();
      await shot(page, `names-02-payments-${locale}`);
      await row.getByRole('button', { name: T[locale].pay }).click();
      const dialog = page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain(p.workerName);
      if (p.cardMasked) expect(await dialog.textContent()).toContain(p.cardMasked);
      await shot(page, `names-03-mark-paid-${locale}`);
      await dialog.getByRole('button', { name: T[locale].cancel }).click();
      expect(errors.filter((e) => !/status of 401/.test(e))).toEqual([]);
      await page.context().close();
    });

  for (const locale of LOCALES)
    it(`on a 390 px phone the payments list is a simple list (${locale})`, async () => {
      const { page } = await session('school', locale, 390);
      const [p] = await json<{ workerName: string }[]>(page, `/payments?sort=["id","DESC"]&range=[0,0]`);
      await page.goto(`${server.url}/#/payments`);
      // A simple list: the worker's name in a list item, no table.
      await page.locator('li', { hasText: p.workerName }).first().waitFor();
      expect(await page.locator('table').count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      await shot(page, `names-04-phone-payments-${locale}`);
      expect(overflow).toBeLessThanOrEqual(390);
      // The dashboard and the applications fit the phone too.
      for (const route of ['/', '/applications']) {
        await page.goto(`${server.url}/?r=${route.length}#${route}`);
        await page.waitForLoadState('networkidle');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      }
      await shot(page, `names-11-phone-applications-${locale}`);
      await page.context().close();
    });

  it('an allocation opens on the applications it covers, by worker', async () => {
    const { page } = await session('city', 'zh-CN');
    const [a] = await json<{ id: number }[]>(
      page,
      `/allocations?${filter({ status: 'received' })}&range=[0,0]`,
    );
    const one = await json<{ items: { workerName: string }[] }>(page, `/allocations/${a.id}`);
    await page.goto(`${server.url}/#/allocations/${a.id}/show`);
    await page.getByText(one.items[0].workerName).first().waitFor();
    await shot(page, 'names-05-allocation-show');
    await page.getByRole('button', { name: '拨款通知单' }).click();
    await page.getByRole('heading', { name: '学历提升资助拨款通知单' }).waitFor();
    await shot(page, 'names-06-allocation-notice');
    await page.getByRole('button', { name: '关闭' }).click();
    await page.getByRole('button', { name: '发放清单' }).click();
    await page.getByRole('heading', { name: '学历提升资助发放清单' }).waitFor();
    await page.waitForLoadState('networkidle');
    await shot(page, 'names-07-payment-list-sheet');
    await page.context().close();
  });
});

describe('smaller things', () => {
  it('a password change says it was changed', async () => {
    const { page } = await session('panlong', 'zh-CN');
    await page.goto(`${server.url}/#/change-password`);
    await page.getByLabel(/^当前密码/).fill('Kunming@2019');
    await page.getByLabel(/^新密码/).fill('Kunming@2026x');
    await page.getByLabel(/^确认新密码/).fill('Kunming@2026x');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('密码已修改').waitFor();
    await shot(page, 'names-08-password-changed');
    await page.context().close();
  });

  it("a unit admin's empty allocation list offers no create it cannot do", async () => {
    const { page } = await session('wuhua-001', 'zh-CN');
    await page.goto(`${server.url}/#/allocations`);
    await page.waitForLoadState('networkidle');
    await shot(page, 'names-09-unit-allocations');
    expect(await page.getByText('要新建一条吗').count()).toBe(0);
    await page.context().close();
  });

  it('the city dashboard shows the last integrity check with its time', async () => {
    const { page } = await session('city', 'zh-CN');
    await page.goto(`${server.url}/#/`);
    await page.getByText(/检查时间/).waitFor();
    await shot(page, 'names-10-dashboard-integrity');
    await page.context().close();
  });
});
