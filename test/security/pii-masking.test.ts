import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../server/domain/id-number';
import { Client, demoTemplate, testEnv, type TestEnv } from '../helpers/app';
import { LIST_RESOURCES, readAll } from './helpers';

/**
 * Finding 1: the masked resident ID must not be undoable. An attacker holding everything a role can
 * read — every list page, records, the bank export, audit rows, statistics, timelines — and, worst
 * case, the true district code, must still face many candidate numbers for every worker.
 */
let template: string;
let env: TestEnv;
let truth: Map<number, string>;
beforeAll(() => {
  template = demoTemplate('masking');
  env = testEnv(template);
  truth = new Map(
    (
      env.db.$client.prepare('select id, id_number_enc e from workers').all() as { id: number; e: string }[]
    ).map((r) => [r.id, env.pii.decrypt(r.e)]),
  );
}, 120_000);

const ROLES = ['city', 'wuhua', 'panlong', 'wuhua-001', 'direct-001', 'school', 'ynou', 'worker1'];

/** Valid ID numbers (counted up to 10, enough to call the rebuild failed) agreeing with the visible characters, the true district, and what is known of the birth. */
function candidates(real: string, masked: string, birth: { date?: string; year?: number }): number {
  const visible = (i: number) => (masked[i] && masked[i] !== '*' ? masked[i] : null);
  for (let i = 0; i < 18; i++) if (visible(i) !== null && visible(i) !== real[i]) return 0;
  const seq = real.slice(14, 17);
  let n = 0;
  const from = Date.UTC(birth.year ?? 1930, 0, 1),
    to = Date.UTC(birth.year ?? 2010, 11, 31);
  for (let t = from; t <= to; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (birth.date && d !== birth.date) continue;
    const digits = d.replace(/-/g, '');
    if ([6, 7, 8, 9, 10, 11, 12, 13].some((i) => visible(i) !== null && visible(i) !== digits[i - 6]))
      continue;
    const first17 = real.slice(0, 6) + digits + seq; // the district given away for free
    if (idCheckChar(first17) === real[17] && ++n === 10) break;
  }
  return n;
}

async function xlsxText(body: ArrayBuffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value ?? '')))));
  return out.join('\n');
}

/** Everything the role can read, as parsed objects and as one text. */
async function harvest(user: string) {
  const c = await new Client(env).login(user);
  const objects: Record<string, unknown>[] = [];
  const texts: string[] = [];
  const keep = (body: unknown) => {
    texts.push(JSON.stringify(body));
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        objects.push(v as Record<string, unknown>);
        Object.values(v).forEach(walk);
      }
    };
    walk(body);
  };
  for (const resource of LIST_RESOURCES) keep(await readAll(c, resource));
  const workers = await readAll(c, 'workers');
  for (const w of workers.slice(0, 150)) keep((await c.get(`/api/workers/${w.id}`)).body);
  const apps = await readAll(c, 'applications');
  for (const a of apps.slice(0, 30)) {
    keep((await c.get(`/api/applications/${a.id}/timeline`)).body);
    keep((await c.get(`/api/applications/${a.id}/others`)).body);
  }
  const stats = await c.get('/api/stats/overview');
  if (stats.status === 200) keep(stats.body);
  const sheet = await env.app.request('/api/payments/bank-file', { headers: { cookie: c.cookie } });
  if (sheet.status === 200) texts.push(await xlsxText(await sheet.arrayBuffer()));
  return { objects, text: texts.join('\n') };
}

describe('finding 1: the masked ID number cannot be rebuilt from what a role reads', () => {
  it.each(ROLES)(
    '%s: no full ID, no birth date, and many candidates for every masked ID',
    async (user) => {
      const { objects, text } = await harvest(user);
      // What sits beside a worker's mask, in the same record or the same worker's record elsewhere.
      const byWorker = new Map<number, { masks: Set<string>; birth: { date?: string; year?: number } }>();
      for (const o of objects) {
        if (typeof o.idNumberMasked !== 'string' || !truth.has(o.id as number)) continue;
        const w = byWorker.get(o.id as number) ?? { masks: new Set<string>(), birth: {} };
        byWorker.set(o.id as number, w);
        w.masks.add(o.idNumberMasked);
        if (typeof o.birthDate === 'string') w.birth.date = o.birthDate;
        if (typeof o.birthYear === 'number') w.birth.year = o.birthYear;
        if (typeof o.age === 'number') w.birth.year = Number(truth.get(o.id as number)!.slice(6, 10));
      }
      expect(byWorker.size, `${user} reads some workers`).toBeGreaterThan(0);
      for (const [id, w] of byWorker)
        for (const mask of w.masks)
          expect(candidates(truth.get(id)!, mask, w.birth), `${user}: worker #${id} (${mask})`).toBe(10);
      const idLike = new Set(text.match(/\d{17}[\dX]/g) ?? []);
      const dates = new Set(text.match(/\d{4}-\d{2}-\d{2}/g) ?? []);
      for (const [id, real] of truth) {
        expect(idLike.has(real), `${user} reads worker #${id}'s full ID`).toBe(false);
        const birth = `${real.slice(6, 10)}-${real.slice(10, 12)}-${real.slice(12, 14)}`;
        expect(dates.has(birth), `${user} reads worker #${id}'s birth date`).toBe(false);
      }
    },
    120_000,
  );

  it('the database file alone (mask and birth columns, audit rows) does not rebuild them either', async () => {
    const city = await new Client(env).login('city');
    const unit = (
      env.db.$client.prepare('select organization_id o from workers limit 1').get() as { o: number }
    ).o;
    // A worker created and edited through the API leaves its audit rows too.
    const made = await city.post('/api/workers', {
      name: '测试甲',
      idNumber: '53010219900307001' + idCheckChar('53010219900307001'),
      phone: '13900000001',
      organizationId: unit,
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect((await city.put(`/api/workers/${made.body.id}`, { jobTitle: '电工' })).status).toBe(200);
    const rows = env.db.$client.prepare('select * from workers').all() as Record<string, unknown>[];
    for (const r of rows) {
      const real = env.pii.decrypt(r.id_number_enc as string);
      expect(Object.keys(r)).not.toContain('birth_date');
      expect(candidates(real, r.id_number_masked as string, { year: r.birth_year as number })).toBe(10);
    }
    const audit = (
      env.db.$client.prepare('select before, after from audit_log').all() as {
        before: string | null;
        after: string | null;
      }[]
    )
      .map((r) => `${r.before ?? ''} ${r.after ?? ''}`)
      .join('\n');
    expect(audit).not.toMatch(/birth(Date|Year)/);
    expect(audit).not.toContain('1990-03-07');
    expect(audit).not.toContain('13900000001');
  });
});
