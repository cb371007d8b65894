import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../db/client';
import { GENESIS, rowHash } from './audit';

/**
 * Audit retention: rows older than the retention period are archived to write-once
 * segment files — JSON lines, each segment carrying the chain's hash before its first row and after
 * its last — verified against the database before the manifest records them.
 *
 * The rows also stay in `audit_log`, on purpose: the table's triggers (migration 0001) refuse every
 * UPDATE and DELETE, and that refusal is the tamper guard; invariant 7 of `/api/integrity` and the
 * workers' timelines read old rows (a 2019 payment keeps its audit row). Loosening the triggers to
 * purge would trade the log's guarantee for disk space. So "archived" means: a verified, portable
 * copy of the chain exists outside the database, segment by segment, and nothing is ever dropped.
 */
export const ARCHIVE_DIR = 'audit-archive';
const MANIFEST = 'manifest.json';
const FORMAT = 'audit-archive/1';
const SEGMENT_ROWS = 50_000;

export interface Segment {
  file: string;
  fromId: number;
  toId: number;
  rows: number;
  /** The chain's hash before `fromId` (GENESIS for the first row) and the hash of `toId`. */
  firstPrevHash: string;
  lastHash: string;
  sha256: string;
  cutoff: string;
  createdAt: string;
}
export interface Manifest {
  format: string;
  segments: Segment[];
}

interface RawRow {
  id: number;
  at: string;
  user_id: number | null;
  role: string | null;
  organization_id: number | null;
  action: string;
  resource: string;
  record_id: number | null;
  before: string | null;
  after: string | null;
  ip: string | null;
  request_id: string | null;
  prev_hash: string;
  hash: string;
}

export const archiveDir = (dataDir: string) => path.join(dataDir, ARCHIVE_DIR);

export function readManifest(dataDir: string): Manifest {
  const file = path.join(archiveDir(dataDir), MANIFEST);
  if (!fs.existsSync(file)) return { format: FORMAT, segments: [] };
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== FORMAT) throw new Error(`unknown audit archive format ${m.format}`);
  return m;
}

/** Written to a temporary file, flushed, renamed: a crash leaves the old file or the new, never half of one. */
export function writeDurably(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  const dir = fs.openSync(path.dirname(file), 'r');
  try {
    fs.fsyncSync(dir);
  } finally {
    fs.closeSync(dir);
  }
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const asEntry = (r: RawRow) =>
  ({
    at: r.at,
    userId: r.user_id,
    role: r.role,
    organizationId: r.organization_id,
    action: r.action,
    resource: r.resource,
    recordId: r.record_id,
    before: r.before,
    after: r.after,
    ip: r.ip,
    requestId: r.request_id,
  }) as Parameters<typeof rowHash>[1];

/** Recomputes a segment's chain from its first prev hash; answers the problem, or null. */
function checkRows(rows: RawRow[], firstPrevHash: string): string | null {
  let prev = firstPrevHash;
  for (const r of rows) {
    if (r.prev_hash !== prev) return `#${r.id}: prev_hash does not link`;
    if (rowHash(prev, asEntry(r)) !== r.hash) return `#${r.id}: hash does not match its content`;
    prev = r.hash;
  }
  return null;
}

const parseSegment = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as RawRow);

export interface ArchiveRun {
  segments: Segment[];
  rows: number;
  archivedThroughId: number;
}

/**
 * Archives every audit row older than `retentionDays` not archived yet, as a contiguous run of ids
 * (the chain is only verifiable without gaps): a younger row stops the run until it ages too.
 */
export function archiveAudit(db: Db, dataDir: string, now: Date, retentionDays = 180): ArchiveRun {
  const dir = archiveDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.tmp')) fs.rmSync(path.join(dir, f), { force: true });
  const manifest = readManifest(dataDir);
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const sqlite = db.$client;
  const firstYoung = (
    sqlite.prepare('select min(id) id from audit_log where at >= ?').get(cutoff) as { id: number | null }
  ).id;
  const stopAt =
    firstYoung === null
      ? ((sqlite.prepare('select max(id) id from audit_log').get() as { id: number | null }).id ?? 0)
      : firstYoung - 1;
  const select = sqlite.prepare('select * from audit_log where id > ? and id <= ? order by id limit ?');
  const made: Segment[] = [];
  let rows = 0;
  for (;;) {
    const last = manifest.segments.at(-1);
    const after = last?.toId ?? 0;
    const batch = select.all(after, stopAt, SEGMENT_ROWS) as RawRow[];
    if (!batch.length) break;
    const firstPrevHash = last?.lastHash ?? GENESIS;
    const problem = checkRows(batch, firstPrevHash);
    if (problem) throw new Error(`audit chain broken, nothing archived: ${problem}`);
    const fromId = batch[0].id,
      toId = batch.at(-1)!.id;
    const file = `audit-${String(fromId).padStart(12, '0')}-${String(toId).padStart(12, '0')}.jsonl`;
    const text = batch.map((r) => JSON.stringify(r)).join('\n') + '\n';
    writeDurably(path.join(dir, file), text);
    // Read back what the disk holds and check it again before the manifest vouches for it.
    const back = fs.readFileSync(path.join(dir, file), 'utf8');
    if (sha256(back) !== sha256(text) || checkRows(parseSegment(back), firstPrevHash))
      throw new Error(`archive segment ${file} did not verify`);
    const seg: Segment = {
      file,
      fromId,
      toId,
      rows: batch.length,
      firstPrevHash,
      lastHash: batch.at(-1)!.hash,
      sha256: sha256(text),
      cutoff,
      createdAt: now.toISOString(),
    };
    manifest.segments.push(seg);
    writeDurably(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 2));
    made.push(seg);
    rows += batch.length;
  }
  return { segments: made, rows, archivedThroughId: manifest.segments.at(-1)?.toId ?? 0 };
}

export interface ArchiveCheck {
  ok: boolean;
  segments: number;
  rows: number;
  archivedThroughId: number;
  problems: string[];
}

/** Every segment: its file's digest, its chain, its link to the one before, and the database still agreeing. */
export function verifyArchive(db: Db, dataDir: string): ArchiveCheck {
  const manifest = readManifest(dataDir);
  const problems: string[] = [];
  let prevLast = GENESIS,
    prevTo = 0,
    rows = 0;
  const dbHash = db.$client.prepare('select hash from audit_log where id = ?');
  for (const s of manifest.segments) {
    const file = path.join(archiveDir(dataDir), s.file);
    if (!fs.existsSync(file)) {
      problems.push(`${s.file}: missing`);
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (sha256(text) !== s.sha256) problems.push(`${s.file}: digest differs from the manifest`);
    const segRows = parseSegment(text);
    const problem = checkRows(segRows, s.firstPrevHash);
    if (problem) problems.push(`${s.file}: ${problem}`);
    if (s.firstPrevHash !== prevLast || s.fromId !== prevTo + 1)
      problems.push(`${s.file}: does not continue the segment before`);
    if (segRows.length !== s.rows || segRows.at(-1)?.hash !== s.lastHash)
      problems.push(`${s.file}: rows or last hash differ from the manifest`);
    const inDb = dbHash.get(s.toId) as { hash: string } | undefined;
    if (inDb && inDb.hash !== s.lastHash)
      problems.push(`${s.file}: the database's row #${s.toId} differs from the archive`);
    prevLast = s.lastHash;
    prevTo = s.toId;
    rows += s.rows;
  }
  return {
    ok: problems.length === 0,
    segments: manifest.segments.length,
    rows,
    archivedThroughId: prevTo,
    problems,
  };
}

/** For /api/health: rows past the retention period that no segment holds yet. */
export function archiveLag(
  db: Db,
  dataDir: string,
  now: Date,
  retentionDays = 180,
): { archivedThroughId: number; overdueRows: number } {
  let through: number;
  try {
    through = readManifest(dataDir).segments.at(-1)?.toId ?? 0;
  } catch {
    through = 0;
  }
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  // Counted up to a cap: a health check must stay cheap even before a long history is first archived.
  const overdueRows = (
    db.$client
      .prepare('select count(*) n from (select 1 from audit_log where id > ? and at < ? limit 100000)')
      .get(through, cutoff) as { n: number }
  ).n;
  return { archivedThroughId: through, overdueRows };
}
