import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { upload } from '../helpers/flow';

/** Finding 16: uploads that are more than the scan they claim to be, and how scans are served. */
let env: TestEnv;
let worker: Client;
let appId: number;

beforeAll(async () => {
  env = testEnv();
  const f = smallCity(env);
  worker = await new Client(env).login('worker1');
  appId = (await worker.post('/api/applications', { roundId: f.open.id })).body.id;
});

const pdf = (body: string) => Buffer.from(`%PDF-1.7\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
/** A PDF whose catalog sits in a compressed object stream, out of sight of a plain text search. */
const hiddenInStream = (dict: string) => {
  const packed = deflateSync(Buffer.from(`1 0 ${dict}`, 'latin1'));
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.7\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
      'latin1',
    ),
    packed,
    Buffer.from('\nendstream\nendobj\n%%EOF\n', 'latin1'),
  ]);
};

/** A small well-formed JPEG: SOI, JFIF, a scan with a stuffed FF00 and a restart marker, EOI. */
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34, 0xff, 0x00, 0x56, 0xff,
  0xd0, 0x78, 0xff, 0xd9,
]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from([0, 0, 0, 13]),
  Buffer.from('IHDR', 'latin1'),
  Buffer.alloc(13 + 4),
  Buffer.from([0, 0, 0, 0]),
  Buffer.from('IEND', 'latin1'),
  Buffer.from([0xae, 0x42, 0x60, 0x82]),
]);

async function served(id: number) {
  const res = await env.app.request(`/api/documents/${id}/file`, { headers: { cookie: worker.cookie } });
  return { headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('finding 16: uploads are what they claim, and are served sandboxed', () => {
  it.each([
    [
      'an escaped /J#61vaScript name',
      pdf('1 0 obj << /Type /Catalog /OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >> >> endobj'),
    ],
    [
      'a launch action',
      pdf('1 0 obj << /Type /Catalog /OpenAction << /S /#4caunch /F (cmd.exe) >> >> endobj'),
    ],
    [
      'an open action that is not a destination',
      pdf('1 0 obj << /Type /Catalog /OpenAction 9 0 R >> endobj'),
    ],
    ['additional actions (/AA)', pdf('3 0 obj << /Type /Page /AA << /O 9 0 R >> >> endobj')],
    ['an embedded file list', pdf('1 0 obj << /Type /Catalog /Names << /EmbeddedFiles 8 0 R >> >> endobj')],
    [
      'JavaScript inside a compressed object stream',
      hiddenInStream('<< /Type /Catalog /OpenAction << /S /JavaScript /JS (x) >> >>'),
    ],
  ])('refuses a PDF with %s', async (_, bytes) => {
    const res = await upload(worker, appId, 'id_card', new Uint8Array(bytes), 'scan.pdf');
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors.file).toBeTruthy();
  });

  it('keeps a PDF whose open action only shows a page', async () => {
    const ok = pdf('1 0 obj << /Type /Catalog /OpenAction [3 0 R /Fit] >> endobj');
    expect((await upload(worker, appId, 'id_card', new Uint8Array(ok), 'scan.pdf')).status).toBe(201);
  });

  it.each([
    ['an HTML page', Buffer.from('<html><script>alert(document.cookie)</script></html>')],
    ['a ZIP archive', Buffer.from('PK\x03\x04 pretend archive PK\x05\x06', 'latin1')],
  ])('cuts %s trailing a JPEG at its end marker', async (_, tail) => {
    const res = await upload(worker, appId, 'id_card', new Uint8Array(Buffer.concat([JPEG, tail])), 'id.jpg');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.size).toBe(JPEG.length);
    expect((await served(res.body.id)).bytes.equals(JPEG)).toBe(true);
  });

  it('cuts what trails a PNG after IEND', async () => {
    const res = await upload(
      worker,
      appId,
      'id_card',
      new Uint8Array(Buffer.concat([PNG, Buffer.from('<?php x ?>')])),
      'id.png',
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await served(res.body.id)).bytes.equals(PNG)).toBe(true);
  });

  it('a .html name on JPEG content is stored and served as a .jpg image, sandboxed', async () => {
    const res = await upload(worker, appId, 'id_card', new Uint8Array(JPEG), 'invoice.html');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.fileName).toBe('invoice.html.jpg');
    expect(res.body.mimeType).toBe('image/jpeg');
    const { headers } = await served(res.body.id);
    expect(headers.get('content-type')).toBe('image/jpeg');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('content-security-policy')).toMatch(/(^|;)\s*sandbox(;|$)/);
    expect(headers.get('content-disposition')).toContain('invoice.html.jpg');
  });
});
