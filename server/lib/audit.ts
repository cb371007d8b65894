import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type Database from 'better-sqlite3';
import { desc } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { Actor } from './context';

export const GENESIS = '0'.repeat(64);

export interface AuditEntry {
  action: string;
  resource: string;
  recordId?: number | null;
  before?: unknown;
  after?: unknown;
}

type Row = typeof auditLog.$inferSelect;

export function rowHash(
  prevHash: string,
  r: Omit<Row, 'id' | 'hash' | 'prevHash' | 'mac' | 'clientRequestId'>,
): string {
  const body = JSON.stringify([
    r.at,
    r.userId,
    r.role,
    r.organizationId,
    r.action,
    r.resource,
    r.recordId,
    r.before,
    r.after,
    r.ip,
    r.requestId,
  ]);
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * The key that seals the chain, per connection (bound by createApp from the PII secret). The hash
 * chain alone is rebuilt by anyone who can write the file; each row's seal, an HMAC of its hash (which
 * covers every row before it), is not. Rows written without a key (the seeds, an older version) may
 * only precede the first sealed row: an unsealed or wrongly sealed row after it is tampering.
 */
const keys = new WeakMap<Database.Database, Buffer>();
export function bindAuditKey(db: Db, key: Buffer): void {
  keys.set(db.$client, key);
}
export const sealOf = (key: Buffer, hash: string) => createHmac('sha256', key).update(hash).digest('hex');

/** Append one row to the hash chain; call inside the transaction of the change it records. */
export function audit(db: Db, actor: Actor, e: AuditEntry): void {
  const last = db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS;
  const row = {
    at: actor.now().toISOString(),
    userId: actor.user?.id ?? null,
    role: actor.user?.role ?? null,
    organizationId: actor.user?.organizationId ?? null,
    action: e.action,
    resource: e.resource,
    recordId: e.recordId ?? null,
    before: e.before === undefined ? null : JSON.stringify(e.before),
    after: e.after === undefined ? null : JSON.stringify(e.after),
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
  };
  const hash = rowHash(prevHash, row);
  const key = keys.get(db.$client);
  db.insert(auditLog)
    .values({
      ...row,
      prevHash,
      hash,
      mac: key ? sealOf(key, hash) : null,
      clientRequestId: actor.clientRequestId ?? null,
    })
    .run();
}

/**
 * Seals the history if its last row is not sealed yet (a seeded or upgraded database): one row,
 * `audit:seal`, whose seal covers everything before it. The server does it at start.
 */
export function sealAuditChain(db: Db, actor: Actor): boolean {
  const last = db.$client.prepare('select mac from audit_log order by id desc limit 1').get() as
    { mac: string | null } | undefined;
  if (!last || last.mac) return false;
  audit(db, actor, { action: 'audit:seal', resource: 'audit-log' });
  return true;
}

/** The chain's last row and its seal: what an outside witness keeps, to compare later (I7). */
export function auditHead(db: Db, id?: number) {
  const row = (
    id
      ? db.$client.prepare('select id, at, hash, mac from audit_log where id = ?').get(id)
      : db.$client.prepare('select id, at, hash, mac from audit_log order by id desc limit 1').get()
  ) as { id: number; at: string; hash: string; mac: string | null } | undefined;
  const rows = (db.$client.prepare('select count(*) n from audit_log').get() as { n: number }).n;
  return row ? { id: row.id, at: row.at, hash: row.hash, seal: row.mac, rows } : null;
}

/**
 * Walk the chain in id order; the first row whose links or hash disagree is reported. With the key
 * bound, the seals too: from the first sealed row on, every row's seal must be its hash's HMAC.
 */
export function verifyAuditChain(db: Db): {
  ok: boolean;
  rows: number;
  brokenAt?: number;
  sealed?: number;
} {
  const stmt = db.$client.prepare('select * from audit_log order by id');
  const key = keys.get(db.$client);
  let prev = GENESIS;
  let n = 0;
  let sealed = 0;
  let last = 0;
  for (const raw of stmt.iterate() as Iterable<Record<string, unknown>>) {
    const r = {
      at: raw.at,
      userId: raw.user_id,
      role: raw.role,
      organizationId: raw.organization_id,
      action: raw.action,
      resource: raw.resource,
      recordId: raw.record_id,
      before: raw.before,
      after: raw.after,
      ip: raw.ip,
      requestId: raw.request_id,
    } as Omit<Row, 'id' | 'hash' | 'prevHash' | 'mac' | 'clientRequestId'>;
    if (raw.prev_hash !== prev || rowHash(prev, r) !== raw.hash)
      return { ok: false, rows: n, brokenAt: raw.id as number };
    if (key && (raw.mac || sealed)) {
      const want = Buffer.from(sealOf(key, raw.hash as string));
      const got = Buffer.from(String(raw.mac ?? ''));
      if (want.length !== got.length || !timingSafeEqual(want, got))
        return { ok: false, rows: n, brokenAt: raw.id as number, sealed };
      sealed++;
    }
    prev = raw.hash as string;
    last = raw.id as number;
    n++;
  }
  if (!key) return { ok: true, rows: n };
  // A history nobody sealed under this key, though the server seals at start and on every write:
  // its seals were stripped to rewrite it.
  if (n > 0 && sealed === 0) return { ok: false, rows: n, brokenAt: last, sealed };
  return { ok: true, rows: n, sealed };
}
