import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Session } from '../../scripts/lib/client';
import { demoDataDir, HARNESS_KEY } from '../../scripts/lib/fixture';
import { startServer, type RunningServer } from '../../scripts/lib/server';

/**
 * Over a province's history the integrity check takes seconds; the real server runs it in a worker
 * thread (here from the first application on) and answers what the check in place answers, to
 * requests that arrive together, while it keeps serving other requests. That health answers before
 * the check does is a race of the clock and is in `npm run test:reliability` (latency.test.ts).
 */
let server: RunningServer | undefined;
let dataDir: string | undefined;
afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /api/integrity off the request thread', () => {
  it('answers the same as the check in place, once for requests that arrive together, while health still answers', async () => {
    const demo = demoDataDir();
    dataDir = demo.dataDir;
    const db = openDb(path.join(dataDir, 'app.db'));
    const inPlace = checkIntegrity(db);
    db.$client.close();
    server = await startServer({ dataDir, piiKey: HARNESS_KEY, env: { INTEGRITY_OFF_THREAD_FROM: '0' } });
    const city = new Session(
      server.url,
      'city',
      `sid=${demo.accounts.find((a) => a.role === 'city_admin')!.token}`,
    );
    const [a, b, health] = await Promise.all([
      city.get('/api/integrity'),
      city.get('/api/integrity'),
      city.get('/api/health'),
    ]);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body).toEqual(inPlace);
    expect(b.body).toEqual(inPlace);
    expect([200, 503]).toContain(health.status);
  }, 300_000);
});
