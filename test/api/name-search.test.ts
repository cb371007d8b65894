/**
 * `q` searches worker names through `worker_name_grams` (migration 0004, server/lib/name-search.ts)
 * and finds exactly what `name like '%q%'` finds — ASCII case folded, %, _ and \ literal, characters
 * counted by code point — with the pieces kept by triggers in the transaction of every change.
 */
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { applications, workers } from '../../db/schema';
import { buildWhere } from '../../server/lib/ra-list';
import { applicationList } from '../../server/resources/applications/list';
import { workerList } from '../../server/resources/workers';
import { Rng } from '../../seed/rng';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES_COMMON, SURNAMES_OTHER } from '../../seed/names';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { addWorker, makeIdNumber, smallCity } from '../helpers/fixtures';

/** Latin letters in both cases, repeated characters, a name of four pieces, characters outside the BMP, LIKE's own characters. */
const SPECIAL = [
  '欧阳娜娜',
  '司马光明',
  'Ali',
  'ALIYA',
  'aLiMu',
  '阿依古丽·买买提',
  '丽丽',
  '李丽丽',
  '丽李丽',
  '𠀀𠀁明',
  '𪚥龙',
  '张%伟',
  '王_芳',
  '李\\明',
  '100%纯',
  '_下划',
  '\\\\',
  '%%',
  'a_b%c\\d',
  'Zhang Wei',
  'zhangwei',
];

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
beforeEach(() => {
  env = testEnv();
  f = smallCity(env);
});
const as = (u: string) => new Client(env).login(u);

/** A few hundred generated names (and the special ones) across three level-2 unions, each with a submitted application. */
function population(rng: Rng, special = SPECIAL) {
  const surnames = Array.from(SURNAMES_COMMON + SURNAMES_COMMON + SURNAMES_OTHER);
  const given = Array.from(GIVEN_MALE + GIVEN_FEMALE);
  const names = [...special];
  while (names.length < 320)
    names.push(rng.pick(surnames) + Array.from({ length: rng.int(1, 2) }, () => rng.pick(given)).join(''));
  const units = [f.unit1, f.unitP, f.direct];
  return names.map((name, i) => {
    const unit = units[i % 3];
    const w = addWorker(env.db, env.pii, 400 + i, unit, { name });
    env.db
      .insert(applications)
      .values({
        roundId: f.open.id,
        workerId: w.id,
        organizationId: unit.id,
        level2Id: unit.level2Id!,
        status: 'submitted',
      })
      .run();
    return w;
  });
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
const byLike = (table: 'applications' | 'workers', s: string) =>
  env.db.$client
    .prepare(
      table === 'applications'
        ? `select id from applications where worker_id in (select id from workers where name like ? escape '\\') order by id`
        : `select id from workers where name like ? escape '\\' order by id`,
    )
    .pluck()
    .all(like(s)) as number[];
const byIndex = (table: 'applications' | 'workers', s: string) =>
  (table === 'applications'
    ? env.db
        .select({ id: applications.id })
        .from(applications)
        .where(buildWhere(applicationList, { q: s }))
        .orderBy(applications.id)
        .all()
    : env.db
        .select({ id: workers.id })
        .from(workers)
        .where(buildWhere(workerList, { q: s }))
        .orderBy(workers.id)
        .all()
  ).map((r) => r.id);

/** What the names imply, against what is stored: both differences empty. */
function gramsExact() {
  const implied = `select * from (select lower(substr(w.name, p.k, 1)), w.id from workers w join name_gram_positions p on p.k <= length(w.name)
    union select lower(substr(w.name, p.k, 2)), w.id from workers w join name_gram_positions p on p.k < length(w.name))`;
  const stored = 'select gram, worker_id from worker_name_grams';
  const n = (sqlText: string) => env.db.$client.prepare(`select count(*) from (${sqlText})`).pluck().get();
  expect({ missing: n(`${implied} except ${stored}`), extra: n(`${stored} except ${implied}`) }).toEqual({
    missing: 0,
    extra: 0,
  });
}

const ids = (res: { body: Array<{ id: number }> }) => res.body.map((r) => r.id).sort((a, b) => a - b);

describe('worker name search', () => {
  it('finds exactly what LIKE finds, for 1- to 4-character pieces of names and for %, _ and \\', async () => {
    const rng = new Rng(8);
    const names = population(rng).map((w) => w.name);
    gramsExact();
    const queries = new Set<string>([
      '%',
      '_',
      '\\',
      '%伟',
      '_芳',
      '\\明',
      '%%',
      '\\\\',
      'a_b',
      'b%c\\',
      '·',
      '𠀀',
      '𠀀𠀁',
      '𠀁明',
      '丽丽',
      '李丽',
      'ali',
      'ALI',
      'Ali',
      'aliy',
      'g w',
      'G WE',
      '欧阳娜娜',
      '欧阳',
      '阳娜',
      '甲',
      '不存在的',
      '娜娜娜娜',
      'x',
    ]);
    for (let i = 0; queries.size < 600; i++) {
      const chars = Array.from(rng.pick(names));
      const len = Math.min(chars.length, 1 + (i % 4));
      const from = rng.int(0, chars.length - len);
      const piece = chars.slice(from, from + len).join('');
      queries.add(rng.chance(0.2) ? piece.toUpperCase() : piece);
    }
    const lengths = new Set<number>();
    for (const s of queries) {
      if (!s.trim()) continue;
      const found = byLike('workers', s);
      if (found.length) lengths.add(Array.from(s).length);
      expect(byIndex('workers', s), `workers q=${s}`).toEqual(found);
      if (!/^\d+$/.test(s))
        expect(byIndex('applications', s), `applications q=${s}`).toEqual(byLike('applications', s));
    }
    expect([...lengths].sort()).toEqual([1, 2, 3, 4]);

    // Through the protocol, with the totals in Content-Range.
    const city = await as('city');
    for (const s of [
      '张%伟',
      '王_芳',
      '李\\明',
      '%',
      '_',
      '\\',
      'ali',
      '丽',
      '李丽丽',
      '𠀀𠀁明',
      '阿依古丽·买',
    ]) {
      const apps = await city.get(`/api/applications${q({ filter: { q: s }, range: [0, 499] })}`);
      expect(apps.status).toBe(200);
      expect(ids(apps), `applications q=${s}`).toEqual(byLike('applications', s));
      expect(apps.headers.get('content-range')).toMatch(new RegExp(`/${byLike('applications', s).length}$`));
      const ws = await city.get(`/api/workers${q({ filter: { q: s }, range: [0, 499] })}`);
      expect(ids(ws), `workers q=${s}`).toEqual(byLike('workers', s));
    }
    // A blank q is no condition; a number is still an application's id.
    const all = await city.get(`/api/workers${q({ range: [0, 0] })}`);
    expect(
      (await city.get(`/api/workers${q({ filter: { q: '  ' }, range: [0, 0] })}`)).headers.get(
        'content-range',
      ),
    ).toBe(all.headers.get('content-range'));
    const first = byLike('applications', '张%伟')[0];
    expect(ids(await city.get(`/api/applications${q({ filter: { q: String(first) } })}`))).toEqual([first]);
  });

  it('follows a new worker, a rename and a deletion at once', async () => {
    const clerk = await as('wuhua-001');
    const findWorkers = async (s: string) => ids(await clerk.get(`/api/workers${q({ filter: { q: s } })}`));
    const findApps = async (s: string) => ids(await clerk.get(`/api/applications${q({ filter: { q: s } })}`));

    const created = await clerk.post('/api/workers', {
      name: '诸葛小明',
      idNumber: makeIdNumber(900),
      phone: '13900000900',
      organizationId: f.unit1.id,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(await findWorkers('诸葛')).toEqual([created.body.id]);
    expect(await findWorkers('葛小明')).toEqual([created.body.id]);

    const w = f.workers[2];
    env.db
      .insert(applications)
      .values({
        roundId: f.open.id,
        workerId: w.id,
        organizationId: f.unit1.id,
        level2Id: f.unit1.level2Id!,
        status: 'submitted',
      })
      .run();
    const app = env.db.$client
      .prepare('select id from applications where worker_id = ?')
      .pluck()
      .get(w.id) as number;
    expect(await findApps(w.name)).toEqual([app]);
    expect((await clerk.put(`/api/workers/${w.id}`, { name: '慕容复兴' })).status).toBe(200);
    expect(await findApps(w.name)).toEqual([]);
    expect(await findWorkers(w.name)).toEqual([]);
    expect(await findApps('慕容复兴')).toEqual([app]);
    expect(await findApps('容复')).toEqual([app]);
    expect(await findWorkers('复')).toEqual([w.id]);

    // Renamed and deleted in plain SQL too: the triggers, not the service, keep the pieces.
    env.db.update(workers).set({ name: 'Ma Li' }).where(eq(workers.id, w.id)).run();
    expect(await findApps('慕容')).toEqual([]);
    expect(await findApps('MA L')).toEqual([app]);
    env.db.delete(workers).where(eq(workers.id, created.body.id)).run();
    expect(await findWorkers('诸葛')).toEqual([]);
    expect(
      env.db.$client
        .prepare('select count(*) from worker_name_grams where worker_id = ?')
        .pluck()
        .get(created.body.id),
    ).toBe(0);
    gramsExact();
  });

  it("does not let a level-2 admin find another union's application or worker by name", async () => {
    population(new Rng(9), []);
    env.db.update(workers).set({ name: '欧阳娜娜' }).where(eq(workers.id, f.workerP.id)).run();
    env.db.update(workers).set({ name: '欧阳春' }).where(eq(workers.id, f.workers[0].id)).run();
    for (const w of [f.workerP, f.workers[0]]) {
      env.db
        .insert(applications)
        .values({
          roundId: f.open.id,
          workerId: w.id,
          organizationId: w.organizationId,
          level2Id: w.level2Id,
          status: 'submitted',
        })
        .run();
    }
    const appOf = (workerId: number) =>
      env.db.$client
        .prepare('select id from applications where worker_id = ? order by id')
        .pluck()
        .all(workerId) as number[];
    const wuhua = await as('wuhua');
    const list = async (c: Client, resource: string, s: string) =>
      ids(await c.get(`/api/${resource}${q({ filter: { q: s }, range: [0, 499] })}`));

    // wuhua finds its own 欧阳, never panlong's, whatever part of the name it types.
    expect(await list(wuhua, 'applications', '欧阳娜娜')).toEqual([]);
    expect(await list(wuhua, 'workers', '欧阳娜娜')).toEqual([]);
    expect(await list(wuhua, 'applications', '娜娜')).not.toContain(appOf(f.workerP.id)[0]);
    expect(await list(wuhua, 'workers', '欧阳')).toEqual([f.workers[0].id]);
    const wuhuaApps = await list(wuhua, 'applications', '欧阳');
    expect(wuhuaApps).toEqual(expect.arrayContaining(appOf(f.workers[0].id)));
    expect(wuhuaApps).not.toEqual(expect.arrayContaining(appOf(f.workerP.id)));
    // The union that owns it, and the city, do.
    expect(await list(await as('panlong'), 'applications', '欧阳娜娜')).toEqual(appOf(f.workerP.id));
    expect(await list(await as('city'), 'workers', '欧阳娜娜')).toEqual([f.workerP.id]);
  });
});
