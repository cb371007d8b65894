import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectBackup } from '../../server/lib/backup';
import { verifyAuditChain } from '../../server/lib/audit';
import type { Db } from '../../db/client';
import { Session } from '../../scripts/lib/client';
import { Driver, rng, type Write } from '../../scripts/lib/driver';
import { demoDataDir, HARNESS_KEY, tmpDir, type DemoDir } from '../../scripts/lib/fixture';
import { ROOT, startServer, type RunningServer } from '../../scripts/lib/server';

/**
 * `npm run backup` while the server is under load, `npm run restore` into a stopped instance, and the
 * restored instance has the same records, balances and a verifying audit chain. Timing-bound (in
 * `npm run test:reliability`): the backup is taken after the load has run for a while and the load
 * goes on after it, and how many writes land on either side of it depends on the machine. The
 * backup and restore of a stopped instance, which do not, are backup.test.ts.
 */
const run = promisify(execFile);
const tmp = (label: string) => {
  const d = tmpDir(label);
  made.push(d);
  return d;
};
const script = (name: string, args: string[], dataDir: string, key = HARNESS_KEY) =>
  run(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PII_KEY: key },
  });

let demo: DemoDir;
let server: RunningServer;
let underLoad: string;
let window: { from: number; to: number };
const acked: Write[] = [];

const open = (file: string) => new Database(file, { readonly: true });
const cityOf = (d: DemoDir, url: string) =>
  new Session(url, 'city', `sid=${d.accounts.find((a) => a.role === 'city_admin')!.token}`);

beforeAll(async () => {
  demo = demoDataDir();
  made.push(demo.dataDir);
  server = await startServer({ dataDir: demo.dataDir, piiKey: HARNESS_KEY });
  const driver = new Driver(server.url, demo.accounts, rng(7), {
    review: 4,
    apply: 4,
    allocate: 2,
    transfer: 2,
    receive: 2,
    pay: 4,
    dropout: 1,
    'refund-receive': 1,
    'fund-return': 1,
  });
  await driver.setup();
  const stop = new AbortController();
  const load = driver.run({ concurrency: 4, signal: stop.signal, maxSteps: 5000 });
  // Wait for work, not for a time: enough writes (an upload among them) before the backup, and some
  // sent after it, however slow the machine (the hook's timeout is the only clock).
  const until = async (done: () => boolean) => {
    while (!done() && !stop.signal.aborted) await new Promise((r) => setTimeout(r, 100));
  };
  await until(
    () =>
      driver.acked.filter((w) => !w.replayed).length > 20 && driver.acked.some((w) => w.kind === 'upload'),
  );
  underLoad = path.join(tmp('backups'), 'under-load.backup');
  window = { from: Date.now(), to: 0 };
  const out = await script('backup', [underLoad], demo.dataDir);
  window.to = Date.now();
  expect(out.stdout).toContain('"audit"');
  await until(() => driver.acked.some((w) => w.sentAt > window.to));
  stop.abort();
  await load;
  acked.push(...driver.acked);
  expect(driver.errors).toEqual([]);
}, 240_000);

const made: string[] = [];
afterAll(async () => {
  await server?.stop();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup under load', () => {
  it('is a consistent snapshot: it checks out, and holds every write acknowledged before it began and none sent after it ended', () => {
    const inspection = inspectBackup(underLoad);
    expect(inspection.problems).toEqual([]);
    const before = acked.filter((w) => w.at! < window.from && !w.replayed);
    const after = acked.filter((w) => w.sentAt > window.to);
    expect(before.length).toBeGreaterThan(10);
    expect(after.length).toBeGreaterThan(0);
    const db = open(underLoad);
    const has = db.prepare('select 1 from audit_log where client_request_id = ?');
    try {
      expect(
        before
          .filter((w) => !(w.kind === 'bulk-review' && !w.answer?.succeeded))
          .filter((w) => !has.get(w.rid))
          .map((w) => w.kind),
      ).toEqual([]);
      expect(after.filter((w) => has.get(w.rid)).map((w) => w.kind)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('its audit log is an exact prefix of the live one, and carries the documents uploaded before it', () => {
    const b = open(underLoad),
      live = open(path.join(demo.dataDir, 'app.db'));
    try {
      const head = b.prepare('select id, hash from audit_log order by id desc limit 1').get() as {
        id: number;
        hash: string;
      };
      expect(live.prepare('select hash from audit_log where id = ?').get(head.id)).toEqual({
        hash: head.hash,
      });
      const uploaded = acked.filter((w) => w.kind === 'upload' && w.at! < window.from);
      expect(uploaded.length).toBeGreaterThan(0);
      const blob = b.prepare('select sha256 from backup_files where kind = ? and sha256 = ?');
      for (const w of uploaded) expect(blob.get('document', w.answer.sha256)).toBeTruthy();
    } finally {
      b.close();
      live.close();
    }
  });

  it('restores into a new instance that starts, verifies its chain and finds no broken invariant', async () => {
    const target = tmp('restore-load');
    const out = await script('restore', [underLoad], target);
    expect(JSON.parse(out.stdout).filesWritten).toBeGreaterThan(0);
    const restored = await startServer({ dataDir: target, piiKey: HARNESS_KEY });
    try {
      expect((await cityOf(demo, restored.url).get('/api/integrity')).body).toEqual({
        ok: true,
        problems: [],
      });
    } finally {
      await restored.stop();
    }
    const db = new Database(path.join(target, 'app.db'));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(verifyAuditChain({ $client: db } as unknown as Db).ok).toBe(true);
    } finally {
      db.close();
    }
    for (const w of acked.filter((x) => x.kind === 'upload' && x.at! < window.from)) {
      expect(
        fs.existsSync(path.join(target, 'documents', w.answer.sha256.slice(0, 2), w.answer.sha256)),
      ).toBe(true);
    }
  }, 60_000);
});
