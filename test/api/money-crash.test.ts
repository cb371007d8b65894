import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Client, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { approvedInBulk } from '../helpers/money';

/** Run the child until it prints `until`, then SIGKILL it (or let it finish when `until` is DONE). */
function runChild(args: string[], until: string): Promise<{ out: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    // Its own process group: npx → tsx → node, and the kill must reach the node that holds the transaction.
    const child = spawn('npx', ['tsx', path.join(__dirname, 'money-crash.child.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let out = '',
      err = '';
    const guard = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 150_000); // never leave it behind
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes(until) && until !== 'DONE') process.kill(-child.pid!, 'SIGKILL');
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on(
      'exit',
      (code, signal) => (
        clearTimeout(guard),
        signal || code === 0 ? resolve({ out, signal }) : reject(new Error(`child exited ${code}: ${err}`))
      ),
    );
  });
}

/**
 * In `npm run test:reliability`: it kills real child processes (npx → tsx → node) whose start-up time
 * is the machine's; the outcome does not depend on timing (the child blocks inside the transaction
 * until it is killed), but on a loaded machine the start-up alone takes many seconds.
 */
describe('crash in the middle of receiving an allocation', () => {
  it('R3: a SIGKILL half-way through 2,000 payments leaves none of them; a retry makes all of them', async () => {
    const env = testEnv();
    const f = smallCity(env);
    approvedInBulk(env.db, env.pii, { n: 2000, roundId: f.open.id, unit: f.unit1 });
    const city = await new Client(env).login('city');
    const al = (
      await city.post('/api/allocations', {
        roundId: f.open.id,
        organizationId: f.wuhua.id,
        stage: 'process',
      })
    ).body;
    expect(al.applicationCount).toBe(2000);
    expect((await city.post(`/api/allocations/${al.id}/transfer`)).status).toBe(200);
    const file = path.join(env.dataDir, 'app.db');

    const killed = await runChild([file, String(al.id), String(f.users.wuhua.id), '1000'], 'HALF');
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.out).toContain('HALF 1000');

    env.db.$client.close();
    const reopened = openDb(file);
    const count = () =>
      reopened.$client.prepare('select count(*) n from payments where allocation_id = ?').get(al.id) as {
        n: number;
      };
    expect(count().n).toBe(0);
    expect(reopened.$client.prepare('select status from allocations where id = ?').get(al.id)).toEqual({
      status: 'transferred',
    });
    expect(checkIntegrity(reopened).ok).toBe(true);

    const finished = await runChild([file, String(al.id), String(f.users.wuhua.id), '0'], 'DONE');
    expect(finished.out).toContain('DONE 2000');
    expect(count().n).toBe(2000);
    expect(reopened.$client.prepare('select status from allocations where id = ?').get(al.id)).toEqual({
      status: 'received',
    });
    expect(checkIntegrity(reopened)).toEqual({ ok: true, problems: [] });
    reopened.$client.close();
  }, 300_000);
});
