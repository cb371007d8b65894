import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pageFor, PASSWORD, shot, startServer, type Server } from './harness';

/**
 * The admin panel on a 1366×768 office screen, against the real server on a fresh demo
 * city. Three clerks sign in through the login page and carry one application from submitted to
 * approved with the buttons; the city bulk-approves, adjusts a quota, allocates and transfers money
 * that the district receives and pays; a refund is recorded; an appeal answered; every dashboard
 * figure is checked against the API.
 */
interface Session {
  page: Page;
  errors: string[];
}

let server: Server;
let browser: Browser;
const sessions: Record<string, Session> = {};

/** The browser logs the 401 of "who am I?" before sign-in as a failed resource: that one is expected. */
const realErrors = (s: Session) => s.errors.filter((e) => !/status of 401/.test(e));

const q = (filter: Record<string, unknown>, extra = '') =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}${extra}`;

/** A GET through the session's own cookie, answering the JSON and the list total. */
async function api<T = unknown>(s: Session, path: string): Promise<{ body: T; total: number | null }> {
  const res = await s.page.request.get(`${server.url}/api${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  const range = res.headers()['content-range'];
  return { body: (await res.json()) as T, total: range ? Number(range.split('/')[1]) : null };
}

/**
 * A fresh load of the route (a new query string makes it a real navigation): nothing cached from
 * the clerk's previous page, and `networkidle` then means the page's own requests are done.
 */
let loads = 0;
async function open(s: Session, route: string): Promise<void> {
  await s.page.goto(`${server.url}/?load=${++loads}#${route}`);
  await s.page.waitForLoadState('networkidle');
}

/** Signs in through the login page, as a clerk would, and lands on the role's home. */
async function signIn(username: string): Promise<Session> {
  const { page, errors } = await pageFor(browser);
  const s = { page, errors };
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: '学历提升资助管理系统' }).waitFor();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: /您好/ }).waitFor();
  await page.waitForLoadState('networkidle');
  sessions[username] = s;
  return s;
}

/** The dialog's confirm button (same words as the button that opened it), then the success notice. */
async function confirmIn(s: Session, button: string | RegExp, notice: string | RegExp): Promise<void> {
  const dialog = s.page.getByRole('dialog');
  await dialog.getByRole('button', { name: button, exact: typeof button === 'string' }).click();
  await s.page.getByText(notice).first().waitFor();
  await dialog.waitFor({ state: 'hidden' });
}

async function statusOf(s: Session, id: number): Promise<string> {
  return (await api<{ status: string }>(s, `/applications/${id}`)).body.status;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the admin panel, clerk by clerk', () => {
  let carried: number;
  let roundId: number;

  it('signs the three clerks in through the login page, each to a home with their own pile', async () => {
    for (const user of ['wuhua-001', 'wuhua', 'city']) await signIn(user);
    const unit = sessions['wuhua-001'];
    await unit.page.locator('[data-pile="review"] [data-count]:not([data-count=""])').waitFor();
    const shown = Number(
      await unit.page.locator('[data-pile="review"] [data-count]').getAttribute('data-count'),
    );
    expect(shown).toBe((await api(unit, `/applications?${q({ waitingStep: 1 })}&range=[0,0]`)).total);
    await shot(unit.page, 'admin-01-unit-home');
    await shot(sessions.wuhua.page, 'admin-02-district-home');
    const rounds = (await api<{ id: number }[]>(sessions.city, '/rounds?sort=["opensOn","DESC"]')).body;
    roundId = rounds[0].id;
    for (const s of Object.values(sessions)) expect(realErrors(s)).toEqual([]);
  });

  it('carries one application from submitted to approved with the 通过 buttons of the three levels', async () => {
    const unit = sessions['wuhua-001'];
    const waiting = (
      await api<{ id: number }[]>(
        unit,
        `/applications?${q({ waitingStep: 1 })}&sort=["submittedAt","ASC"]&range=[0,0]`,
      )
    ).body;
    carried = waiting[0].id;

    const steps: [string, string, string][] = [
      ['wuhua-001', 'unit_approved', '基层已推荐'],
      ['wuhua', 'org_approved', '区县已审查'],
      ['city', 'approved', '已通过'],
    ];
    for (const [user, status, label] of steps) {
      const s = sessions[user];
      await open(s, `/applications/${carried}/show`);
      await s.page.getByText('此申请正等待您审核').waitFor();
      // Only the caller's step shows the buttons: the other two clerks see none now.
      for (const other of Object.keys(sessions).filter((u) => u !== user)) {
        await open(sessions[other], `/applications/${carried}/show`);
        await expect(sessions[other].page.getByRole('button', { name: '不通过' }).count()).resolves.toBe(0);
      }
      await s.page.getByRole('button', { name: '通过', exact: true }).click();
      await s.page
        .getByRole('dialog')
        .getByLabel(/审核意见/)
        .fill(`${label}：材料齐全，符合条件`);
      if (user === 'wuhua-001') await shot(s.page, 'admin-03-review-dialog');
      const confirm = s.page.getByRole('dialog').getByRole('button', { name: '通过', exact: true });
      await confirm.click();
      await s.page.getByText(`已审核，申请状态：${label}`).waitFor();
      expect(await statusOf(s, carried)).toBe(status);
      await s.page.locator('.MuiChip-root', { hasText: label }).first().waitFor();
    }
    const city = sessions.city;
    await city.page.getByText('办理进度').waitFor();
    await expect(city.page.getByText('市总工会审核').count()).resolves.toBeGreaterThan(0);
    await shot(city.page, 'admin-04-application-approved');
    for (const s of Object.values(sessions)) expect(realErrors(s)).toEqual([]);
  });

  it('previews an uploaded scan on the show page', async () => {
    const unit = sessions['wuhua-001'];
    const png = await unit.page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 400, height: 300 } });
    await open(unit, `/applications/${carried}/show`);
    await unit.page.getByRole('button', { name: '上传材料' }).click();
    await unit.page
      .locator('input[type=file][name=file]')
      .setInputFiles({ name: '学籍在线验证报告.png', mimeType: 'image/png', buffer: png });
    await confirmIn(unit, '上传材料', '材料已上传');
    await unit.page.getByRole('button', { name: '预览 学籍在线验证报告.png' }).click();
    const img = unit.page.getByRole('dialog').getByRole('img', { name: '学籍在线验证报告.png' });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(400);
    await shot(unit.page, 'admin-05-document-preview');
    await unit.page.getByRole('dialog').getByRole('button', { name: '关闭' }).click();
    expect(realErrors(unit)).toEqual([]);
  });

  it('bulk-approves the city’s pile and shows a result per application', async () => {
    const city = sessions.city;
    await open(city, `/applications?${q({ waitingStep: 3 })}&sort=submittedAt&order=ASC`);
    const rows = city.page.locator('tbody tr');
    await rows.first().waitFor();
    for (let i = 0; i < 3; i++) await rows.nth(i).getByRole('checkbox').check();
    await city.page.getByRole('button', { name: '批量通过' }).click();
    await city.page.getByRole('dialog').getByRole('button', { name: '通过', exact: true }).click();
    const results = city.page.getByRole('dialog', { name: '批量审核结果' });
    await results.getByText('成功 3 份，未成功 0 份').waitFor();
    await expect(results.locator('tbody tr').count()).resolves.toBe(3);
    await shot(city.page, 'admin-06-bulk-results');
    await results.getByRole('button', { name: '关闭' }).click();
    expect(realErrors(city)).toEqual([]);
  });

  it('adjusts a quota with its reason and shows the bars and the waitlist', async () => {
    const city = sessions.city;
    const wuhuaId = (await api<{ id: number }[]>(city, `/organizations?${q({ q: '五华区总工会' })}`)).body[0]
      .id;
    const before = (
      await api<{ id: number; places: number }[]>(city, `/quotas?${q({ roundId, organizationId: wuhuaId })}`)
    ).body[0];
    // R18: the quotas already use the whole plan; the city raises it first (its own audited action).
    const raised = await city.page.request.post(`${server.url}/api/rounds/${roundId}/raise-plan`, {
      data: { delta: 5, reason: '五华区申报踊跃，增加计划 5 个名额' },
    });
    expect(raised.status()).toBe(200);
    await open(city, `/quotas?${q({ roundId, organizationId: wuhuaId })}`);
    await city.page
      .getByRole('img', { name: /已用 \d+ \/ 名额/ })
      .first()
      .waitFor();
    await city.page.getByRole('button', { name: '调整名额' }).first().click();
    const dialog = city.page.getByRole('dialog');
    await dialog.getByLabel('增减名额数').fill('5');
    await expect(dialog.getByRole('button', { name: '调整名额' }).isDisabled()).resolves.toBe(true); // the reason is required
    await dialog.getByLabel(/调整原因/).fill('五华区申报踊跃，增加 5 个名额（R7）');
    await dialog.getByText(`名额将由 ${before.places} 调整为 ${before.places + 5}`).waitFor();
    await shot(city.page, 'admin-07-quota-adjust');
    await confirmIn(city, '调整名额', /名额已调整为/);
    const after = (await api<{ places: number }>(city, `/quotas/${before.id}`)).body;
    expect(after.places).toBe(before.places + 5);
    await open(city, `/quotas?${q({ roundId })}`);
    await shot(city.page, 'admin-08-quota-bars');
    expect(realErrors(city)).toEqual([]);
  });

  it('creates, transfers and receives an allocation, then pays one of its payments', async () => {
    const city = sessions.city;
    const district = sessions.wuhua;
    const wuhua = (
      await api<{ id: number; name: string }[]>(city, `/organizations?${q({ q: '五华区总工会' })}`)
    ).body[0];
    const due = (
      await api<{ applicationCount: number; amountFen: number }>(
        city,
        `/allocations/due?roundId=${roundId}&organizationId=${wuhua.id}&stage=process`,
      )
    ).body;
    expect(due.applicationCount).toBeGreaterThan(0);
    const yuan = (due.amountFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });

    await open(city, '/allocations/create');
    await city.page.getByRole('combobox', { name: '批次' }).click();
    await city.page.getByRole('option').first().click();
    await city.page.getByRole('combobox', { name: '二级工会' }).click();
    await city.page.getByRole('option', { name: wuhua.name }).click();
    await city.page.getByText(`将覆盖 ${due.applicationCount} 份待拨付的申请，合计 ¥${yuan}。`).waitFor();
    await city.page.getByRole('button', { name: '创建拨付' }).click();
    await city.page.getByRole('dialog').getByText(`¥${yuan}`).waitFor();
    await shot(city.page, 'admin-09-allocation-confirm');
    await confirmIn(city, '创建拨付', '拨付已创建');
    const allocation = (
      await api<{ id: number; status: string }[]>(
        city,
        `/allocations?${q({ organizationId: wuhua.id, status: 'created' })}`,
      )
    ).body[0];

    await open(city, `/allocations?${q({ id: allocation.id })}`);
    await city.page.getByRole('button', { name: '拨付', exact: true }).first().click();
    await city.page.getByRole('dialog').getByText(`¥${yuan}`).waitFor();
    await confirmIn(city, '拨付', '已拨付');
    expect((await api<{ status: string }>(city, `/allocations/${allocation.id}`)).body.status).toBe(
      'transferred',
    );

    await open(district, `/allocations?${q({ id: allocation.id })}`);
    await district.page.getByRole('button', { name: '确认到账' }).first().click();
    await district.page.getByRole('dialog').getByText(`¥${yuan}`).waitFor();
    await confirmIn(district, '确认到账', /已确认到账/);
    expect((await api<{ status: string }>(district, `/allocations/${allocation.id}`)).body.status).toBe(
      'received',
    );
    await shot(district.page, 'admin-10-allocation-received');

    await open(district, `/payments?${q({ allocationId: allocation.id, status: 'pending' })}`);
    const pending = (
      await api<{ id: number; amountFen: number; workerName: string; cardMasked: string }[]>(
        district,
        `/payments?${q({ allocationId: allocation.id, status: 'pending' })}&sort=["id","ASC"]`,
      )
    ).body;
    expect(pending.length).toBe(due.applicationCount);
    await district.page.getByRole('button', { name: '登记已发放' }).first().waitFor();
    await shot(district.page, 'admin-11-payments');
    await open(district, `/payments?${q({ id: pending[0].id })}`);
    await district.page.getByRole('button', { name: '登记已发放' }).click();
    const dialog = district.page.getByRole('dialog');
    // The dialog names the worker and the card the money goes to.
    await dialog
      .getByText(`确认已向职工 ${pending[0].workerName}（${pending[0].cardMasked}）发放 ¥500.00？`)
      .waitFor();
    await dialog.getByLabel(/银行流水号/).fill('WUHUA-E2E-0001');
    await shot(district.page, 'admin-12-pay-confirm');
    await confirmIn(district, '登记已发放', '已登记为已发放');
    const paid = (await api<{ status: string; reference: string }>(district, `/payments/${pending[0].id}`))
      .body;
    expect(paid).toMatchObject({ status: 'paid', reference: 'WUHUA-E2E-0001' });
    for (const s of [city, district]) expect(realErrors(s)).toEqual([]);
  });

  it('exports the district’s bank sheet and files a fund return that the city confirms (R4)', async () => {
    const district = sessions.wuhua;
    await open(district, '/payments');
    await district.page.getByRole('button', { name: '导出代发明细' }).click();
    const sheet = district.page.waitForEvent('download');
    await district.page.getByRole('dialog').getByRole('button', { name: '下载' }).click();
    expect(
      fs
        .readFileSync(await (await sheet).path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');

    // A covered application whose city payment failed and was not paid since: its money goes back.
    type Pay = { id: number; applicationId: number; stage: string; status: string; amountFen: number };
    const failed = (
      await api<Pay[]>(district, `/payments?${q({ status: 'failed', source: 'city' })}&range=[0,99]`)
    ).body;
    let pick: Pay | undefined;
    for (const p of failed) {
      const all = (
        await api<Pay[]>(
          district,
          `/payments?${q({ applicationId: p.applicationId, stage: p.stage, source: 'city' })}`,
        )
      ).body;
      if (all.every((x) => x.status === 'failed' || x.status === 'cancelled')) {
        pick = p;
        break;
      }
    }
    expect(pick).toBeDefined();
    const app = (await api<{ roundId: number }>(district, `/applications/${pick!.applicationId}`)).body;
    const round = (await api<{ name: string }>(district, `/rounds/${app.roundId}`)).body;

    await open(district, '/fund-returns/create');
    await district.page.getByRole('combobox', { name: '批次' }).click();
    await district.page.getByRole('option', { name: round.name }).click();
    await district.page.getByRole('combobox', { name: '资助阶段' }).click();
    await district.page
      .getByRole('option', { name: pick!.stage === 'process' ? '过程资助' : '结果资助' })
      .click();
    await district.page.getByRole('combobox', { name: '返还的申请' }).fill(String(pick!.applicationId));
    await district.page.getByRole('option', { name: `#${pick!.applicationId}` }).click();
    await district.page
      .getByLabel(/返还情况报告/)
      .fill('该职工银行卡已注销且联系不上，无法发放，资金退回市总工会。');
    await district.page.getByRole('button', { name: '报送' }).click();
    await district.page
      .getByRole('dialog')
      .getByText(
        `确认向市总工会返还 ¥${(pick!.amountFen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}（1 人）`,
        { exact: false },
      )
      .waitFor();
    await shot(district.page, 'admin-13a-fund-return-confirm');
    await district.page.getByRole('dialog').getByRole('button', { name: '报送' }).click();
    await district.page.getByText('资金返还已报送').waitFor();
    await district.page.getByRole('heading', { name: '返还情况报告' }).waitFor();
    const filed = (
      await api<{ id: number; status: string; amountFen: number }[]>(
        district,
        `/fund-returns?${q({ status: 'filed' })}&sort=["id","DESC"]&range=[0,0]`,
      )
    ).body[0];
    expect(filed.amountFen).toBeGreaterThan(0);

    const city = sessions.city;
    await open(city, `/fund-returns/${filed.id}/show`);
    await city.page.getByRole('button', { name: '确认收到' }).click();
    await confirmIn(city, '确认收到', '资金返还已确认');
    expect((await api<{ status: string }>(city, `/fund-returns/${filed.id}`)).body.status).toBe('confirmed');
    for (const s of [city, district]) expect(realErrors(s)).toEqual([]);
  });

  it('records a refund received from the institution, and the city confirms it', async () => {
    const city = sessions.city;
    const expected = (
      await api<{ id: number; amountFen: number }[]>(
        city,
        `/refunds?${q({ status: 'expected' })}&sort=["id","ASC"]&range=[0,0]`,
      )
    ).body[0];
    await open(city, `/refunds?${q({ id: expected.id })}`);
    await city.page.getByRole('button', { name: '登记到账' }).click();
    const dialog = city.page.getByRole('dialog');
    await expect(dialog.getByLabel('金额').inputValue()).resolves.toBe((expected.amountFen / 100).toFixed(2)); // prefilled, fixed
    await dialog.getByLabel(/退款凭证号/).fill('YNOU-TK-E2E-01');
    await shot(city.page, 'admin-13-refund');
    await confirmIn(city, '登记到账', '退款已登记到账');
    expect((await api<{ status: string }>(city, `/refunds/${expected.id}`)).body.status).toBe('received');

    await city.page.getByRole('button', { name: '确认退款' }).click();
    await confirmIn(city, '确认退款', '退款已确认');
    expect((await api<{ status: string }>(city, `/refunds/${expected.id}`)).body.status).toBe('confirmed');
    expect(realErrors(city)).toEqual([]);
  });

  it('answers an appeal as the union that decided', async () => {
    const unit = sessions['wuhua-001'];
    const me = (await api<{ organizationId: number }>(unit, '/auth/me')).body;
    const appeal = (
      await api<{ id: number }[]>(
        unit,
        `/appeals?${q({ status: 'open', organizationId: me.organizationId })}`,
      )
    ).body[0];
    await open(unit, `/appeals/${appeal.id}/show`);
    await unit.page.getByRole('button', { name: '答复' }).click();
    await unit.page
      .getByRole('dialog')
      .getByLabel(/答复/)
      .fill('经复核，您所在单位未缴纳工会会费，不符合 R9a 条件，维持原审核意见。');
    await shot(unit.page, 'admin-14-appeal');
    await confirmIn(unit, '答复', '已答复');
    expect((await api<{ status: string; response: string }>(unit, `/appeals/${appeal.id}`)).body.status).toBe(
      'answered',
    );
    expect(realErrors(unit)).toEqual([]);
  });

  it('shows each figure of the city’s home as the API counts it', async () => {
    const city = sessions.city;
    await open(city, '/');
    const cards = city.page.locator('[data-pile]');
    await expect.poll(async () => city.page.locator('[data-pile] [data-count=""]').count()).toBe(0);
    const piles = await cards.evaluateAll((els) =>
      els.map((el) => ({
        key: el.getAttribute('data-pile')!,
        href: el.getAttribute('href')!,
        count: el.querySelector('[data-count]')!.getAttribute('data-count')!,
      })),
    );
    expect(piles.length).toBeGreaterThan(8);
    expect(piles[0].key).toMatch(/overdue/); // overdue first
    for (const p of piles) {
      const url = new URL(p.href.replace(/^#/, ''), 'http://x');
      const filter = JSON.parse(url.searchParams.get('filter')!);
      const resource = url.pathname.slice(1);
      if (p.key === 'graduations_to_verify') {
        const rows = (
          await api<{ graduationVerifiedAt: string | null }[]>(
            city,
            `/${resource}?${q(filter)}&range=[0,499]`,
          )
        ).body;
        expect(Number(p.count), p.key).toBe(rows.filter((r) => !r.graduationVerifiedAt).length);
      } else {
        expect(Number(p.count), p.key).toBe((await api(city, `/${resource}?${q(filter)}&range=[0,0]`)).total);
      }
    }
    const stats = (
      await api<{ funnel: Record<string, number>; overdueAppeals: number }>(
        city,
        `/stats/overview?roundId=${roundId}`,
      )
    ).body;
    for (const key of ['submitted', 'approved', 'processPaid', 'completed']) {
      await expect(city.page.locator(`[data-figure="${key}"]`).textContent()).resolves.toBe(
        String(stats.funnel[key]),
      );
    }
    await shot(city.page, 'admin-15-city-home');
    // A pile opens its list, filtered to exactly that pile.
    await city.page.locator('[data-pile="review"]').click();
    await city.page.getByText(/第 1–\d+ 条，共 \d+ 条/).waitFor();
    expect(realErrors(city)).toEqual([]);
  });

  it('draws the city’s performance view with the numbers beside the charts', async () => {
    const city = sessions.city;
    const stats = (await api<{ funnel: Record<string, number> }>(city, '/stats/overview')).body;
    await open(city, '/performance');
    await city.page.getByRole('combobox', { name: '批次' }).click();
    await city.page.getByRole('option', { name: '全部批次' }).click();
    await city.page.locator('[data-section="funnel"] .recharts-surface').first().waitFor();
    await expect(city.page.locator('[data-figure="submitted"]').textContent()).resolves.toBe(
      String(stats.funnel.submitted),
    );
    await city.page.locator('[data-section="unions"] .recharts-surface').first().waitFor();
    await shot(city.page, 'admin-16-performance');
    const download = city.page.waitForEvent('download');
    await city.page.getByRole('button', { name: '导出 Excel（.xlsx）' }).click();
    const file = await (await download).path();
    expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    expect(realErrors(city)).toEqual([]);
  });

  it('exports the filtered application list to .xlsx and to CSV with a BOM, across pages', async () => {
    const district = sessions.wuhua;
    const total = (await api(district, `/applications?${q({})}&range=[0,0]`)).total!;
    await open(district, '/applications');
    await district.page.locator('tbody tr').first().waitFor();
    const csv = district.page.waitForEvent('download');
    await district.page.getByRole('button', { name: '导出', exact: true }).click();
    await district.page.getByRole('menuitem', { name: '导出 CSV' }).click();
    const text = fs.readFileSync(await (await csv).path(), 'utf8');
    expect(text.startsWith('\uFEFF编号,姓名')).toBe(true);
    expect(text.trim().split('\r\n').length).toBe(total + 1); // every page, not the 25 on screen
    const xlsx = district.page.waitForEvent('download');
    await district.page.getByRole('button', { name: '导出', exact: true }).click();
    await district.page.getByRole('menuitem', { name: /Excel/ }).click();
    expect(
      fs
        .readFileSync(await (await xlsx).path())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(realErrors(district)).toEqual([]);
  });
});
