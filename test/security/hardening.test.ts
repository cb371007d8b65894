import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../server/app';
import { readEnv } from '../../server/env';
import { Client, q, testEnv } from '../helpers/app';
import { PDF, smallCity } from '../helpers/fixtures';
import { fixtureServer } from '../reliability/helpers';
import { LIST_RESOURCES } from './helpers';

/** Findings 10, 11, 12 and 15: list filters, quota bounds, the data folder, unknown paths, health, origin. */
describe('finding 10: true/false in a list filter is a 400, never a 500', () => {
  it('answers every list and every field with 400 (or a match on a boolean column), never 500', async () => {
    const env = testEnv();
    smallCity(env);
    const city = await new Client(env).login('city');
    for (const resource of LIST_RESOURCES) {
      for (const field of ['id', 'name', 'status', 'organizationId', 'createdAt', 'isMigrant', 'active']) {
        for (const value of [true, false, [true, false], [1, true]]) {
          const res = await city.get(`/api/${resource}${q({ filter: { [field]: value } })}`);
          expect(res.status, `${resource} ${field}=${JSON.stringify(value)}`).not.toBe(500);
          expect([200, 400]).toContain(res.status);
        }
      }
    }
    expect((await city.get(`/api/workers${q({ filter: { name: true } })}`)).status).toBe(400);
    expect((await city.get(`/api/workers${q({ filter: { id: [true, false] } })}`)).status).toBe(400);
    expect((await city.get(`/api/workers${q({ filter: { isMigrant: true } })}`)).status).toBe(200);
  });
});

describe('finding 11: a quota adjustment has bounds', () => {
  it('refuses a delta or a result above the most places a quota may hold (422, R7)', async () => {
    const env = testEnv();
    smallCity(env);
    const city = await new Client(env).login('city');
    const quota = (await city.get('/api/quotas')).body[0];
    for (const delta of [2 ** 53 - 1, 1_000_001, 1_000_000 - quota.places + 1]) {
      const res = await city.post(`/api/quotas/${quota.id}/adjust`, { delta, reason: '测试上限' });
      expect(res.status, `delta ${delta}`).toBe(422);
    }
    const places = env.db.$client.prepare('select places from quotas where id = ?').pluck().get(quota.id);
    expect(places).toBe(quota.places);
    expect((await city.post(`/api/quotas/${quota.id}/adjust`, { delta: 5, reason: '增加名额' })).status).toBe(
      200,
    );
  });
});

describe('finding 12: DATA_DIR is the server’s alone', () => {
  it('makes the folder 0700 and the database, its WAL and the scans 0600', async () => {
    const fx = await fixtureServer((env) => {
      fs.chmodSync(env.dataDir, 0o755); // as a careless install leaves it
      fs.chmodSync(path.join(env.dataDir, 'app.db'), 0o644);
    });
    try {
      const worker = fx.as('worker1');
      const draft = await worker.request('POST', '/api/applications', { roundId: fx.f.open.id });
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      const form = new FormData();
      form.set('applicationId', String(draft.body.id));
      form.set('kind', 'id_card');
      form.set('file', new File([PDF as unknown as BlobPart], 'scan.pdf'));
      expect((await worker.request('POST', '/api/documents', form)).status).toBe(201);
      const { dataDir } = fx.env;
      const mode = (p: string) => (fs.statSync(p).mode & 0o777).toString(8);
      expect(mode(dataDir)).toBe('700');
      for (const f of ['app.db', 'app.db-wal'].map((f) => path.join(dataDir, f)))
        expect(mode(f), f).toBe('600');
      const docs = path.join(dataDir, 'documents');
      expect(mode(docs)).toBe('700');
      const files = fs.readdirSync(docs, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(0);
      for (const e of files) expect(mode(path.join(e.parentPath, e.name)), e.name).toBe('600');
    } finally {
      await fx.server.stop();
    }
  }, 120_000);
});

describe('finding 15: unknown API paths, health, the origin check', () => {
  it('an API path nothing answers is a JSON 404, even with the panel’s catch-all behind it', async () => {
    const env = testEnv();
    smallCity(env);
    env.app.get('*', (c) => c.html('<!doctype html><title>panel</title>')); // as server/index.ts does
    const city = await new Client(env).login('city');
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['GET', '/api/workers/1/nothing-here'],
      ['POST', '/api/nope'],
      ['GET', '/api'],
    ]) {
      const res = await env.app.request(url, { method, headers: { cookie: city.cookie } });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('content-type'), url).toContain('application/json');
    }
    expect((await env.app.request('/workers/1/show')).status).toBe(200); // the panel's own routes
    const anonymous = await env.app.request('/api/nope');
    expect([anonymous.status, anonymous.headers.get('content-type')]).toEqual([401, 'application/json']);
  });

  it('tells anyone up or down only, from a read that takes no write lock; the city admin gets the rest', async () => {
    const env = testEnv();
    smallCity(env);
    const other = new Database(path.join(env.dataDir, 'app.db'));
    other.exec('begin immediate');
    try {
      const t0 = performance.now();
      const open = await env.app.request('/api/health');
      expect([open.status, await open.json()]).toEqual([200, { status: 'up' }]);
      expect(performance.now() - t0).toBeLessThan(200);
    } finally {
      other.exec('rollback');
      other.close();
    }
    const city = await new Client(env).login('city');
    const full = await city.get('/api/health');
    expect(full.body.checks.database).toMatchObject({ ok: true, writable: true });
    expect(full.body.memory).toBeDefined();
    const unit = await new Client(env).login('wuhua-001');
    expect((await unit.get('/api/health')).body).toEqual({ status: 'up' });
  });

  it('checks the origin of a write against PUBLIC_ORIGIN when it is set, whatever Host the proxy sends', async () => {
    const env = testEnv();
    smallCity(env);
    const app = createApp({
      db: env.db,
      clock: env.clock.now,
      pii: env.pii,
      dataDir: env.dataDir,
      secureCookies: false,
      publicOrigin: readEnv({ PUBLIC_ORIGIN: 'https://subsidy.example.cn/' }).PUBLIC_ORIGIN,
    });
    const login = (origin: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', host: '127.0.0.1:3000', origin },
        body: JSON.stringify({ username: 'city', password: 'Kunming@2019' }),
      });
    expect((await login('https://subsidy.example.cn')).status).toBe(200);
    expect((await login('https://evil.example')).status).toBe(403);
    expect((await login('http://127.0.0.1:3000')).status).toBe(403);
    expect(readEnv({ HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
  });
});
