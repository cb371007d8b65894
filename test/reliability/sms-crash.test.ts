import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notify } from '../../server/resources/notifications/service';
import { testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { smsGateway } from '../helpers/sms-gateway';

const SECRET = 'crash-secret-0123456789';
const KILL_AT = [9, 23];
let gw: Awaited<ReturnType<typeof smsGateway>>;
let child: ReturnType<typeof spawn> | undefined;
afterAll(() => gw?.close());

/** The dispatcher in a process of its own; resolves with the signal that ended it (null: it finished). */
function runDispatcher(file: string, at: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(__dirname, 'sms-crash.child.ts'), file, gw.url, SECRET, at],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let err = '';
    const c = child;
    const guard = setTimeout(() => process.kill(-c.pid!, 'SIGKILL'), 150_000); // never leave it behind
    c.stderr!.on('data', (d) => (err += d));
    c.on('error', reject);
    c.on('exit', (code, signal) => {
      clearTimeout(guard);
      if (signal || code === 0) resolve(signal);
      else reject(new Error(`dispatcher exited ${code}: ${err}`));
    });
  });
}

/**
 * In `npm run test:reliability` (it starts real child processes, whose start-up is the machine's):
 * the outcome does not depend on timing — the gateway itself kills the dispatcher while it waits for
 * the answer to the 9th and the 23rd POST.
 */
describe('the SMS dispatcher killed mid-batch', () => {
  it('a SIGKILL loses no message and doubles none by id: at-least-once, deduplicated by the gateway', async () => {
    const env = testEnv();
    smallCity(env);
    const users = env.db.$client.prepare(`select id from users where role = 'worker'`).all() as {
      id: number;
    }[];
    const actor = { user: null, now: env.clock.now };
    for (let i = 0; i < 40; i++)
      notify(env.db, actor, users[i % users.length].id, {
        template: 'status.approved',
        params: { applicationId: i + 1 },
      });
    const ids = (
      env.db.$client
        .prepare(`select id from notifications where sms_state = 'pending' order by id`)
        .all() as {
        id: number;
      }[]
    ).map((r) => String(r.id));
    expect(ids).toHaveLength(40);

    gw = await smsGateway((_r, n) => {
      if (KILL_AT.includes(n)) {
        process.kill(-child!.pid!, 'SIGKILL');
        return 'hang';
      }
      return 200;
    });
    const file = path.join(env.dataDir, 'app.db');
    const at = env.clock.now().toISOString();
    expect(await runDispatcher(file, at)).toBe('SIGKILL');
    expect(await runDispatcher(file, at)).toBe('SIGKILL');
    expect(await runDispatcher(file, at)).toBeNull();

    // Nothing lost: every message reached the gateway and is marked sent.
    expect([...gw.delivered()].sort()).toEqual([...ids].sort());
    const states = env.db.$client
      .prepare('select sms_state s, count(*) n from notifications group by s')
      .all();
    expect(states).toEqual([{ s: 'sent', n: 40 }]);
    // Nothing doubled beyond the one in flight at each kill, and that one with the same id and body.
    const again = gw.received.filter((r, i) => gw.received.findIndex((o) => o.id === r.id) !== i);
    expect(again).toHaveLength(KILL_AT.length);
    for (const r of again) expect(gw.received.find((o) => o.id === r.id)!.raw).toBe(r.raw);
  });
});
