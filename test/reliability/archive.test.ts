import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archiveAudit, archiveDir, readManifest, verifyArchive } from '../../server/lib/archive';
import { audit, GENESIS, verifyAuditChain } from '../../server/lib/audit';
import { tx } from '../../db/client';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

/** Audit rows past the retention period are archived — verified, chained — and never dropped (I7). */
const DAY = 86_400_000;

function history(env: TestEnv, days: number[]) {
  for (const d of days) {
    const at = new Date(Date.parse('2026-11-20T02:00:00Z') - d * DAY);
    tx(env.db, (t) =>
      audit(
        t,
        { user: null, now: () => at },
        { action: 'test', resource: 'applications', recordId: 1, after: { daysAgo: d } },
      ),
    );
  }
}
const rows = (env: TestEnv) =>
  (env.db.$client.prepare('select count(*) n from audit_log').get() as { n: number }).n;
const now = new Date('2026-11-20T02:00:00Z');

describe('audit archive', () => {
  it('copies the rows past 180 days into a verified segment that carries the chain, and the rows stay', () => {
    const env = testEnv();
    history(env, [400, 300, 200, 181, 179, 30, 1]);
    const run = archiveAudit(env.db, env.dataDir, now, 180);
    expect(run.rows).toBe(4);
    const [seg] = run.segments;
    expect(seg).toMatchObject({ fromId: 1, toId: 4, rows: 4, firstPrevHash: GENESIS });
    expect(seg.lastHash).toBe(
      (env.db.$client.prepare('select hash from audit_log where id = 4').get() as { hash: string }).hash,
    );
    const lines = fs
      .readFileSync(path.join(archiveDir(env.dataDir), seg.file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => JSON.parse(l.after).daysAgo)).toEqual([400, 300, 200, 181]);
    expect(rows(env)).toBe(7);
    expect(verifyAuditChain(env.db).ok).toBe(true);
    expect(verifyArchive(env.db, env.dataDir)).toMatchObject({
      ok: true,
      segments: 1,
      rows: 4,
      archivedThroughId: 4,
    });
    // Append-only still: archiving is a copy, and the log refuses to lose a row.
    expect(() => env.db.$client.prepare('delete from audit_log where id = 1').run()).toThrow(/append-only/);
  });

  it('continues the chain segment after segment, archives each row once, and stops at a younger row', () => {
    const env = testEnv();
    history(env, [300, 250]);
    expect(archiveAudit(env.db, env.dataDir, now, 180).rows).toBe(2);
    expect(archiveAudit(env.db, env.dataDir, now, 180).rows).toBe(0);
    history(env, [10, 200]); // a younger row (10 days) before an old one (200): the run waits for it
    expect(archiveAudit(env.db, env.dataDir, now, 180).rows).toBe(0);
    const later = new Date(now.getTime() + 200 * DAY);
    const run = archiveAudit(env.db, env.dataDir, later, 180);
    expect(run.rows).toBe(2);
    const m = readManifest(env.dataDir);
    expect(m.segments).toHaveLength(2);
    expect(m.segments[1].firstPrevHash).toBe(m.segments[0].lastHash);
    expect(m.segments[1].fromId).toBe(m.segments[0].toId + 1);
    expect(verifyArchive(env.db, env.dataDir).ok).toBe(true);
  });

  it('finds a segment edited after the fact', () => {
    const env = testEnv();
    history(env, [300, 250, 200]);
    const [seg] = archiveAudit(env.db, env.dataDir, now, 180).segments;
    const file = path.join(archiveDir(env.dataDir), seg.file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"daysAgo\\":250', '"daysAgo\\":251'));
    const check = verifyArchive(env.db, env.dataDir);
    expect(check.ok).toBe(false);
    expect(check.problems.join(' ')).toMatch(/digest|hash/);
  });

  it('cleans what a crash left half-written and reports overdue rows on /api/health until archived', async () => {
    const env = testEnv();
    env.clock.set(now.toISOString());
    history(env, [300, 250]);
    fs.mkdirSync(archiveDir(env.dataDir), { recursive: true });
    fs.writeFileSync(
      path.join(archiveDir(env.dataDir), 'audit-000000000001-000000000002.jsonl.999.tmp'),
      'half',
    );
    smallCity(env);
    const city = await new Client(env).login('city'); // the details are the city admin's
    const before = (await city.get('/api/health')).body;
    expect(before.checks.auditArchive).toMatchObject({ ok: false, overdueRows: 2 });
    archiveAudit(env.db, env.dataDir, now, 180);
    expect(fs.readdirSync(archiveDir(env.dataDir)).some((f) => f.endsWith('.tmp'))).toBe(false);
    const after = (await city.get('/api/health')).body;
    expect(after.checks.auditArchive).toMatchObject({ ok: true, overdueRows: 0, archivedThroughId: 2 });
  });
});
