import http from 'node:http';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { PDF, smallCity } from '../helpers/fixtures';
import { upload } from '../helpers/flow';
import { countFiles, fixtureServer } from './helpers';

/** Hostile uploads: every crafted file is refused and nothing reaches the table or the disk. */
let env: TestEnv;
let worker: Client;
let appId: number;

const zipTail = () => {
  // A minimal ZIP (one stored file) whose end record closes the file, as an appended JAR would.
  const name = Buffer.from('x.class');
  const local = Buffer.concat([
    Buffer.from('PK\x03\x04', 'latin1'),
    Buffer.alloc(22),
    Buffer.from([name.length, 0, 0, 0]),
    name,
  ]);
  const central = Buffer.concat([
    Buffer.from('PK\x01\x02', 'latin1'),
    Buffer.alloc(24),
    Buffer.from([name.length, 0]),
    Buffer.alloc(16),
    name,
  ]);
  const end = Buffer.alloc(22);
  end.write('PK\x05\x06', 0, 'latin1');
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(local.length, 16);
  return Buffer.concat([local, central, end]);
};
const jpeg = (middle: string) =>
  Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    Buffer.from(middle, 'latin1'),
    Buffer.from([0xff, 0xd9]),
  ]);

const CRAFTED: Record<string, { bytes: Buffer; name?: string }> = {
  'an ELF executable renamed .pdf': {
    bytes: Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1'), Buffer.alloc(120)]),
  },
  'a Windows executable renamed .pdf': {
    bytes: Buffer.concat([
      Buffer.from('MZ\x90\x00', 'latin1'),
      Buffer.alloc(60),
      Buffer.from('This program cannot be run in DOS mode.'),
    ]),
  },
  'a shell script renamed .jpg': { bytes: Buffer.from('#!/bin/sh\nrm -rf /\n'), name: 'photo.jpg' },
  'an HTML page renamed .png': {
    bytes: Buffer.from('<html><script>alert(document.cookie)</script></html>'),
    name: 'scan.png',
  },
  'a PDF with a ZIP appended (polyglot)': { bytes: Buffer.concat([Buffer.from(PDF), zipTail()]) },
  'a JPEG with a script in its comment (polyglot)': {
    bytes: jpeg('\xff\xfe\x00\x20<script src=//evil.example/x.js></script>'),
    name: 'id.jpg',
  },
  'a PNG with PHP behind it (polyglot)': {
    bytes: Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(16),
      Buffer.from('<?php system($_GET["c"]); ?>'),
    ]),
    name: 'id.png',
  },
  'a PDF that runs JavaScript on open': {
    bytes: Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n%%EOF\n',
    ),
  },
  'a PDF with an embedded file': {
    bytes: Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /EmbeddedFile /Length 4 >> stream\nMZ..\nendstream endobj\n%%EOF\n',
    ),
  },
  'a ../ file name': { bytes: Buffer.from(PDF), name: '../../../etc/cron.d/x.pdf' },
  'a ..\\ file name': { bytes: Buffer.from(PDF), name: '..\\..\\windows\\win.ini.pdf' },
  'an absolute file name': { bytes: Buffer.from(PDF), name: '/etc/passwd.pdf' },
  'a file name with a NUL': { bytes: Buffer.from(PDF), name: 'scan.pdf\u0000.exe' },
  'an empty file': { bytes: Buffer.alloc(0) },
};

const stored = () => ({
  rows: (env.db.$client.prepare('select count(*) n from documents').get() as { n: number }).n,
  files: countFiles(path.join(env.dataDir, 'documents')),
});

beforeAll(async () => {
  env = testEnv();
  const f = smallCity(env);
  worker = await new Client(env).login('worker1');
  appId = (await worker.post('/api/applications', { roundId: f.open.id })).body.id;
});

describe('hostile uploads', () => {
  for (const [what, file] of Object.entries(CRAFTED)) {
    it(`refuses ${what} and stores nothing`, async () => {
      const before = stored();
      const res = await upload(worker, appId, 'id_card', new Uint8Array(file.bytes), file.name ?? 'scan.pdf');
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.errors.file).toBeTruthy();
      expect(JSON.stringify(res.body)).not.toMatch(/\bat .+:\d+:\d+|node_modules/);
      expect(stored()).toEqual(before);
    });
  }

  it('refuses a file over 10 MB (413) and stores nothing', async () => {
    const before = stored();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    const res = await upload(worker, appId, 'id_card', big);
    expect(res.status).toBe(413);
    expect(stored()).toEqual(before);
  });

  it('refuses a body over the limit however it is framed (413) and stores nothing', async () => {
    const before = stored();
    const res = await env.app.request('/api/documents', {
      method: 'POST',
      headers: { cookie: worker.cookie, 'content-type': 'multipart/form-data; boundary=b' },
      body: new Uint8Array(12 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(stored()).toEqual(before);
  });

  it('still takes a genuine scan (the refusals are not blanket)', async () => {
    const res = await upload(worker, appId, 'id_card', PDF, '身份证 扫描件.pdf');
    expect(res.status).toBe(201);
    expect(res.body.fileName).toBe('身份证 扫描件.pdf');
  });
});

describe('a chunked upload over the limit, on the real server', () => {
  it('is cut off with 413 before it is read to the end, and nothing is stored', async () => {
    const fx = await fixtureServer();
    try {
      const draft = await fx.as('worker1').post('/api/applications', { roundId: fx.f.open.id });
      const before = {
        rows: fx.read<{ n: number }>('select count(*) n from documents')[0].n,
        files: countFiles(path.join(fx.env.dataDir, 'documents')),
      };
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          `${fx.server.url}/api/documents`,
          {
            method: 'POST',
            headers: {
              cookie: fx.as('worker1').cookie,
              'content-type': 'multipart/form-data; boundary=zz',
              'transfer-encoding': 'chunked',
            },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode!);
          },
        );
        req.on('error', (e) =>
          (e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET'
            ? resolve(-1)
            : reject(e),
        );
        req.write(
          `--zz\r\nContent-Disposition: form-data; name="applicationId"\r\n\r\n${draft.body.id}\r\n--zz\r\nContent-Disposition: form-data; name="kind"\r\n\r\nid_card\r\n` +
            '--zz\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\n\r\n%PDF-1.4\n',
        );
        const chunk = Buffer.alloc(256 * 1024, 0x41);
        let sent = 0;
        const pump = () => {
          while (sent < 14 * 1024 * 1024) {
            sent += chunk.length;
            if (!req.write(chunk)) {
              req.once('drain', pump);
              return;
            }
          }
          req.end('\r\n--zz--\r\n');
        };
        pump();
      });
      expect([413, -1]).toContain(status);
      expect(fx.read<{ n: number }>('select count(*) n from documents')[0].n).toBe(before.rows);
      expect(countFiles(path.join(fx.env.dataDir, 'documents'))).toBe(before.files);
      expect((await fetch(`${fx.server.url}/api/health`)).status).toBe(200);
    } finally {
      await fx.server.stop();
    }
  });
});
