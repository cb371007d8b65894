import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, inspectBackup } from '../../server/lib/backup';
import { verifyAuditChain } from '../../server/lib/audit';
import type { Db } from '../../db/client';
import { orderOf } from '../helpers/tables';
import { Session } from '../../scripts/lib/client';
import { Driver, rng, type Write } from '../../scripts/lib/driver';
import { demoDataDir, HARNESS_KEY, tmpDir, type DemoDir } from '../../scripts/lib/fixture';
import { ROOT, startServer, type RunningServer } from '../../scripts/lib/server';

/**
 * Backup and restore: `npm run backup` while the server is under load, `npm run restore` into a stopped
 * instance, and the restored instance has the same records, balances and a verifying audit chain.
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
const dump = (file: string) => {
  const db = open(file);
  try {
    const out: Record<string, string> = {};
    for (const { name } of db
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'backup_%' order by name`,
      )
      .all() as { name: string }[]) {
      const h = createHash('sha256');
      for (const row of db.prepare(`select * from "${name}" ${orderOf(db, name)}`).iterate())
        h.update(JSON.stringify(row));
      out[name] = h.digest('hex');
    }
    return out;
  } finally {
    db.close();
  }
};
const docs = (dataDir: string) => {
  const dir = path.join(dataDir, 'documents');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((d) =>
      fs.readdirSync(path.join(dir, d)).map(
        (f) =>
          `${d}/${f}:${createHash('sha256')
            .update(fs.readFileSync(path.join(dir, d, f)))
            .digest('hex')}`,
      ),
    )
    .sort();
};
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
  await new Promise((r) => setTimeout(r, 1500));
  underLoad = path.join(tmp('backups'), 'under-load.backup');
  window = { from: Date.now(), to: 0 };
  const out = await script('backup', [underLoad], demo.dataDir);
  window.to = Date.now();
  expect(out.stdout).toContain('"audit"');
  await new Promise((r) => setTimeout(r, 800));
  stop.abort();
  await load;
  acked.push(...driver.acked);
  expect(driver.errors).toEqual([]);
}, 120_000);

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
    const has = db.prepare('select 1 from audit_log where request_id = ?');
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

describe('backup of a stopped instance and restore', () => {
  it('gives back the same records, documents, balances and audit head', async () => {
    await server.stop();
    const file = path.join(tmp('backups'), 'stopped.backup');
    await createBackup({
      dbFile: path.join(demo.dataDir, 'app.db'),
      dataDir: demo.dataDir,
      out: file,
      envKey: HARNESS_KEY,
    });
    const target = tmp('restore-stopped');
    await script('restore', [file], target);
    expect(dump(path.join(target, 'app.db'))).toEqual(dump(path.join(demo.dataDir, 'app.db')));
    expect(docs(target)).toEqual(docs(demo.dataDir));
    expect(docs(target).length).toBeGreaterThan(0);

    const [a, b] = await Promise.all([
      startServer({ dataDir: demo.dataDir, piiKey: HARNESS_KEY }),
      startServer({ dataDir: target, piiKey: HARNESS_KEY }),
    ]);
    server = a;
    try {
      const [ba, bb] = await Promise.all([
        cityOf(demo, a.url).get('/api/balances'),
        cityOf(demo, b.url).get('/api/balances'),
      ]);
      expect(ba.status).toBe(200);
      expect(bb.body).toEqual(ba.body);
      expect((await cityOf(demo, b.url).get('/api/integrity')).body.ok).toBe(true);
    } finally {
      await b.stop();
    }
  }, 90_000);

  it('refuses to restore over a running server, with another key, or from a tampered or foreign file', async () => {
    await expect(script('restore', [underLoad], demo.dataDir)).rejects.toMatchObject({
      stderr: expect.stringContaining('running'),
    });
    await expect(script('restore', [underLoad], tmp('wrong-key'), 'ab'.repeat(32))).rejects.toMatchObject({
      stderr: expect.stringContaining('key'),
    });

    const tampered = path.join(tmp('backups'), 'tampered.backup');
    fs.copyFileSync(underLoad, tampered);
    const db = new Database(tampered);
    db.prepare(
      `update backup_files set content = ? where rowid = (select min(rowid) from backup_files where kind = 'document')`,
    ).run(Buffer.from('%PDF-1.4 forged'));
    db.close();
    const target = tmp('restore-tampered');
    await expect(script('restore', [tampered], target)).rejects.toMatchObject({
      stderr: expect.stringContaining('digest'),
    });
    expect(fs.existsSync(path.join(target, 'app.db'))).toBe(false);

    const foreign = path.join(tmp('backups'), 'foreign.db');
    new Database(foreign).exec('create table t (x)');
    await expect(script('restore', [foreign], tmp('restore-foreign'))).rejects.toMatchObject({
      stderr: expect.stringContaining('not a backup'),
    });
  }, 60_000);
});
