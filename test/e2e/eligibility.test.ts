import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, launch, pageFor, shot, startServer, type Server } from './harness';

/**
 * Eligibility in the panel on a fresh demo city: the unit attests at its recommendation (R9a/b) and
 * must give a reason for a post above 科室主任; an institution records a study check and reads its
 * own figures, the city sees who is behind on checks (R15); the union's own places show beside the
 * city's (R8).
 */
let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(username: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await pageFor(browser);
  await apiLogin(page, server.url, username);
  return { page, errors };
}

async function get<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${server.url}/api${path}`);
  expect(res.ok(), `${path}: ${res.status()}`).toBe(true);
  return (await res.json()) as T;
}

const filter = (f: Record<string, unknown>) => `filter=${encodeURIComponent(JSON.stringify(f))}`;

describe('eligibility in the panel', () => {
  it('R9a/b: the unit attests at its recommendation; a senior post needs its reason before 通过 is enabled', async () => {
    const { page, errors } = await as('wuhua-001');
    const [app] = await get<{ id: number; workerId: number }[]>(
      page,
      `/applications?${filter({ waitingStep: 1 })}&range=[0,0]`,
    );
    expect(app, 'the demo leaves wuhua-001 an application to recommend').toBeTruthy();
    const put = await page.request.put(`${server.url}/api/workers/${app.workerId}`, {
      data: { jobTitle: '项目经理' },
    });
    expect(put.ok(), await put.text()).toBe(true);

    await page.goto(`${server.url}/#/applications/${app.id}/show`);
    await page.getByText('职务高于科室主任').first().waitFor();
    await page.getByRole('button', { name: '通过', exact: true }).first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('基层工会推荐时须核实').waitFor();
    // the worker's earlier attestation prefills the boxes; the post above 科室主任 asks for a reason
    await dialog.getByText(/高于科室主任/).waitFor();
    await dialog.getByText(/已于 .* 核实/).waitFor();
    await dialog.locator('input[name="attest.member"]:checked').waitFor();
    await dialog.locator('input[name="attest.frontline"]:checked').waitFor();
    const confirm = dialog.getByRole('button', { name: '通过', exact: true });
    await expect(confirm.isDisabled()).resolves.toBe(true);
    await dialog.getByLabel('核实说明').fill('岗位名称沿用旧称，实为一线班组负责人');
    await shot(page, 'eligibility-01-attest-senior');
    await expect(confirm.isDisabled()).resolves.toBe(false);
    await confirm.click();
    await page
      .getByText(/已审核/)
      .first()
      .waitFor();
    const w = await get<{ attestationComment: string; seniorTitle: boolean }>(
      page,
      `/workers/${app.workerId}`,
    );
    expect(w).toMatchObject({
      attestationComment: '岗位名称沿用旧称，实为一线班组负责人',
      seniorTitle: true,
    });
    const after = await get<{ status: string }>(page, `/applications/${app.id}`);
    expect(after.status).toBe('unit_approved');
    expect(errors).toEqual([]);
  });

  it('R15: the institution records a study check and reads its own figures; the city sees who is behind', async () => {
    const { page, errors } = await as('ynou');
    await page.goto(`${server.url}/#/`);
    await page.getByText(/本校受资助学员/).waitFor();
    const before = await get<{ checksDue: number; funded: number }>(page, '/stats/institution');
    expect(before.funded).toBeGreaterThan(0);
    expect(before.checksDue).toBeGreaterThan(0);
    await shot(page, 'eligibility-02-institution-home');

    await page.goto(`${server.url}/#/study-checks/create`);
    const input = page.getByLabel('申请');
    await input.click();
    await page.getByRole('option').first().click();
    await page.getByLabel('学业状态').click();
    await page.getByRole('option', { name: '学业预警' }).click();
    await page.getByLabel('说明').fill('两门课程未通过，已约谈');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('两门课程未通过，已约谈').first().waitFor();
    const checks = await get<{ state: string; note: string }[]>(page, '/study-checks?range=[0,9]');
    expect(checks.some((c) => c.state === 'warning' && c.note === '两门课程未通过，已约谈')).toBe(true);
    expect(errors).toEqual([]);

    const city = await as('city');
    await city.page.goto(`${server.url}/#/study-checks`);
    await city.page.getByText(/尚未检查的受资助学员/).waitFor();
    await city.page.getByText('按院校').waitFor();
    await shot(city.page, 'eligibility-03-city-behind');
    expect(city.errors).toEqual([]);
  });

  it('R8: the union sees its own places beside the city quota', async () => {
    const { page, errors } = await as('wuhua');
    await page.goto(`${server.url}/#/matching-policies`);
    await page.getByText('本会出资名额（增加资助人数）').waitFor();
    await page.goto(`${server.url}/#/quotas`);
    await page.getByText('本会出资名额').first().waitFor();
    await shot(page, 'eligibility-04-quotas-own-places');
    expect(errors).toEqual([]);
  });
});
