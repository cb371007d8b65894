/**
 * Clear to the people who use it: money and documents name the person. Payments, refunds, appeals,
 * fund-return and allocation items carry the worker's name (a payment the masked card); an
 * allocation lists the applications it covers, and its preview the ones it would; the seeded scans
 * are real files; every role sees the application's unions by name.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { filePath } from '../../server/resources/documents/storage';
import { seedDemo } from '../../seed/demo';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';

let env: TestEnv;
const clients: Record<string, Client> = {};
const one = <T>(sql: string, ...p: unknown[]) => env.db.$client.prepare(sql).get(...p) as T;
const all = <T>(sql: string, ...p: unknown[]) => env.db.$client.prepare(sql).all(...p) as T[];
const workerOf = (applicationId: number) =>
  one<{ name: string; bank: string | null; benefit: string | null }>(
    `select w.name, w.bank_card_masked bank, w.benefit_card_masked benefit from applications a
     join workers w on w.id = a.worker_id where a.id = ?`,
    applicationId,
  );

beforeAll(async () => {
  env = testEnv();
  seedDemo(env.db, env.pii, env.clock.now(), { dataDir: env.dataDir });
  for (const u of ['city', 'wuhua', 'wuhua-001', 'school', 'ynou'])
    clients[u] = await new Client(env).login(u);
}, 120_000);

describe('names on money', () => {
  it('a payments page names each worker and the masked card the money goes to', async () => {
    const res = await clients.school.get(`/api/payments${q({ range: [0, 49] })}`);
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThan(0);
    for (const p of res.body) {
      const w = workerOf(p.applicationId);
      expect(p.workerName).toBe(w.name);
      expect(p.cardMasked).toBe(w.bank ?? w.benefit);
      expect(p.cardMasked ?? '').not.toMatch(/^\d{12,}$/); // masked, never the number
    }
  });

  it('refunds, appeals and fund-return items name the worker', async () => {
    const refunds = await clients.city.get(`/api/refunds${q({ range: [0, 9] })}`);
    expect(refunds.body.length).toBeGreaterThan(0);
    for (const r of refunds.body) expect(r.workerName).toBe(workerOf(r.applicationId).name);
    const appeals = await clients.city.get(`/api/appeals${q({ range: [0, 9] })}`);
    expect(appeals.body.length).toBeGreaterThan(0);
    for (const a of appeals.body) expect(a.workerName).toBe(workerOf(a.applicationId).name);
    const [ret] = all<{ id: number }>('select id from fund_returns order by id limit 1');
    const shown = await clients.city.get(`/api/fund-returns/${ret.id}`);
    expect(shown.body.items.length).toBeGreaterThan(0);
    for (const i of shown.body.items) expect(i.workerName).toBe(workerOf(i.applicationId).name);
  });

  it('R3: an allocation shows the applications it covers, with workers, unions and amounts', async () => {
    const a = one<{ id: number; n: number; total: number }>(
      `select id, application_count n, amount_fen total from allocations order by id desc limit 1`,
    );
    const res = await clients.city.get(`/api/allocations/${a.id}`);
    expect(res.status).toBe(200);
    const items = res.body.items as {
      applicationId: number;
      workerName: string;
      organizationName: string;
      amountFen: number;
    }[];
    expect(items).toHaveLength(a.n);
    expect(items.reduce((s, i) => s + i.amountFen, 0)).toBe(a.total);
    const expected = all<{ applicationId: number }>(
      'select application_id applicationId from allocation_items where allocation_id = ? order by application_id',
      a.id,
    ).map((r) => r.applicationId);
    expect(items.map((i) => i.applicationId)).toEqual(expected);
    for (const i of items) {
      expect(i.workerName).toBe(workerOf(i.applicationId).name);
      expect(i.organizationName).toMatch(/\S/);
    }
    // Lists stay light: the items come with one allocation, not with every row of a page.
    const list = await clients.city.get(`/api/allocations${q({ range: [0, 4] })}`);
    expect(list.body[0].items).toBeUndefined();
  });

  it("R3: an allocation's preview lists the applications it would cover, by name", async () => {
    const due = one<{ roundId: number; level2Id: number; stage: string } | undefined>(
      `select a.round_id roundId, a.level2_id level2Id, 'process' stage from applications a
       where a.status = 'approved' and not exists (select 1 from allocation_items i where i.application_id = a.id)
       limit 1`,
    );
    expect(due).toBeDefined();
    const res = await clients.city.get(
      `/api/allocations/due?roundId=${due!.roundId}&organizationId=${due!.level2Id}&stage=process`,
    );
    expect(res.status).toBe(200);
    expect(res.body.applications.map((r: { applicationId: number }) => r.applicationId)).toEqual(
      [...res.body.applicationIds].sort((x: number, y: number) => x - y),
    );
    for (const r of res.body.applications) expect(r.workerName).toBe(workerOf(r.applicationId).name);
  });

  it('every role that sees an application sees the same unions by name', async () => {
    // An application of wuhua-001's union past its draft: the unit, the district and the city all see it.
    const a = one<{ id: number }>(
      `select a.id from applications a join users u on u.organization_id = a.organization_id
       where u.username = 'wuhua-001' and a.status <> 'draft' order by a.id limit 1`,
    );
    const names = one<{ org: string; l2: string }>(
      `select o.name org, l.name l2 from applications a join organizations o on o.id = a.organization_id
       join organizations l on l.id = a.level2_id where a.id = ?`,
      a.id,
    );
    for (const u of ['wuhua-001', 'wuhua', 'city']) {
      const shown = await clients[u].get(`/api/applications/${a.id}`);
      expect(shown.status).toBe(200);
      expect([shown.body.organizationName, shown.body.level2Name]).toEqual([names.org, names.l2]);
    }
  });
});

describe('seeded documents open', () => {
  it('every seeded document has its file, of the type its record says', async () => {
    const docs = all<{ id: number; sha256: string; mime: string; size: number }>(
      'select id, sha256, mime_type mime, size from documents',
    );
    expect(docs.length).toBeGreaterThan(1000);
    for (const d of docs) expect(fs.statSync(filePath(env.dataDir, d.sha256)).size).toBe(d.size);
    const jpeg = docs.find((d) => d.mime === 'image/jpeg')!;
    const res = await env.app.request(`/api/documents/${jpeg.id}/file`, {
      headers: { cookie: clients.city.cookie },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const body = new Uint8Array(await res.arrayBuffer());
    expect([...body.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect([...body.subarray(-2)]).toEqual([0xff, 0xd9]);
    const pdf = docs.find((d) => d.mime === 'application/pdf')!;
    const text = fs.readFileSync(filePath(env.dataDir, pdf.sha256)).toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('/DCTDecode');
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('a missing file answers a readable page to a browser and the JSON 404 to the API', async () => {
    const d = one<{ id: number; sha256: string }>('select id, sha256 from documents limit 1');
    fs.rmSync(filePath(env.dataDir, d.sha256));
    const page = await env.app.request(`/api/documents/${d.id}/file`, {
      headers: { cookie: clients.city.cookie, accept: 'text/html,application/xhtml+xml' },
    });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('文件暂时无法打开');
    const api = await clients.city.get(`/api/documents/${d.id}/file`);
    expect(api.status).toBe(404);
    expect(api.body.message).toMatch(/文件/);
  });
});

describe('integrity on the dashboard', () => {
  it('I7: the last check is kept with its time; asking for it runs nothing', async () => {
    expect((await clients.city.get('/api/integrity/last')).body).toBeNull();
    const ran = await clients.city.get('/api/integrity');
    const at = env.clock.now().toISOString();
    env.clock.advance(60_000);
    const last = await clients.city.get('/api/integrity/last');
    expect(last.body).toEqual({ ...ran.body, checkedAt: at });
    expect((await clients.wuhua.get('/api/integrity/last')).status).toBe(403);
  });
});
