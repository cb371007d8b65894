import { createHash } from 'node:crypto';
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

export function rowHash(prevHash: string, r: Omit<Row, 'id' | 'hash' | 'prevHash'>): string {
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
  db.insert(auditLog)
    .values({ ...row, prevHash, hash: rowHash(prevHash, row) })
    .run();
}

/** Walk the chain in id order; the first row whose links or hash disagree is reported. */
export function verifyAuditChain(db: Db): { ok: boolean; rows: number; brokenAt?: number } {
  const stmt = db.$client.prepare('select * from audit_log order by id');
  let prev = GENESIS;
  let n = 0;
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
    } as Omit<Row, 'id' | 'hash' | 'prevHash'>;
    if (raw.prev_hash !== prev || rowHash(prev, r) !== raw.hash)
      return { ok: false, rows: n, brokenAt: raw.id as number };
    prev = raw.hash as string;
    n++;
  }
  return { ok: true, rows: n };
}
