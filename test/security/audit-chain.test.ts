import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rowHash, verifyAuditChain } from '../../server/lib/audit';
import type { Db } from '../../db/client';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

/** Finding 13: request ids a client cannot plant, and an audit chain one cannot rebuild without the key. */

/** What an attacker who can write the database file does: drop the guards, edit a row, re-hash the rest. */
function rewriteHistory(env: TestEnv, id: number, after: string) {
  const c = env.db.$client;
  const triggers = c
    .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`)
    .all() as { name: string; sql: string }[];
  for (const t of triggers) c.exec(`drop trigger ${t.name}`);
  const rows = c.prepare('select * from audit_log where id >= ? order by id').all(id) as Record<
    string,
    never
  >[];
  let prev = (c.prepare('select prev_hash from audit_log where id = ?').get(id) as { prev_hash: string })
    .prev_hash;
  const set = c.prepare('update audit_log set after = ?, prev_hash = ?, hash = ? where id = ?');
  for (const r of rows) {
    const content = r.id === id ? after : r.after;
    const hash = rowHash(prev, {
      at: r.at,
      userId: r.user_id,
      role: r.role,
      organizationId: r.organization_id,
      action: r.action,
      resource: r.resource,
      recordId: r.record_id,
      before: r.before,
      after: content,
      ip: r.ip,
      requestId: r.request_id,
    });
    set.run(content, prev, hash, r.id);
    prev = hash;
  }
  for (const t of triggers) c.exec(t.sql);
}

describe('finding 13: request ids and a keyed audit chain', () => {
  it('a client-chosen X-Request-Id never reaches the audit log; the server answers with its own', async () => {
    const env = testEnv();
    smallCity(env);
    for (const planted of ['forged-id-for-the-auditors', 'c0ffee00-0000-4000-8000-000000000000']) {
      const res = await env.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': planted },
        body: JSON.stringify({ username: 'city', password: 'Kunming@2019' }),
      });
      expect(res.status).toBe(200);
      const rid = res.headers.get('x-request-id');
      expect(rid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(rid).not.toBe(planted);
      const stored = env.db.$client
        .prepare('select request_id r from audit_log order by id desc limit 1')
        .pluck()
        .get();
      expect(stored).toBe(rid);
    }
    expect(
      env.db.$client
        .prepare('select count(*) from audit_log where request_id like ?')
        .pluck()
        .get('%forged%'),
    ).toBe(0);
    // A client's UUID is kept apart from the chain, to find a write whose answer was lost; text is not.
    const kept = env.db.$client
      .prepare('select client_request_id from audit_log where client_request_id is not null')
      .pluck()
      .all();
    expect(kept).toEqual(['c0ffee00-0000-4000-8000-000000000000']);
  });

  it('a history re-hashed without the key fails the check, though its hash chain is whole', async () => {
    const env = testEnv();
    smallCity(env);
    const city = await new Client(env).login('city');
    await city.get('/api/applications');
    await new Client(env).post('/api/auth/login', { username: 'city', password: 'wrong-password-1' });
    expect((await city.get('/api/integrity')).body.ok).toBe(true);
    const witnessed = (await city.get('/api/integrity/audit-head')).body;
    expect(witnessed).toMatchObject({
      id: expect.any(Number),
      hash: expect.any(String),
      seal: expect.any(String),
    });

    rewriteHistory(env, 1, JSON.stringify({ rewritten: true }));
    // Without the key, the chain looks whole: that is all an unkeyed chain could ever say.
    const raw = new Database(env.db.$client.name);
    expect(verifyAuditChain({ $client: raw } as unknown as Db).ok).toBe(true);
    raw.close();
    // With it, the seals give the rewrite away: in the check and in the integrity answer (I7).
    expect(verifyAuditChain(env.db).ok).toBe(false);
    const integrity = await city.get('/api/integrity');
    expect(integrity.body.ok).toBe(false);
    expect(integrity.body.problems.some((p: { invariant: number }) => p.invariant === 7)).toBe(true);
    // And the witness's head no longer matches the row it names.
    const now = (await city.get(`/api/integrity/audit-head?id=${witnessed.id}`)).body;
    expect(now.hash).not.toBe(witnessed.hash);
  });

  it('stripping every seal to hide the rewrite is caught too', async () => {
    const env = testEnv();
    smallCity(env);
    const city = await new Client(env).login('city');
    await city.get('/api/applications');
    rewriteHistory(env, 1, JSON.stringify({ rewritten: true }));
    const c = env.db.$client;
    const triggers = c
      .prepare(`select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_log'`)
      .all() as { name: string; sql: string }[];
    for (const t of triggers) c.exec(`drop trigger ${t.name}`);
    c.exec('update audit_log set mac = null');
    for (const t of triggers) c.exec(t.sql);
    expect(verifyAuditChain(env.db).ok).toBe(false);
  });

  it('the head is the city admin’s alone', async () => {
    const env = testEnv();
    smallCity(env);
    const unit = await new Client(env).login('wuhua-001');
    expect((await unit.get('/api/integrity/audit-head')).status).toBe(403);
  });
});
