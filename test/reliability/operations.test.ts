import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../server/lib/backup';
import { makeCard, makeIdNumber } from '../helpers/fixtures';
import { fixtureServer, type FixtureServer } from './helpers';

/**
 * Health and structured logs without personal data. How fast health answers while the database is
 * locked, and the graceful SIGTERM (which races a signal against an upload in flight), are timed
 * and are in `npm run test:reliability` (latency.test.ts, shutdown.test.ts).
 */
describe('/api/health', () => {
  let fx: FixtureServer;
  beforeAll(async () => {
    fx = await fixtureServer();
  }, 60_000);
  afterAll(async () => {
    await fx?.server.stop();
  });

  it('answers anyone up or down only; the city admin: database writable, disk space, no backup yet (degraded)', async () => {
    const open = await fetch(`${fx.server.url}/api/health`);
    expect([open.status, await open.json()]).toEqual([200, { status: 'up' }]);
    const res = await fx.as('city').request('GET', '/api/health');
    const body = res.body;
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
    const body = (await fx.as('city').request('GET', '/api/health')).body;
    expect(body.checks.backup.ok).toBe(true);
    expect(body.checks.backup.ageHours).toBeLessThan(0.1);
    expect(body.status).toBe('ok');
  });

  it('answers 503 when the database cannot take a write, naming the lock, and recovers', async () => {
    const other = new Database(fx.dbFile);
    other.exec('begin immediate');
    try {
      // Anyone is told it is up (a read needs no lock); the city admin's probe takes the lock and fails.
      expect((await fetch(`${fx.server.url}/api/health`)).status).toBe(200);
      const res = await fx.as('city').request('GET', '/api/health');
      const body = res.body;
      expect(res.status).toBe(503);
      expect(body).toMatchObject({
        status: 'down',
        ok: false,
        checks: { database: { ok: false, writable: false, error: 'SQLITE_BUSY' } },
      });
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await fx.as('city').request('GET', '/api/health')).status).toBe(200);
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
      const created = await unit.post('/api/workers', {
        name,
        idNumber,
        phone,
        organizationId: fx.f.unit1.id,
        isUnionMember: true,
        isFrontline: true,
        jobTitle: '操作工',
        bankCard: card,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await unit.get(`/api/workers?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
      const anon = new (await import('../../scripts/lib/client')).Session(fx.server.url, 'anon');
      await anon.post('/api/auth/login', { username: idNumber, password: 'Wrong-Password-1' });
      await anon.post('/api/auth/login', { username: phone, password: 'Kunming@2019' });
      const last = await unit.get('/api/applications/999999');
      // The request id the log carries is the one the server answers with. The child's log reaches us
      // through a pipe: wait for the last request's line, not for a time.
      const ridOf = (a: { headers: Headers }) => a.headers.get('x-request-id')!;
      while (!fx.server.lines.some((l) => l.includes(ridOf(last))))
        await new Promise((r) => setTimeout(r, 50));
      const lines = fx.server.lines;
      expect(lines.length).toBeGreaterThan(5);
      const entries = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const requests = entries.filter((e) => e.method);
      expect(
        requests.every(
          (e) => typeof e.rid === 'string' && typeof e.status === 'number' && typeof e.ms === 'number' && e.t,
        ),
      ).toBe(true);
      expect(requests.find((e) => e.rid === ridOf(created))).toMatchObject({
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
