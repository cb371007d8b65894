import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../server/domain/id-number';
import { type Client, testEnv, type TestEnv } from '../helpers/app';
import { makeIdNumber, smallCity } from '../helpers/fixtures';
import { draftWithDocuments } from '../helpers/flow';
import { signedIn } from '../helpers/sessions';

const HEAD = '姓名,身份证号,手机号,职务,一线岗位,入会日期,会费已缴';

/** A roster row with a fresh worker n (ID numbers and phones apart from the fixture's). */
const line = (
  n: number,
  over: Partial<Record<'name' | 'id' | 'phone' | 'title' | 'front' | 'dues', string>> = {},
) =>
  [
    over.name ?? `名册职工${n}`,
    over.id ?? makeIdNumber(10_000 + n),
    over.phone ?? `137${String(n).padStart(8, '0')}`,
    over.title ?? '操作工',
    over.front ?? '是',
    '2019-03-01',
    over.dues ?? '是',
  ].join(',');

const csv = (lines: string[]) => Buffer.from([HEAD, ...lines].join('\r\n'), 'utf8');

async function post(c: Client, bytes: Uint8Array, dryRun = false, name = '名册.csv') {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name));
  if (dryRun) form.set('dryRun', 'true');
  return c.request('POST', '/api/workers/import', form);
}

function city() {
  const env = testEnv();
  const c = smallCity(env);
  return { env, c, unit: signedIn(env, 'wuhua-001') };
}

const count = (env: TestEnv, sql = 'select count(*) n from workers') =>
  (env.db.$client.prepare(sql).get() as { n: number }).n;

/** Every worker row as stored: a re-import must leave them byte for byte. */
const snapshot = (env: TestEnv) =>
  JSON.stringify(env.db.$client.prepare('select * from workers order by id').all());

/** GB18030 bytes of `text` (no encoder ships with Node: the decoder's table, read backwards). */
function gb18030(text: string): Buffer {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) map.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else out.push(...map.get(ch)!);
  }
  return Buffer.from(out);
}

describe('POST /api/workers/import', () => {
  it('R9a: previews new rows with dryRun and writes nothing, then imports them attested by the upload', async () => {
    const { env, unit, c } = city();
    const before = count(env);
    const file = csv([line(1), line(2), line(3)]);
    const preview = await post(unit, file, true);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ created: 3, updated: 0, unchanged: 0, refused: [] });
    expect(preview.body.rows.map((r: any) => r.status)).toEqual([
      'new',
      'new',
      'new',
      ...Array(6).fill('dropped'),
    ]);
    // The unit's six workers on record are not on this roster: listed, to be flagged once applied.
    expect(preview.body.dropped).toBe(6);
    expect(preview.body.rows[0].idNumberMasked).toMatch(/^53\*{12}/);
    expect(count(env)).toBe(before);
    env.clock.advance(60_000);
    const res = await post(unit, file);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ created: 3, updated: 0, unchanged: 0, refused: [] });
    const w = env.db.$client.prepare(`select * from workers where name = '名册职工1'`).get() as Record<
      string,
      unknown
    >;
    expect(w).toMatchObject({
      organization_id: c.unit1.id,
      is_union_member: 1,
      is_frontline: 1,
      on_roster: 1,
      member_dues_paid: 1,
      member_since: '2019-03-01',
      attested_by: c.users.unit1.id,
      attested_at: env.clock.now().toISOString(),
    });
    // The audit row carries counts, never an ID number or a phone.
    const a = env.db.$client
      .prepare(`select after from audit_log where resource = 'workers' and action = 'import'`)
      .get() as { after: string };
    expect(JSON.parse(a.after)).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    expect(a.after).not.toMatch(/\d{11}/);
  });

  it('names every refusal: bad check digit, another union’s member, duplicate phone, senior post as front-line', async () => {
    const { env, unit, c } = city();
    const bad = makeIdNumber(10_005);
    const wrongCheck = bad.slice(0, 17) + (bad[17] === '1' ? '2' : '1');
    const otherUnion = env.pii.decrypt(
      (
        env.db.$client.prepare('select id_number_enc e from workers where id = ?').get(c.workerP.id) as {
          e: string;
        }
      ).e,
    );
    const res = await post(
      unit,
      csv([
        line(1),
        line(2, { id: wrongCheck }),
        line(3, { id: otherUnion }),
        line(4, { phone: '13700000001' }), // row 2's phone
        line(5, { phone: c.workerP.phone }), // a worker already recorded
        line(6, { title: '销售部经理', front: '是' }),
        line(7, { front: '也许' }),
      ]),
      true,
    );
    expect(res.status).toBe(200);
    const by = (row: number) => res.body.refused.filter((r: any) => r.row === row);
    expect(by(3)).toEqual([{ row: 3, field: 'idNumber', message: expect.stringContaining('校验位') }]);
    expect(by(4)).toEqual([{ row: 4, field: 'idNumber', message: expect.stringContaining('其他工会') }]);
    expect(by(5)).toEqual([{ row: 5, field: 'phone', message: expect.stringContaining('第 2 行') }]);
    expect(by(6)).toEqual([{ row: 6, field: 'phone', message: expect.stringContaining('其他职工') }]);
    expect(by(7)).toEqual([
      { row: 7, field: 'isFrontline', rule: 'R9b', message: expect.stringContaining('科室主任') },
    ]);
    expect(by(8)[0].field).toBe('isFrontline');
    expect(res.body.created).toBe(1);
    expect(res.body.rows.filter((r: any) => r.status === 'refused')).toHaveLength(6);
    // Applied, the same file changes nothing and names the same rows.
    const before = snapshot(env);
    const applied = await post(unit, csv([line(1), line(2, { id: wrongCheck })]));
    expect(applied.status).toBe(422);
    expect(applied.body.refused).toEqual([expect.objectContaining({ row: 3, field: 'idNumber' })]);
    expect(snapshot(env)).toBe(before);
  });

  it('is all or nothing: 20,000 rows with one bad check digit at row 19,999 write nothing; without it all', async () => {
    const { env, unit } = city();
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      line(i + 1, { id: idOf(i + 1), phone: `15${String(i + 1).padStart(9, '0')}` }),
    );
    const good = idOf(19_998);
    const broken = [...lines];
    broken[19_997] = line(19_998, {
      id: good.slice(0, 17) + (good[17] === '1' ? '2' : '1'),
      phone: '15000019998',
    });
    const before = snapshot(env);
    const refused = await post(unit, csv(broken));
    expect(refused.status).toBe(422);
    expect(refused.body.refused).toEqual([expect.objectContaining({ row: 19_999, field: 'idNumber' })]);
    expect(snapshot(env)).toBe(before);
    expect(count(env, `select count(*) n from audit_log where action = 'import'`)).toBe(0);
    const ok = await post(unit, csv(lines));
    expect(ok.status, JSON.stringify(ok.body).slice(0, 300)).toBe(200);
    expect(ok.body.created).toBe(20_000);
  }, 120_000);

  it('reads GB18030 and UTF-8 with a BOM, and a re-import of the same file changes nothing', async () => {
    const { env, unit } = city();
    const text = [HEAD, line(1, { name: '张三丰' }), line(2, { name: '李四', title: '车间主任' })].join(
      '\r\n',
    );
    const gb = await post(unit, gb18030(text));
    expect(gb.status, JSON.stringify(gb.body)).toBe(200);
    expect(gb.body).toMatchObject({ created: 2, refused: [] });
    expect(count(env, `select count(*) n from workers where name in ('张三丰', '李四')`)).toBe(2);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    const before = snapshot(env);
    const again = await post(unit, bom);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(snapshot(env)).toBe(before);
  });

  it('reads the .xlsx template filled in, and refuses a malformed file or a zip bomb changing nothing', async () => {
    const { env, unit } = city();
    const tpl = await unit.request('GET', '/api/workers/import-template');
    expect(tpl.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    const res0 = await env.app.request('/api/workers/import-template', { headers: { cookie: unit.cookie } });
    await wb.xlsx.load(Buffer.from(await res0.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toContain('身份证号');
    ws.addRow(line(1).split(','));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const ok = await post(unit, xlsx, true, '名册.xlsx');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.created).toBe(1);

    const before = snapshot(env);
    const garbage = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), Buffer.alloc(200, 7)]);
    const g = await post(unit, garbage, false, 'x.xlsx');
    expect(g.status).toBe(400);
    expect(g.body.errors.file).toBeTruthy();
    const noHeader = await post(unit, Buffer.from('a,b,c\n1,2,3'));
    expect(noHeader.status).toBe(400);
    expect(noHeader.body.message).toContain('身份证号');
    const bomb = zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(100 << 20) },
    ]);
    const b = await post(unit, bomb, false, 'bomb.xlsx');
    expect(b.status).toBe(413);
    expect(snapshot(env)).toBe(before);
  });

  it('keeps to scope: a unit cannot import another unit’s member or name another unit; a level-2 union its subtree', async () => {
    const { env, c } = city();
    const panlong = signedIn(env, 'panlong-001');
    const id1 = env.pii.decrypt(
      (
        env.db.$client.prepare('select id_number_enc e from workers where id = ?').get(c.workers[0].id) as {
          e: string;
        }
      ).e,
    );
    const before = snapshot(env);
    const r = await post(panlong, csv([line(1, { id: id1 })]));
    expect(r.status).toBe(422);
    expect(r.body.refused[0]).toMatchObject({
      field: 'idNumber',
      message: expect.stringContaining('其他工会'),
    });
    const named = Buffer.from(`${HEAD},单位编码\r\n${line(1)},wuhua-001`);
    const n = await post(panlong, named);
    expect(n.status).toBe(422);
    expect(n.body.refused[0]).toMatchObject({ field: 'unitCode' });
    expect(snapshot(env)).toBe(before);
    // 五华区 imports for its unit wuhua-001, but not for 盘龙区's.
    const wuhua = signedIn(env, 'wuhua');
    expect((await post(wuhua, named, true)).body).toMatchObject({ created: 1, refused: [] });
    const other = await post(wuhua, Buffer.from(`${HEAD},单位编码\r\n${line(1)},panlong-001`), true);
    expect(other.body.refused[0]).toMatchObject({ field: 'unitCode' });
    expect((await post(signedIn(env, 'worker1'), named)).status).toBe(403);
    expect((await post(signedIn(env, 'city'), named)).status).toBe(403);
  });

  it('R9a: a worker on the roster is a member without attesting; dropped from the next roster it is flagged and must be attested', async () => {
    const { env, c } = city();
    let unit = signedIn(env, 'wuhua-001');
    // The unit's existing workers, as the first roster lists them, and one new worker.
    const current = c.workers.map((w, i) =>
      line(0, { name: w.name, id: makeIdNumber(i + 1), phone: w.phone }),
    );
    const first = await post(unit, csv([...current, line(1)]));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const newcomer = (
      env.db.$client.prepare(`select id from workers where name = '名册职工1'`).get() as { id: number }
    ).id;
    const a1 = await draftWithDocuments(unit, c.open.id, { workerId: newcomer });
    expect((await unit.post(`/api/applications/${a1}/submit`)).status).toBe(200);
    const ok = await unit.post(`/api/applications/${a1}/review`, { decision: 'approve', comment: '' });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);

    // Ten days later the roster no longer lists worker 2 (c.workers[1]).
    env.clock.advance(10 * 86_400_000);
    unit = signedIn(env, 'wuhua-001');
    const second = await post(unit, csv([...current.filter((_, i) => i !== 1), line(1)]));
    expect(second.body).toMatchObject({ dropped: 1, created: 0 });
    const w2 = env.db.$client.prepare('select * from workers where id = ?').get(c.workers[1].id) as any;
    expect(w2).toMatchObject({
      on_roster: 0,
      is_union_member: 0,
      attested_at: env.clock.now().toISOString(),
    });
    const show = await unit.get(`/api/workers/${c.workers[1].id}`);
    expect(show.body.rosterStatus).toBe('dropped');
    expect((await unit.get(`/api/workers/${newcomer}`)).body.rosterStatus).toBe('verified');
    const a2 = await draftWithDocuments(unit, c.open.id, { workerId: c.workers[1].id });
    expect((await unit.post(`/api/applications/${a2}/submit`)).status).toBe(200);
    const refused = await unit.post(`/api/applications/${a2}/review`, { decision: 'approve', comment: '' });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R9a');
  });
});

/** Distinct valid ID numbers for the 20,000-row files (makeIdNumber repeats past a thousand). */
function idOf(n: number): string {
  const base = `53${String(Math.floor(n / 1000)).padStart(4, '0')}${1960 + (n % 40)}0101${String(n % 1000).padStart(3, '0')}`;
  return base + idCheckChar(base);
}

/** A zip archive (the entries deflated); enough to post a bomb as an .xlsx. */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
