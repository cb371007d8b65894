import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../server/lib/backup';
import { makeCard, makeIdNumber } from '../helpers/fixtures';
import { fixtureServer, type FixtureServer } from './helpers';

/** Operations: health, structured logs without personal data, and a graceful SIGTERM. */
describe('/api/health', () => {
  let fx: FixtureServer;
  beforeAll(async () => {
    fx = await fixtureServer();
  }, 60_000);
  afterAll(async () => {
    await fx?.server.stop();
  });

  it('answers without a session: database writable, disk space, no backup yet (degraded)', async () => {
    const res = await fetch(`${fx.server.url}/api/health`);
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body.status).toBe('degraded');
    expect(body.checks.database).toMatchObject({ ok: true, writable: true });
    expect(body.checks.disk.ok).toBe(true);
    expect(body.checks.disk.freeBytes).toBeGreaterThan(0);
    expect(body.checks.backup).toMatchObject({ ok: false, lastAt: null, ageHours: null });
    expect(body.checks.auditArchive).toMatchObject({ ok: true, overdueRows: 0 });
  });

  it('reports the last backup and its age, and turns ok', async () => {
    await createBackup({
      dbFile: fx.dbFile,
      dataDir: fx.env.dataDir,
      out: path.join(fx.env.dataDir, '..', `${path.basename(fx.env.dataDir)}.backup`),
    });
    const body = await (await fetch(`${fx.server.url}/api/health`)).json();
    expect(body.checks.backup.ok).toBe(true);
    expect(body.checks.backup.ageHours).toBeLessThan(0.1);
    expect(body.status).toBe('ok');
  });

  it('answers 503 within a moment when the database cannot take a write, and recovers', async () => {
    const other = new Database(fx.dbFile);
    other.exec('begin immediate');
    try {
      const started = performance.now();
      const res = await fetch(`${fx.server.url}/api/health`);
      const body = await res.json();
      expect(res.status).toBe(503);
      expect(body).toMatchObject({
        status: 'down',
        ok: false,
        checks: { database: { ok: false, writable: false } },
      });
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await fetch(`${fx.server.url}/api/health`)).status).toBe(200);
  });
});

describe('structured logs', () => {
  it('are one JSON object a line, carry the request id, and no personal data', async () => {
    const fx = await fixtureServer(undefined, { logs: true });
    try {
      const idNumber = makeIdNumber(4242),
        phone = '13912344321',
        card = makeCard(4242),
        name = '赵敏感';
      const unit = fx.as('unit1');
      const created = await unit.post(
        '/api/workers',
        {
          name,
          idNumber,
          phone,
          organizationId: fx.f.unit1.id,
          isUnionMember: true,
          isFrontline: true,
          jobTitle: '操作工',
          bankCard: card,
        },
        { 'x-request-id': 'ops-create-worker' },
      );
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await unit.get(`/api/workers?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
      const anon = new (await import('../../scripts/lib/client')).Session(fx.server.url, 'anon');
      await anon.post('/api/auth/login', { username: idNumber, password: 'Wrong-Password-1' });
      await anon.post('/api/auth/login', { username: phone, password: 'Kunming@2019' });
      await unit.get('/api/applications/999999', undefined);
      await new Promise((r) => setTimeout(r, 300));
      const lines = fx.server.lines;
      expect(lines.length).toBeGreaterThan(5);
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = entries.filter((e) => e.method);
      expect(
        requests.every(
          (e) => typeof e.rid === 'string' && typeof e.status === 'number' && typeof e.ms === 'number' && e.t,
        ),
      ).toBe(true);
      expect(requests.find((e) => e.rid === 'ops-create-worker')).toMatchObject({
        method: 'POST',
        path: '/api/workers',
        status: 201,
      });
      const all = lines.join('\n');
      for (const secret of [
        idNumber,
        idNumber.slice(0, 14),
        phone,
        card,
        name,
        'Wrong-Password-1',
        'Kunming@2019',
        fx.f.workers[0].name,
      ]) {
        expect(all, `logs hold ${secret}`).not.toContain(secret);
      }
    } finally {
      await fx.server.stop();
    }
  });
});

describe('graceful shutdown', () => {
  it('SIGTERM finishes the upload in flight, refuses new connections, closes the database cleanly and exits 0', async () => {
    const fx = await fixtureServer(undefined, { logs: true });
    const draft = await fx.as('worker1').post('/api/applications', { roundId: fx.f.open.id });
    expect(draft.status).toBe(201);
    const boundary = 'xBOUNDARYx';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="applicationId"\r\n\r\n${draft.body.id}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nid_card\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const tail = Buffer.from(`% slow scan\n%%EOF\n\r\n--${boundary}--\r\n`);
    const cookie = fx.as('worker1').cookie;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${fx.server.url}/api/documents`,
        {
          method: 'POST',
          headers: {
            cookie,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': head.length + tail.length,
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write(head);
      setTimeout(async () => {
        fx.server.proc.kill('SIGTERM');
        // Not accepting anymore while the upload is still coming in (polled: a busy machine may take a moment to deliver the signal).
        let refused = false;
        for (let i = 0; i < 50 && !refused; i++) {
          refused = await fetch(`${fx.server.url}/api/health`).then(
            (r) => r.arrayBuffer().then(() => false),
            () => true,
          );
          if (!refused) await new Promise((r) => setTimeout(r, 100));
        }
        expect(refused).toBe(true);
        req.end(tail);
      }, 300);
    });
    const res = await answer;
    expect(res.status, res.body).toBe(201);
    const exit = await fx.server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // A clean close checkpoints and removes the WAL; the pid file goes with the process.
    expect(fs.existsSync(`${fx.dbFile}-wal`)).toBe(false);
    expect(fs.existsSync(path.join(fx.env.dataDir, 'server.pid'))).toBe(false);
    expect(fx.read('select kind from documents where id = ?', JSON.parse(res.body).id)).toEqual([
      { kind: 'id_card' },
    ]);
    expect(fx.server.lines.some((l) => l.includes('stopped: database closed'))).toBe(true);
  });
});
