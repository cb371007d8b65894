import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/client';
import { ARCHIVE_DIR, writeDurably, type Manifest } from './archive';
import { bindAuditKey, verifyAuditChain } from './audit';
import { Pii } from './pii';

/**
 * Online backup: SQLite's backup API copies a consistent snapshot of the live WAL database
 * (never a file copy, which can tear between the database and its WAL); the uploaded documents the
 * snapshot refers to, and the audit archive, go into the same single file as blobs. The result is
 * one SQLite file that any sqlite3 can open, checked before it is renamed into place.
 *
 * The PII key is left out unless asked for (`includeKey`): a backup that carries its own key gives
 * away every resident ID number with it. Keep pii.key (or PII_KEY) safe on its own; restore checks
 * that the key it will run with is the one the data was encrypted with.
 */
export const FORMAT = 'kunming-subsidy-backup/1';
export const DB_NAME = 'app.db';
const LAST_BACKUP = 'last-backup.json';
const PID_FILE = 'server.pid';

export interface BackupMeta {
  format: string;
  createdAt: string;
  source: string;
  migrations: string[];
  counts: Record<string, number>;
  audit: { rows: number; headId: number; headHash: string | null };
  files: { documents: number; documentsMissing: number; archives: number; bytes: number };
  piiKeyFingerprint: string | null;
  includesKey: boolean;
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
export const keyFingerprint = (hexKey: string) =>
  createHmac('sha256', Buffer.from(hexKey.trim(), 'hex'))
    .update('pii key fingerprint')
    .digest('hex')
    .slice(0, 16);

/** The hex key the instance runs with: PII_KEY, else DATA_DIR/pii.key, else none yet. */
export function instanceKey(dataDir: string, envKey?: string): string | null {
  if (envKey) return envKey;
  const file = path.join(dataDir, 'pii.key');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null;
}

const asDb = (sqlite: Database.Database) => ({ $client: sqlite }) as unknown as Db;

function userTables(sqlite: Database.Database): string[] {
  return (
    sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'backup_%'
    and name <> '__drizzle_migrations' order by name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

export function tableCounts(sqlite: Database.Database): Record<string, number> {
  return Object.fromEntries(
    userTables(sqlite).map((t) => [
      t,
      (sqlite.prepare(`select count(*) n from "${t}"`).get() as { n: number }).n,
    ]),
  );
}

function migrationsOf(sqlite: Database.Database): string[] {
  try {
    return (
      sqlite.prepare('select hash from __drizzle_migrations order by id').all() as { hash: string }[]
    ).map((r) => r.hash);
  } catch {
    return [];
  }
}

function auditHead(sqlite: Database.Database) {
  const head = sqlite.prepare('select id, hash from audit_log order by id desc limit 1').get() as
    { id: number; hash: string } | undefined;
  return { headId: head?.id ?? 0, headHash: head?.hash ?? null };
}

export interface BackupOptions {
  dbFile: string;
  dataDir: string;
  out: string;
  includeKey?: boolean;
  envKey?: string;
  now?: Date;
}
export interface BackupReport {
  file: string;
  bytes: number;
  ms: number;
  meta: BackupMeta;
}

export async function createBackup(o: BackupOptions): Promise<BackupReport> {
  const started = performance.now();
  const out = path.resolve(o.out);
  const tmp = `${out}.partial-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  const src = new Database(o.dbFile, { fileMustExist: true });
  try {
    src.pragma('busy_timeout = 5000');
    // After the first step, everything else in one step: one read snapshot, so writes of the live
    // server (another connection) cannot keep restarting it.
    await src.backup(tmp, { progress: () => 0x7fffffff });
  } finally {
    src.close();
  }
  fs.chmodSync(tmp, 0o600); // encrypted personal data, hashes, sessions: for the operator's eyes only
  const dst = new Database(tmp);
  let meta: BackupMeta;
  try {
    dst.pragma('journal_mode = DELETE');
    const check = dst.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`the snapshot fails integrity_check: ${check}`);
    // With the instance's key at hand, the chain's seals are checked too, not only its hashes (I7).
    const snapshot = asDb(dst);
    const instance = instanceKey(o.dataDir, o.envKey);
    if (instance) bindAuditKey(snapshot, new Pii(Buffer.from(instance, 'hex')).auditKey);
    const chain = verifyAuditChain(snapshot);
    if (!chain.ok) throw new Error(`the snapshot's audit chain breaks at #${chain.brokenAt}`);
    dst.exec(`create table backup_meta (key text primary key, value text not null);
      create table backup_files (path text primary key, kind text not null, sha256 text not null, size integer not null, content blob not null);`);
    const put = dst.prepare(
      'insert into backup_files (path, kind, sha256, size, content) values (?, ?, ?, ?, ?)',
    );
    let documents = 0,
      documentsMissing = 0,
      archives = 0,
      bytes = 0;
    const digests = (
      dst.prepare('select distinct sha256 from documents order by sha256').all() as { sha256: string }[]
    ).map((r) => r.sha256);
    dst.transaction(() => {
      for (const digest of digests) {
        const rel = path.posix.join('documents', digest.slice(0, 2), digest);
        const file = path.join(o.dataDir, rel);
        if (!/^[0-9a-f]{64}$/.test(digest) || !fs.existsSync(file)) {
          documentsMissing++;
          continue;
        }
        const buf = fs.readFileSync(file);
        if (sha256(buf) !== digest) throw new Error(`document ${rel} on disk does not match its digest`);
        put.run(rel, 'document', digest, buf.length, buf);
        documents++;
        bytes += buf.length;
      }
      // The manifest first, then the segments it names: a segment is written before the manifest
      // names it, so a run of the archive job during the backup cannot leave a name without its file.
      const manifestFile = path.join(o.dataDir, ARCHIVE_DIR, 'manifest.json');
      if (fs.existsSync(manifestFile)) {
        const manifest = fs.readFileSync(manifestFile);
        const names = (JSON.parse(manifest.toString('utf8')) as Manifest).segments.map((seg) => seg.file);
        for (const [name, buf] of [
          ...names.map((n) => [n, fs.readFileSync(path.join(o.dataDir, ARCHIVE_DIR, n))] as const),
          ['manifest.json', manifest] as const,
        ]) {
          put.run(path.posix.join(ARCHIVE_DIR, name), 'archive', sha256(buf), buf.length, buf);
          archives++;
          bytes += buf.length;
        }
      }
      const key = instanceKey(o.dataDir, o.envKey);
      if (o.includeKey && key) put.run('pii.key', 'key', sha256(key), key.length, Buffer.from(key));
      meta = {
        format: FORMAT,
        createdAt: (o.now ?? new Date()).toISOString(),
        source: path.resolve(o.dbFile),
        migrations: migrationsOf(dst),
        counts: tableCounts(dst),
        audit: { rows: chain.rows, ...auditHead(dst) },
        files: { documents, documentsMissing, archives, bytes },
        piiKeyFingerprint: key ? keyFingerprint(key) : null,
        includesKey: !!(o.includeKey && key),
      };
      dst.prepare('insert into backup_meta (key, value) values (?, ?)').run('meta', JSON.stringify(meta));
    })();
  } catch (e) {
    dst.close();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  dst.close();
  const fd = fs.openSync(tmp, 'r+');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, out);
  const report = {
    file: out,
    bytes: fs.statSync(out).size,
    ms: Math.round(performance.now() - started),
    meta: meta!,
  };
  recordBackup(o.dataDir, report);
  return report;
}

/** For /api/health: when the last backup of this data folder was made. */
export function recordBackup(dataDir: string, r: BackupReport): void {
  writeDurably(
    path.join(dataDir, LAST_BACKUP),
    JSON.stringify({ at: r.meta.createdAt, file: r.file, bytes: r.bytes, ms: r.ms }),
  );
}

export function lastBackup(dataDir: string): { at: string; file: string; bytes: number } | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, LAST_BACKUP), 'utf8'));
  } catch {
    return null;
  }
}

export interface Inspection {
  ok: boolean;
  problems: string[];
  meta: BackupMeta | null;
}

/** Everything restore relies on, checked without touching any instance. */
export function inspectBackup(file: string, knownMigrations?: string[]): Inspection {
  const problems: string[] = [];
  if (!fs.existsSync(file)) return { ok: false, problems: [`${file}: no such file`], meta: null };
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return { ok: false, problems: [`not a database: ${(e as Error).message}`], meta: null };
  }
  let meta: BackupMeta | null = null;
  try {
    const check = sqlite.pragma('integrity_check', { simple: true });
    if (check !== 'ok') problems.push(`integrity_check: ${check}`);
    const hasMeta = sqlite
      .prepare(`select 1 from sqlite_master where type = 'table' and name = 'backup_meta'`)
      .get();
    const row = hasMeta
      ? (sqlite.prepare(`select value from backup_meta where key = 'meta'`).get() as
          { value: string } | undefined)
      : undefined;
    meta = row ? (JSON.parse(row.value) as BackupMeta) : null;
    if (!meta || meta.format !== FORMAT) {
      problems.push('not a backup of this system (backup_meta missing or of another format)');
      return { ok: false, problems, meta };
    }
    const fks = sqlite.pragma('foreign_key_check') as unknown[];
    if (fks.length) problems.push(`${fks.length} rows break a foreign key`);
    const chain = verifyAuditChain(asDb(sqlite));
    if (!chain.ok) problems.push(`audit chain breaks at #${chain.brokenAt}`);
    const head = auditHead(sqlite);
    if (chain.rows !== meta.audit.rows || head.headHash !== meta.audit.headHash)
      problems.push('audit log differs from the one recorded at backup time');
    const counts = tableCounts(sqlite);
    for (const [t, n] of Object.entries(meta.counts))
      if (counts[t] !== n) problems.push(`${t}: ${counts[t] ?? 'missing'} rows, ${n} at backup time`);
    for (const f of sqlite
      .prepare('select path, kind, sha256, size, content from backup_files')
      .iterate() as Iterable<{ path: string; kind: string; sha256: string; size: number; content: Buffer }>) {
      if (sha256(f.content) !== f.sha256 || f.content.length !== f.size)
        problems.push(`${f.path}: content does not match its digest`);
      if (f.kind === 'document' && path.posix.basename(f.path) !== f.sha256)
        problems.push(`${f.path}: named after another digest`);
      if (f.path.split('/').some((p) => p === '..' || p === '') || path.isAbsolute(f.path))
        problems.push(`${f.path}: unsafe path`);
    }
    if (knownMigrations) {
      const unknown = meta.migrations.filter((m) => !knownMigrations.includes(m));
      if (unknown.length)
        problems.push(`made by a newer version: ${unknown.length} migration(s) this version does not know`);
    }
  } catch (e) {
    problems.push((e as Error).message);
  } finally {
    sqlite.close();
  }
  return { ok: problems.length === 0, problems, meta };
}

/** A server holds DATA_DIR/server.pid while it runs; a pid that no longer lives is a crash's leftover. */
export function runningServer(dataDir: string): number | null {
  const file = path.join(dataDir, PID_FILE);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isSafeInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

export const pidFile = (dataDir: string) => path.join(dataDir, PID_FILE);

export interface RestoreOptions {
  file: string;
  dataDir: string;
  envKey?: string;
  knownMigrations?: string[];
  now?: Date;
}
export interface RestoreReport {
  meta: BackupMeta;
  movedAside: string[];
  filesWritten: number;
  ms: number;
}

/**
 * Into a stopped instance only, after the backup passed `inspectBackup` and the key check. The
 * database it replaces is moved aside (with its WAL), never deleted.
 */
export function restoreBackup(o: RestoreOptions): RestoreReport {
  const started = performance.now();
  const pid = runningServer(o.dataDir);
  if (pid) throw new Error(`a server (pid ${pid}) is running on ${o.dataDir}: stop it first`);
  const inspection = inspectBackup(o.file, o.knownMigrations);
  if (!inspection.ok)
    throw new Error(`the backup does not check out:\n  ${inspection.problems.join('\n  ')}`);
  const meta = inspection.meta!;
  fs.mkdirSync(o.dataDir, { recursive: true });

  const src = new Database(o.file, { readonly: true });
  const keyRow = src.prepare(`select content from backup_files where kind = 'key'`).get() as
    { content: Buffer } | undefined;
  const sample = src
    .prepare('select id_number_enc v from workers where id_number_enc is not null limit 1')
    .get() as { v: string } | undefined;
  const current = instanceKey(o.dataDir, o.envKey);
  const key = current ?? keyRow?.content.toString('utf8') ?? null;
  src.close();
  if (meta.piiKeyFingerprint) {
    if (!key)
      throw new Error(
        'the backup holds encrypted personal data but no key: put the original pii.key into DATA_DIR or set PII_KEY',
      );
    if (keyFingerprint(key) !== meta.piiKeyFingerprint)
      throw new Error("this instance's PII key is not the one the backup's data was encrypted with");
    if (sample) {
      try {
        new Pii(Buffer.from(key, 'hex')).decrypt(sample.v);
      } catch {
        throw new Error("the PII key does not decrypt the backup's data");
      }
    }
  }
  if (key) {
    // The key that decrypts the data also seals the audit chain: a backup whose history was rebuilt
    // without it does not restore.
    const check = new Database(o.file, { readonly: true });
    try {
      const db = asDb(check);
      bindAuditKey(db, new Pii(Buffer.from(key, 'hex')).auditKey);
      const chain = verifyAuditChain(db);
      if (!chain.ok)
        throw new Error(`the backup's audit chain is not sealed by this key at #${chain.brokenAt}`);
    } finally {
      check.close();
    }
  }

  // Stage the database next to its place, without the backup's own tables.
  const dbFile = path.join(o.dataDir, DB_NAME);
  const staged = `${dbFile}.restoring-${process.pid}`;
  for (const f of [staged, `${staged}-wal`, `${staged}-shm`, `${staged}-journal`])
    fs.rmSync(f, { force: true });
  fs.copyFileSync(o.file, staged);
  const db = new Database(staged);
  const files = db.prepare('select path, kind, sha256, content from backup_files order by path').all() as {
    path: string;
    kind: string;
    sha256: string;
    content: Buffer;
  }[];
  db.exec('drop table backup_files; drop table backup_meta;');
  db.exec('vacuum');
  db.pragma('journal_mode = WAL');
  const counts = tableCounts(db);
  db.close();
  for (const [t, n] of Object.entries(meta.counts))
    if (counts[t] !== n) throw new Error(`staged ${t}: ${counts[t]} rows, expected ${n}`);

  let filesWritten = 0;
  for (const f of files) {
    if (f.kind === 'key') {
      if (!current) {
        writeDurably(path.join(o.dataDir, 'pii.key'), f.content);
        filesWritten++;
      }
      continue;
    }
    const target = path.join(o.dataDir, ...f.path.split('/'));
    if (fs.existsSync(target) && sha256(fs.readFileSync(target)) === f.sha256) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    writeDurably(target, f.content);
    filesWritten++;
  }

  const stamp = (o.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const movedAside: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const f = `${dbFile}${suffix}`;
    if (!fs.existsSync(f)) continue;
    const aside = `${dbFile}.before-restore-${stamp}${suffix}`;
    fs.renameSync(f, aside);
    movedAside.push(aside);
  }
  fs.renameSync(staged, dbFile);
  for (const f of [`${staged}-wal`, `${staged}-shm`])
    if (fs.existsSync(f)) fs.renameSync(f, f.replace(staged, dbFile));
  const dir = fs.openSync(o.dataDir, 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
  return { meta, movedAside, filesWritten, ms: Math.round(performance.now() - started) };
}
