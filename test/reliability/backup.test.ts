import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup, inspectBackup } from '../../server/lib/backup';
import { orderOf } from '../helpers/tables';
import { Session } from '../../scripts/lib/client';
import { Driver, rng } from '../../scripts/lib/driver';
import { demoDataDir, HARNESS_KEY, tmpDir, type DemoDir } from '../../scripts/lib/fixture';
import { ROOT, startServer, type RunningServer } from '../../scripts/lib/server';

/**
 * `npm run backup` of a stopped instance and `npm run restore` into a new one: the same records,
 * documents, balances and audit head, and a restore that refuses what it must. The history is made by
 * a fixed number of the harness's steps, not by a time under load, so the test does the same work on
 * any machine. The backup taken under load is backup-load.test.ts (`npm run test:reliability`).
 */
const run = promisify(execFile);
const made: string[] = [];
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
let stoppedFile: string;

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
  await driver.run({ concurrency: 1, signal: new AbortController().signal, maxSteps: 80 });
  expect(driver.errors).toEqual([]);
  expect(driver.acked.some((w) => w.kind === 'upload')).toBe(true);
  stoppedFile = path.join(tmp('backups'), 'stopped.backup');
}, 300_000);

afterAll(async () => {
  await server?.stop();
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup of a stopped instance and restore', () => {
  it('gives back the same records, documents, balances and audit head', async () => {
    await server.stop();
    await createBackup({
      dbFile: path.join(demo.dataDir, 'app.db'),
      dataDir: demo.dataDir,
      out: stoppedFile,
      envKey: HARNESS_KEY,
    });
    expect(inspectBackup(stoppedFile).problems).toEqual([]);
    const target = tmp('restore-stopped');
    await script('restore', [stoppedFile], target);
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
  }, 240_000);

  it('refuses to restore over a running server, with another key, or from a tampered or foreign file', async () => {
    await expect(script('restore', [stoppedFile], demo.dataDir)).rejects.toMatchObject({
      stderr: expect.stringContaining('running'),
    });
    await expect(script('restore', [stoppedFile], tmp('wrong-key'), 'ab'.repeat(32))).rejects.toMatchObject({
      stderr: expect.stringContaining('key'),
    });

    const tampered = path.join(tmp('backups'), 'tampered.backup');
    fs.copyFileSync(stoppedFile, tampered);
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
  }, 240_000);
});
