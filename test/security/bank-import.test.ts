import { crc32, deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, demoTemplate, testEnv } from '../helpers/app';

/** Finding 2: a decompression bomb posted as the bank's result sheet. */
let template: string;
beforeAll(() => {
  template = demoTemplate('bank-import');
}, 120_000);

/** A zip archive; an entry may declare an unpacked size other than its real one. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
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

const sheetXml = Buffer.from('<?xml version="1.0"?><Types xmlns="x"/>');

async function upload(c: Client, bytes: Buffer) {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], '回盘.xlsx'));
  const t0 = performance.now();
  let last = t0,
    stall = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 5);
  const rssBefore = process.memoryUsage().rss;
  const res = await c.request('POST', '/api/payments/bank-file', form);
  clearInterval(ticker);
  return {
    status: res.status,
    ms: performance.now() - t0,
    stall,
    rssGrowthMb: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
  };
}

describe('finding 2: a decompression bomb in POST /api/payments/bank-file', () => {
  const zeros = Buffer.alloc(100 << 20);

  it('an archive that declares 100 MB unpacked is refused (413) before anything unpacks it', async () => {
    const env = testEnv(template);
    const school = await new Client(env).login('school');
    const bomb = zip([
      { name: '[Content_Types].xml', data: sheetXml },
      { name: 'xl/worksheets/sheet1.xml', data: zeros },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    const r = await upload(school, bomb);
    expect(r.status).toBe(413);
    expect(r.ms).toBeLessThan(500);
    expect(r.rssGrowthMb).toBeLessThan(50);
  });

  it('an archive that lies about its sizes is stopped at the declared size, off the event loop', async () => {
    const env = testEnv(template);
    const school = await new Client(env).login('school');
    const liar = zip([
      { name: '[Content_Types].xml', data: sheetXml },
      { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 4096 },
    ]);
    const r = await upload(school, liar);
    expect(r.status).toBe(413);
    expect(r.ms).toBeLessThan(5000);
    expect(r.stall, 'the event loop kept ticking').toBeLessThan(200);
    expect(r.rssGrowthMb).toBeLessThan(100);
  });

  it('too many entries, or a zip64 directory, are refused too', async () => {
    const env = testEnv(template);
    const school = await new Client(env).login('school');
    const many = zip(Array.from({ length: 150 }, (_, i) => ({ name: `e${i}.xml`, data: sheetXml })));
    expect((await upload(school, many)).status).toBe(413);
    const z64 = zip([{ name: 'a.xml', data: sheetXml }]);
    z64.writeUInt16LE(0xffff, z64.length - 12);
    expect((await upload(school, z64)).status).toBe(422);
  });
});
