import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pageFor, PASSWORD, shot, startServer, type Server } from './harness';
import { pdfText } from './portal-pdf-text';
import { listQuery, staff, type Staff } from './portal-staff';

/**
 * The portal: worker2 (李丽萍), on a 360×640 touch phone, from the first sign-in to an answered appeal,
 * while the unit, district and city clerks act through the API as they would in the admin panel.
 */
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const NEW_PASSWORD = 'Lipiping2026';

let server: Server;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let errors: string[];
let city: Staff;
let worker: { id: number; name: string; phone: string; level2Id: number };
let round: { id: number };
let enrolled: string;
let appId: number;
let png: Buffer;
let jpeg: Buffer;
let bigPhoto: Buffer;

/** No horizontal scrolling, and every control big enough for a thumb. */
async function fitsPhone(p: Page): Promise<void> {
  const { scroll, width, small } = await p.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
    small: [
      ...document.querySelectorAll<HTMLElement>(
        '.btn, .choice, .lang, input:not([type=radio]):not([type=file]), select',
      ),
    ]
      .filter((el) => el.offsetParent !== null)
      .filter((el) => el.getBoundingClientRect().height < 44)
      .map((el) => el.outerHTML.slice(0, 80)),
  }));
  expect(scroll, 'horizontal scroll').toBeLessThanOrEqual(width);
  expect(small, 'touch targets under 44 px').toEqual([]);
}

/** A card number with a correct check digit (server/domain/id-number.ts). */
function luhn(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((d, i) => {
    let n = Number(d) * (i % 2 === 0 ? 2 : 1);
    if (n > 9) n -= 9;
    sum += n;
  });
  return body + ((10 - (sum % 10)) % 10);
}

/** The browser logs the 401 of "who am I?" before sign-in as a failed resource: that one is expected. */
const realErrors = () => errors.filter((e) => !/status of 401/.test(e));

beforeAll(async () => {
  server = await startServer();
  browser = await launch();
  ({ context, page, errors } = await pageFor(browser, PHONE));
  city = await staff(server.url, 'city');
  const found = await city.call<{ id: number; name: string }[]>(
    'GET',
    `/workers${listQuery({ q: '李丽萍' })}`,
  );
  worker = await city.call('GET', `/workers/${found[0].id}`);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const rounds = await city.call<{ id: number; opensOn: string; closesOn: string }[]>('GET', '/rounds');
  round = rounds.find((r) => r.opensOn <= today && today <= r.closesOn)!;
  enrolled = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
  // Real image files, as a phone camera would give them.
  const probe = await browser.newPage();
  await probe.setContent(
    '<body style="margin:0;background:#eee"><h1 style="font:40px sans-serif">居民身份证 · 入学通知书</h1></body>',
  );
  png = await probe.screenshot({ type: 'png' });
  jpeg = await probe.screenshot({ type: 'jpeg', quality: 80 });
  // A 12-megapixel camera PNG: over 10 MB, so it only passes because the page redraws it as a JPEG first.
  bigPhoto = Buffer.from(
    await probe.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 4000;
      c.height = 3000;
      const ctx = c.getContext('2d')!;
      for (let i = 0; i < 400; i++) {
        const g = ctx.createLinearGradient(
          (i * 397) % 4000,
          (i * 211) % 3000,
          (i * 113) % 4000,
          (i * 331) % 3000,
        );
        g.addColorStop(0, `hsl(${(i * 37) % 360} 70% 50% / 0.5)`);
        g.addColorStop(1, `hsl(${(i * 91) % 360} 60% 60% / 0.3)`);
        ctx.fillStyle = g;
        ctx.beginPath();
        ctx.arc((i * 613) % 4000, (i * 419) % 3000, 100 + ((i * 71) % 600), 0, 7);
        ctx.fill();
      }
      ctx.font = '200px sans-serif';
      ctx.fillStyle = '#000';
      ctx.fillText('居民身份证', 600, 1500);
      return c.toDataURL('image/png').split(',')[1];
    }),
    'base64',
  );
  await probe.close();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('the workers’ portal on a phone', () => {
  it('signs worker2 in by phone number and makes her replace the initial password first', async () => {
    await page.goto(`${server.url}/portal`);
    await page.getByRole('heading', { name: '职工登录' }).waitFor();
    await fitsPhone(page);
    await shot(page, 'portal-01-login');

    await page.getByRole('button', { name: '登录' }).click();
    await expect(page.getByText('请填写身份证号或手机号').isVisible()).resolves.toBe(true);
    await page.getByLabel('身份证号或手机号').fill(worker.phone);
    await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();

    await page.getByRole('heading', { name: '请先设置新密码' }).waitFor();
    await fitsPhone(page);
    await page.getByLabel('初始密码').fill(PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('short1');
    await page.getByLabel('再输入一次新密码').fill('short1');
    await page.getByRole('button', { name: '保存新密码' }).click();
    await page.getByText('新密码至少 10 位').waitFor();
    await shot(page, 'portal-02-password');
    await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('再输入一次新密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '保存新密码' }).click();

    await page.getByRole('heading', { name: `您好，${worker.name}` }).waitFor();
    await page.getByTestId('open-round').waitFor();
    await fitsPhone(page);
    await shot(page, 'portal-03-home');
    // The old password no longer opens the account.
    const old = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: worker.phone, password: PASSWORD }),
    });
    expect(old.status).toBe(401);
  });

  it('applies step by step, saving a draft, with documents from the camera and from files', async () => {
    await page.getByRole('link', { name: '开始申请' }).click();
    await page.getByText('第 1 步，共 4 步').waitFor();
    await page.getByLabel('就读院校').selectOption({ label: '云南开放大学' });
    await expect(page.getByTestId('reduction-policy').textContent()).resolves.toContain('学费按标准减免 20%');
    await fitsPhone(page);
    await page.getByLabel('就读院校').scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, 120));
    await shot(page, 'portal-04-apply-round');
    await page.getByTestId('save-draft').click();
    await page.getByText('已保存为草稿').waitFor();
    appId = Number(/\/apply\/(\d+)/.exec(page.url())![1]);
    expect(await city.call<{ status: string }[]>('GET', `/applications${listQuery({ id: appId })}`)).toEqual(
      [],
    ); // a draft is the worker's own

    await page.getByTestId('next').click();
    await page.getByText('第 2 步，共 4 步').waitFor();
    await page.getByText('本科', { exact: true }).click();
    await page.getByLabel('所学专业').fill('机械设计制造及其自动化');
    await page.getByLabel('学习形式').selectOption('part_time');
    await page.getByLabel('入学日期').fill(enrolled);
    await fitsPhone(page);
    await shot(page, 'portal-05-apply-study');
    await page.getByTestId('next').click();

    await page.getByText('第 3 步，共 4 步').waitFor();
    expect(bigPhoto.length).toBeGreaterThan(10 * 1024 * 1024);
    await page
      .getByTestId('camera-id_card')
      .setInputFiles({ name: 'IMG_20261129_0930.png', mimeType: 'image/png', buffer: bigPhoto });
    await page.locator('[data-testid=doc-id_card][data-state=received]').waitFor();
    await expect(page.getByTestId('doc-id_card').textContent()).resolves.toContain('IMG_20261129_0930.jpg'); // redrawn as a smaller JPEG
    await page
      .getByTestId('file-id_card')
      .setInputFiles({ name: 'IMG_20261129.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.locator('[data-testid=doc-id_card] .doc-file').nth(1).waitFor();
    await page
      .getByTestId('file-admission_notice')
      .setInputFiles({ name: '录取通知书.png', mimeType: 'image/png', buffer: png });
    await page.locator('[data-testid=doc-admission_notice][data-state=received]').waitFor();
    await page.getByTestId('file-tuition_receipt').setInputFiles({
      name: 'receipt.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await page.locator('[data-testid=doc-tuition_receipt][data-state=received]').waitFor();
    // What the server refuses is said on the spot, not after submitting.
    await page
      .getByTestId('file-enrollment_report')
      .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await page.getByText('只能上传 PDF、JPG 或 PNG 文件').waitFor();
    await expect(page.getByTestId('doc-id_card').textContent()).resolves.toContain('已收到');
    await fitsPhone(page);
    await shot(page, 'portal-06-apply-documents');
  });

  it('prints the application form: A4, the worker’s data, and a QR code to the application in the admin panel', async () => {
    await page.getByTestId('print-form').click();
    await page.getByTestId('form-sheet').waitFor();
    await expect(page.getByTestId('form-name').textContent()).resolves.toBe(worker.name);
    await expect(page.getByTestId('qr').getAttribute('aria-label')).resolves.toBe(
      `QR ${server.url}/#/applications/${appId}/show`,
    );
    await fitsPhone(page);
    await shot(page, 'portal-07-form-screen');

    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = pdfText(pdf).replace(/\s+/g, ''); // a table cell may wrap a long value
    expect(text).toContain(worker.name);
    expect(text).toContain('昆明市职工学历提升资助申请表');
    expect(text).toContain('单位工会盖章');
    expect(text).toContain('机械设计制造及其自动化');
    expect(text).toContain(`申请编号${appId}`);
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'one A4 page').toBe(1);

    // The stamped form comes back as a scan: here the printed PDF itself.
    await page.goto(`${server.url}/portal/apply/${appId}?step=documents`);
    await page
      .getByTestId('file-application_form')
      .setInputFiles({ name: '申请表-盖章.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.locator('[data-testid=doc-application_form][data-state=received]').waitFor();
  });

  it('checks every condition in plain words before submitting, then submits', async () => {
    await page.getByTestId('next').click();
    await page.getByTestId('checklist').waitFor();
    const bad = await page.locator('[data-testid=checklist] li.bad').count();
    expect(bad).toBe(0);
    await expect(page.locator('[data-check=doc-enrollment_report]').textContent()).resolves.toContain(
      '可以先提交',
    );
    // R9a: worker1's unit has uploaded its member roster, so membership shows as verified from it
    await expect(page.locator('[data-check=member]').textContent()).resolves.toContain('会员信息已核验');
    await fitsPhone(page);
    await shot(page, 'portal-08-apply-check');
    // Submitting asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (d) => {
        resolve(d.message());
        void d.accept();
      }),
    );
    await page.getByTestId('submit').click();
    await expect(asked).resolves.toContain('确认提交申请');
    await page.getByText('申请已提交！').waitFor();
    await expect(page.getByTestId('holder').textContent()).resolves.toContain('云南翠湖钢结构有限公司工会');
    await fitsPhone(page);
    await shot(page, 'portal-09-status-submitted');
  });

  it('uploads the enrollment report after submitting (R11)', async () => {
    await page.getByTestId('file-enrollment_report').setInputFiles({
      name: '学籍在线验证报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.getByTestId('doc-enrollment_report').waitFor({ state: 'detached' });
    await expect(page.getByTestId('missing').count()).resolves.toBe(0);
  });

  it('shows each of the three review steps as the unit, the district and the city approve', async () => {
    const steps: [string, string][] = [
      ['wuhua-001', 'review1'],
      ['wuhua', 'review2'],
      ['city', 'review3'],
    ];
    for (const [username, stage] of steps) {
      const clerk = await staff(server.url, username);
      await clerk.call('POST', `/applications/${appId}/review`, { decision: 'approve' });
      await page.reload();
      await page.locator(`[data-stage=${stage}][data-state=done]`).waitFor();
      if (stage === 'review2') {
        await page.getByTestId('progress').scrollIntoViewIfNeeded();
        await page.evaluate(() => window.scrollBy(0, 160));
        await shot(page, 'portal-10-status-step2');
      }
    }
    const status = await page.locator('[data-testid=status-summary] .chip').getAttribute('data-status');
    expect(['approved', 'waitlisted']).toContain(status);
    await expect(page.locator('[data-stage=review3]').textContent()).resolves.toContain('昆明市总工会');
    await fitsPhone(page);
    await shot(page, 'portal-11-status-approved');
  });

  it('shows the payment with amount, date and reference, and counts down to the R6 deadline', async () => {
    const wuhua = await staff(server.url, 'wuhua');
    // R2/R12: the union accepts the enrollment report the worker uploaded; money waits for it.
    await wuhua.call('POST', `/applications/${appId}/verify-enrollment`, { decision: 'approve' });
    const alloc = await city.call<{ id: number }>('POST', '/allocations', {
      roundId: round.id,
      organizationId: worker.level2Id,
      stage: 'process',
    });
    await city.call('POST', `/allocations/${alloc.id}/transfer`);
    await wuhua.call('POST', `/allocations/${alloc.id}/receive`);
    const pays = await wuhua.call<{ id: number; source: string }[]>(
      'GET',
      `/payments${listQuery({ applicationId: appId })}`,
    );
    expect(pays.length).toBeGreaterThan(0);
    for (const p of pays) await wuhua.call('POST', `/payments/${p.id}/pay`, { reference: `WH2026-${p.id}` });

    await page.reload();
    await page.getByTestId('payments').waitFor();
    const payments = await page.getByTestId('payments').textContent();
    expect(payments).toContain('过程资助');
    expect(payments).toContain('500 元');
    // The union registered the payment: 已发放, not 已到账 (the worker's bank has not said so).
    expect(payments).toContain('已发放');
    expect(payments).not.toContain('已到账');
    expect(payments).toContain(`WH2026-${pays[0].id}`);
    await page.locator('[data-stage=process][data-state=done]').waitFor();
    await expect(page.getByTestId('countdown').textContent()).resolves.toMatch(
      /距离毕业期限还有\d+ 天请在 \d{4}-\d{2}-\d{2} 前/,
    );
    await page.getByTestId('payments').scrollIntoViewIfNeeded();
    await fitsPhone(page);
    await shot(page, 'portal-12-status-paid');
  });

  it('reads the status in English when English is chosen', async () => {
    await page.getByTestId('lang').click();
    await page.getByRole('heading', { name: 'Application status' }).waitFor();
    await expect(page.getByTestId('progress').textContent()).resolves.toContain('Decision by the city union');
    await fitsPhone(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'portal-13-status-en');
    await page.getByTestId('lang').click();
    await page.getByRole('heading', { name: '申请进度' }).waitFor();
  });

  it('R2: a graduation reported sooner than the shortest study after enrolment is refused, naming the earliest day', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await page.getByTestId('file-graduation_record').setInputFiles({
      name: '教育部学历证书电子注册备案表.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
    });
    await page.locator('[data-testid=doc-graduation_record][data-state=received]').waitFor();
    await page.getByLabel('毕业日期').fill(today);
    await page.getByRole('button', { name: '上报毕业' }).click();
    await page
      .getByText(/毕业日期不能早于/)
      .first()
      .waitFor();
    await expect(
      page.locator('[data-testid=status-summary] .chip').getAttribute('data-status'),
    ).resolves.toBe('process_paid');
    // The one refusal this step expects (422 R2) is the browser's console line, not a fault of the page.
    for (let i = errors.length - 1; i >= 0; i--) if (/status of 422/.test(errors[i])) errors.splice(i, 1);
  });

  it('appeals a rejected application and reads the union’s answer', async () => {
    // A second application, at the other level, through the API the pages use.
    const req = page.request;
    const created = (await (
      await req.post(`${server.url}/api/applications`, {
        data: {
          roundId: round.id,
          institutionId: 2,
          educationLevel: 'associate',
          major: '数控技术',
          studyMode: 'part_time',
          enrolledOn: enrolled,
        },
      })
    ).json()) as { id: number };
    for (const kind of ['application_form', 'id_card', 'admission_notice', 'tuition_receipt']) {
      const up = await req.post(`${server.url}/api/documents`, {
        multipart: {
          applicationId: String(created.id),
          kind,
          file: { name: `${kind}.png`, mimeType: 'image/png', buffer: png },
        },
      });
      expect(up.status()).toBe(201);
    }
    expect((await req.post(`${server.url}/api/applications/${created.id}/submit`)).status()).toBe(200);
    const unit = await staff(server.url, 'wuhua-001');
    await unit.call('POST', `/applications/${created.id}/review`, {
      decision: 'reject',
      comment: '所学专业与本单位岗位需要不符',
    });

    await page.goto(`${server.url}/portal`);
    await page.getByTestId(`app-${created.id}`).click();
    await page.locator('[data-stage=review1][data-state=bad]').waitFor();
    await expect(page.locator('[data-stage=review1]').textContent()).resolves.toContain(
      '所学专业与本单位岗位需要不符',
    );
    await fitsPhone(page);
    await shot(page, 'portal-14-rejected');
    await page.getByTestId('appeal-open').click();
    await page.getByLabel('申诉理由').fill('我在数控车间工作，数控技术正是岗位需要的专业，请重新审核。');
    await fitsPhone(page);
    await page.getByTestId('appeal-send').click();
    await page.getByText('申诉已提交').waitFor();
    await expect(page.getByTestId('appeals').textContent()).resolves.toContain('待答复');
    await shot(page, 'portal-15-appeal-sent');

    const appeals = await unit.call<{ id: number }[]>(
      'GET',
      `/appeals${listQuery({ applicationId: created.id })}`,
    );
    await unit.call('POST', `/appeals/${appeals[0].id}/respond`, {
      response: '经复核，专业符合岗位需要，申诉成立，重新审核。',
      upheld: true,
    });
    await page.reload();
    await expect(page.getByTestId('appeals').textContent()).resolves.toContain('经复核，专业符合岗位需要');
    await expect(page.getByTestId('appeals').textContent()).resolves.toContain('申诉成立');
    await page.getByTestId('appeals').scrollIntoViewIfNeeded();
    await shot(page, 'portal-16-appeal-answered');
    expect(realErrors()).toEqual([]);
  });

  it('shows a returned application with the reviewer’s note, and resubmits it after the fix', async () => {
    const unit = await staff(server.url, 'wuhua-001');
    const mine = (await page.request.get(`${server.url}/api/applications`).then((r) => r.json())) as {
      id: number;
      status: string;
    }[];
    const reopened = mine.find((a) => a.status === 'submitted')!;
    await unit.call('POST', `/applications/${reopened.id}/review`, {
      decision: 'return',
      comment: '缴费凭证看不清，请重新拍照上传',
    });

    await page.goto(`${server.url}/portal`);
    await page.getByTestId(`app-${reopened.id}`).waitFor();
    // The glossary's status name, the same as in the panel.
    await expect(page.getByTestId(`app-${reopened.id}`).textContent()).resolves.toContain('已退回');
    await fitsPhone(page);
    await shot(page, 'portal-17-home-list');
    await page.getByTestId(`app-${reopened.id}`).click();
    await page.getByText('审核意见：缴费凭证看不清，请重新拍照上传').waitFor();
    await page.getByRole('button', { name: /上传材料/ }).click();
    await page
      .getByTestId('camera-tuition_receipt')
      .setInputFiles({ name: 'receipt2.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await page.locator('[data-testid=doc-tuition_receipt] .doc-file').nth(1).waitFor();
    await page.getByTestId('next').click();
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('submit').click();
    await page.getByTestId('status-summary').waitFor();
    await expect(
      page.locator('[data-testid=status-summary] .chip').getAttribute('data-status'),
    ).resolves.toBe('submitted');
  });

  it('lets the worker keep the phone and the bank card the money goes to up to date', async () => {
    await page.goto(`${server.url}/portal/profile`);
    await page.getByLabel('银行卡号').fill('6222 0000 0000 0000');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('卡号应为 16–19 位数字且校验位正确').waitFor();
    await page.getByLabel('银行卡号').fill(luhn('622202000012345'));
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('已保存。').waitFor();
    await expect(page.locator('#bankCard + .hint').textContent()).resolves.toContain(
      luhn('622202000012345').slice(-4),
    );
    await fitsPhone(page);
    await shot(page, 'portal-18-profile');
  });

  it('keeps a signed-out visitor on the sign-in page', async () => {
    const { page: anon, context: ctx } = await pageFor(browser, PHONE);
    await anon.goto(`${server.url}/portal/applications/${appId}`);
    await anon.getByRole('heading', { name: '职工登录' }).waitFor();
    expect(new URL(anon.url()).pathname).toBe('/portal');
    await anon.getByTestId('lang').click();
    await anon.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expect(anon.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await fitsPhone(anon);
    await shot(anon, 'portal-19-login-en');
    await ctx.close();
    await context.close();
  });
});
