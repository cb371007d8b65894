import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { Pii } from '../../server/lib/pii';
import { seedDemo } from '../../seed/demo';
import { Session } from '../../scripts/lib/client';
import { demoDataDir, HARNESS_KEY } from '../../scripts/lib/fixture';
import { startServer, type RunningServer } from '../../scripts/lib/server';
import { Client, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { approvedInBulk } from '../helpers/money';
import { fixtureServer } from './helpers';

/**
 * The checks that hold a clock against the code: how long an answer may take, and which of two
 * concurrent answers comes first. They say something on a quiet machine and can fail on a loaded one,
 * so they are here, in `npm run test:reliability`, and never in `npm test`, which checks the same
 * features by their answers. The bounds are the targets the features were built to.
 */
const timed = async <T>(work: () => Promise<T> | T) => {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
};

describe('how long', () => {
  it('R3: receiving 1,000 payments takes well under a second', async () => {
    const env = testEnv();
    const f = smallCity(env);
    approvedInBulk(env.db, env.pii, { n: 1000, roundId: f.open.id, unit: f.unit1 });
    const [city, wuhua] = await Promise.all(['city', 'wuhua'].map((u) => new Client(env).login(u)));
    const al = (
      await city.post('/api/allocations', {
        roundId: f.open.id,
        organizationId: f.wuhua.id,
        stage: 'process',
      })
    ).body;
    expect(al.applicationCount).toBe(1000);
    await city.post(`/api/allocations/${al.id}/transfer`);
    const { value: res, ms } = await timed(() => wuhua.post(`/api/allocations/${al.id}/receive`));
    expect(res.body.result.payments).toBe(1000);
    console.log(`receive 1,000 payments: ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(1000);
  });

  it('the demo seed finishes well inside 20 s', async () => {
    const db = openDb(':memory:');
    migrateDb(db);
    const { ms } = await timed(() =>
      seedDemo(db, new Pii(Buffer.alloc(32, 7)), new Date('2026-03-16T04:00:00Z')),
    );
    db.$client.close();
    console.log(`demo seed: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(20_000);
  });

  it('health answers 503 within a moment when the database cannot take a write, not after the services’ 5 s', async () => {
    const fx = await fixtureServer();
    const other = new Database(fx.dbFile);
    other.exec('begin immediate');
    try {
      // The city admin's health takes the write lock (anyone else's only reads, and says up).
      const { value: res, ms } = await timed(() => fx.as('city').request('GET', '/api/health'));
      expect(res.status).toBe(503);
      expect(ms).toBeLessThan(2000);
    } finally {
      other.exec('rollback');
      other.close();
      await fx.server.stop();
    }
  });
});

describe('GET /api/integrity off the request thread', () => {
  let server: RunningServer | undefined;
  let dataDir: string | undefined;
  afterAll(async () => {
    await server?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a plain request does not wait for the check: health answers before the check does', async () => {
    const demo = demoDataDir();
    dataDir = demo.dataDir;
    server = await startServer({ dataDir, piiKey: HARNESS_KEY, env: { INTEGRITY_OFF_THREAD_FROM: '0' } });
    const city = new Session(
      server.url,
      'city',
      `sid=${demo.accounts.find((a) => a.role === 'city_admin')!.token}`,
    );
    const [check, health] = await Promise.all([city.get('/api/integrity'), city.get('/api/health')]);
    expect(check.status).toBe(200);
    expect(health.ms).toBeLessThan(check.ms);
  });
});
