import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only (triggers in the migration abort UPDATE and DELETE); each row carries the hash of
 * the one before, so `GET /api/integrity` can verify that nothing was rewritten (I7).
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey(),
    at: text('at').notNull(),
    userId: integer('user_id'),
    role: text('role'),
    organizationId: integer('organization_id'),
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    recordId: integer('record_id'),
    before: text('before'),
    after: text('after'),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    /**
     * HMAC-SHA256 of `hash` under the audit key (derived from the PII secret, never in the
     * database): whoever can write the file can rebuild the hash chain, not its seals (I7).
     */
    mac: text('mac'),
    /**
     * The client's own X-Request-Id when it is a UUID: kept to find a write whose answer was lost,
     * apart from the chain (not hashed, not sealed) — `request_id`, the server's, is the record.
     */
    clientRequestId: text('client_request_id'),
  },
  (t) => [
    index('audit_resource_record_idx').on(t.resource, t.recordId),
    index('audit_at_idx').on(t.at),
    index('audit_org_idx').on(t.organizationId),
    index('audit_client_request_idx').on(t.clientRequestId),
  ],
);

export const idempotencyKeys = sqliteTable('idempotency_keys', {
  key: text('key').primaryKey(),
  userId: integer('user_id').notNull(),
  route: text('route').notNull(),
  bodyHash: text('body_hash').notNull(),
  status: integer('status').notNull(),
  response: text('response').notNull(),
  createdAt: text('created_at').notNull(),
});
