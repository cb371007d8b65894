import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../server/domain/id-number';
import { launch, pageFor, PASSWORD, shot, startServer, type Server } from './harness';

/**
 * R9a: wuhua-001 imports its member roster through the panel — 500 rows, some wrong — sees the
 * preview with each wrong row's reason, corrects the file, imports, and the new workers are members.
 */
let server: Server;
let browser: Browser;
let page: Page;
let errors: string[];

const id = (n: number) => {
  const base = `532301199${n % 10}0${1 + (n % 9)}1${n % 10}${String(n).padStart(3, '0')}`;
  return base + idCheckChar(base);
};
const HEAD = '姓名,身份证号,手机号,职务,一线岗位,入会日期,会费已缴';
const row = (n: number, over: { id?: string; title?: string } = {}) =>
  [
    `名册${n}号`,
    over.id ?? id(n),
    `136${String(n).padStart(8, '0')}`,
    over.title ?? '装配工',
    '是',
    '2020-05-01',
    '是',
  ].join(',');

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  ({ page, errors } = await pageFor(browser));
  await page.goto(`${server.url}/`);
  await page.getByLabel('用户名').fill('wuhua-001');
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: /您好/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the member roster import page', () => {
  it('R9a: previews 500 rows with the wrong ones named, then imports the corrected roster', async () => {
    await page.goto(`${server.url}/#/workers`);
    await page.getByRole('link', { name: '导入会员名册' }).click();
    await page.getByText('上传本单位全部会员', { exact: false }).waitFor();
    const rows = Array.from({ length: 500 }, (_, i) => row(i + 1));
    const bad = id(7);
    rows[6] = row(7, { id: bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1') });
    rows[41] = row(42, { title: '销售部经理' });
    const file = (lines: string[]) => ({
      name: '会员名册.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('\uFEFF' + [HEAD, ...lines].join('\r\n')),
    });
    await page.locator('input[type=file]').setInputFiles(file(rows));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText(/有误 2 行/).waitFor();
    await page.getByText('职务「销售部经理」高于科室主任，不能标为一线岗位', { exact: false }).waitFor();
    await page.getByText(/身份证号：身份证号码校验位不正确/).waitFor();
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await shot(page, 'roster-import-preview');

    rows[6] = row(7);
    rows[41] = row(42, { title: '车间主任' });
    await page.locator('input[type=file]').setInputFiles(file(rows));
    await page.getByRole('button', { name: '预览' }).click();
    await page.getByText(/新增 500 人/).waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page
      .getByText(/名册已导入：新增 500 人/)
      .first()
      .waitFor();
    const res = await page.request.get(
      `${server.url}/api/workers?filter=${encodeURIComponent('{"q":"名册42号"}')}`,
    );
    const [w] = (await res.json()) as {
      isUnionMember: boolean;
      attestedAt: string | null;
      onRoster: boolean;
    }[];
    expect(w).toMatchObject({ isUnionMember: true, onRoster: true });
    expect(w.attestedAt).toBeTruthy();
    expect(errors.filter((e) => !/status of (401|422)/.test(e))).toEqual([]);

    // The sign-up sheet, then 名册42号 opens its account on its phone and is asked for a password.
    await page.getByRole('button', { name: '生成注册码' }).click();
    const line = page.getByTestId('claim-sheet').getByRole('row', { name: /名册42号/ });
    await line.waitFor();
    const code = (await line.locator('td').nth(2).innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    await shot(page, 'roster-claim-sheet');
    const phone = await pageFor(browser, {
      viewport: { width: 360, height: 640 },
      isMobile: true,
      hasTouch: true,
    });
    await phone.page.goto(`${server.url}/portal`);
    await phone.page.getByRole('button', { name: /首次使用/ }).click();
    await phone.page.getByLabel('身份证号码').fill(id(42));
    await phone.page.getByLabel('注册码').fill(code);
    await phone.page.getByRole('button', { name: '开通账号' }).click();
    await phone.page.getByText('请先设置新密码').first().waitFor();
    await shot(phone.page, 'portal-claim-password');
  });

  it('R18: the city commits proposed quotas for a new round that sum to its plan', async () => {
    const { page: city } = await pageFor(browser);
    await city.goto(`${server.url}/`);
    await city.getByLabel('用户名').fill('city');
    await city.getByLabel('密码').fill(PASSWORD);
    await city.getByRole('button', { name: '登录' }).click();
    await city.getByRole('heading', { name: /您好/ }).waitFor();
    const created = await city.request.post(`${server.url}/api/rounds`, {
      data: {
        name: '2027年秋季',
        intakeTerm: '2027-autumn',
        opensOn: '2027-11-11',
        closesOn: '2027-11-30',
        intakeFrom: '2027-08-01',
        intakeTo: '2027-12-31',
        processAmountFen: 50_000,
        resultAmountFen: 100_000,
        plannedPlaces: 3000,
      },
    });
    expect(created.status(), await created.text()).toBe(201);
    const round = (await created.json()) as { id: number };
    await city.goto(`${server.url}/#/quotas`);
    await city.getByRole('link', { name: '按会员分配名额' }).click();
    await city.getByText('合计（计划 3000 个）').waitFor();
    await city.getByRole('button', { name: '采用建议' }).click();
    await city.getByLabel('分配依据（必填）').fill('按已核验会员人数与往期申请、获资助人数');
    await shot(city, 'quota-plan-table');
    await city.getByRole('button', { name: '提交名额' }).click();
    await city
      .getByText(/已提交本批次名额，合计 3000 个/)
      .first()
      .waitFor();
    const quotas = await city.request.get(
      `${server.url}/api/quotas?filter=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}&range=[0,99]`,
    );
    const rows = (await quotas.json()) as { places: number; proposedPlaces: number }[];
    expect(rows.reduce((n, q) => n + q.places, 0)).toBe(3000);
    expect(rows.every((q) => q.proposedPlaces === q.places)).toBe(true);
  });
});
