import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '../../db/client';
import { verifyAuditChain } from '../../server/lib/audit';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { ridsOf } from './client';
import type { Write } from './driver';

/**
 * What must hold of a database after anything, a SIGKILL included, checked on the file itself with
 * the server stopped: SQLite's own integrity, the audit chain, the money invariants, every
 * acknowledged write present, and every record agreeing with its own audit trail (a status changed
 * without its audit row, or an allocation received without its payments, would be "half there").
 */
export interface CheckResult {
  problems: string[];
  facts: Record<string, number>;
  committed: Set<string>;
}

const latestStatus = (db: Db, resource: string) =>
  new Map(
    (
      db.$client
        .prepare(
          `
  select record_id id, json_extract(after, '$.status') status from audit_log where id in (
    select max(id) from audit_log where resource = ? and record_id is not null and json_extract(after, '$.status') is not null group by record_id)`,
        )
        .all(resource) as { id: number; status: string }[]
    ).map((r) => [r.id, r.status]),
  );

function trailAgrees(
  db: Db,
  resource: string,
  table: string,
  touched: Set<number> | null,
  problems: string[],
): void {
  const trail = latestStatus(db, resource);
  const rows = db.$client.prepare(`select id, status from ${table}`).all() as {
    id: number;
    status: string;
  }[];
  for (const r of rows) {
    if (touched && !touched.has(r.id)) continue;
    const last = trail.get(r.id);
    if (last !== undefined && last !== r.status)
      problems.push(`${resource} #${r.id} is ${r.status} but its last audit row says ${last}`);
  }
}

/** Records the run's requests wrote to (audit rows carrying a request id of `runTag`). */
function touchedBy(db: Db, resource: string, runTag: string): Set<number> {
  return new Set(
    (
      db.$client
        .prepare(
          `select distinct record_id id from audit_log where resource = ? and client_request_id like ? and record_id is not null`,
        )
        .all(resource, ridsOf(runTag)) as { id: number }[]
    ).map((r) => r.id),
  );
}

export function checkDatabase(
  dbFile: string,
  dataDir: string,
  o: { acked: Write[]; unanswered: Write[]; runTag: string },
): CheckResult {
  const problems: string[] = [];
  const db = openDb(dbFile);
  try {
    const sqlite = db.$client;
    const ic = sqlite.pragma('integrity_check', { simple: true });
    if (ic !== 'ok') problems.push(`PRAGMA integrity_check: ${ic}`);
    const fk = sqlite.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows`);
    const chain = verifyAuditChain(db);
    if (!chain.ok) problems.push(`audit chain broken at #${chain.brokenAt}`);
    const inv = checkIntegrity(db);
    for (const p of inv.problems) problems.push(`invariant ${p.invariant}: ${p.detail}`);

    // Every acknowledged write is there: its audit rows carry its request id, and its effect holds.
    const byRid = sqlite.prepare('select count(*) n from audit_log where client_request_id = ?');
    let ackChecked = 0;
    for (const w of o.acked) {
      if (w.replayed) continue;
      if (w.kind === 'bulk-review' && !(w.answer?.succeeded > 0)) continue;
      ackChecked++;
      if ((byRid.get(w.rid) as { n: number }).n === 0) {
        problems.push(`acknowledged ${w.kind} ${w.method} ${w.path} (${w.rid}) left no audit row`);
        continue;
      }
      const a = w.answer ?? {};
      if (w.kind === 'pay') {
        const p = sqlite.prepare('select status, reference from payments where id = ?').get(a.id) as
          { status: string; reference: string } | undefined;
        if (p?.status !== 'paid' || p.reference !== (w.body as { reference: string }).reference)
          problems.push(`acknowledged pay of payment #${a.id} is not paid with its reference`);
      } else if (w.kind === 'allocate' || w.kind === 'fund-return') {
        const table = w.kind === 'allocate' ? 'allocations' : 'fund_returns';
        const row = sqlite.prepare(`select amount_fen amountFen from ${table} where id = ?`).get(a.id) as
          { amountFen: number } | undefined;
        if (row?.amountFen !== a.amountFen)
          problems.push(`acknowledged ${w.kind} #${a.id} missing or of another amount`);
      } else if (w.kind === 'receive') {
        if (
          (
            sqlite.prepare('select status from allocations where id = ?').get(a.id) as
              { status: string } | undefined
          )?.status !== 'received'
        )
          problems.push(`acknowledged receive of allocation #${a.id} not received`);
      } else if (w.kind === 'upload') {
        const file = path.join(dataDir, 'documents', String(a.sha256).slice(0, 2), String(a.sha256));
        if (
          !fs.existsSync(file) ||
          createHash('sha256').update(fs.readFileSync(file)).digest('hex') !== a.sha256
        )
          problems.push(`acknowledged upload #${a.id}: file missing or altered`);
      }
    }

    // Nothing half there: each record the run touched agrees with its own audit trail.
    trailAgrees(db, 'applications', 'applications', touchedBy(db, 'applications', o.runTag), problems);
    trailAgrees(db, 'payments', 'payments', touchedBy(db, 'payments', o.runTag), problems);
    trailAgrees(db, 'allocations', 'allocations', null, problems);
    trailAgrees(db, 'refunds', 'refunds', null, problems);
    trailAgrees(db, 'fund-returns', 'fund_returns', null, problems);
    for (const r of sqlite
      .prepare(
        `select al.id, al.amount_fen, al.application_count, count(i.id) n, coalesce(sum(i.amount_fen), 0) total
      from allocations al left join allocation_items i on i.allocation_id = al.id group by al.id having n <> al.application_count or total <> al.amount_fen`,
      )
      .all() as { id: number }[]) {
      problems.push(`allocation #${r.id}: items do not add up to its count and amount`);
    }
    for (const r of sqlite
      .prepare(
        `select al.id, json_extract(l.after, '$.payments') expected,
        (select count(*) from payments p where p.allocation_id = al.id and p.source = 'city' and p.reissue_of is null) made
      from allocations al join audit_log l on l.resource = 'allocations' and l.record_id = al.id and l.action = 'receive'
      where l.client_request_id like ? and made <> expected`,
      )
      .all(ridsOf(o.runTag)) as { id: number; expected: number; made: number }[]) {
      problems.push(`allocation #${r.id} received with ${r.expected} payments, ${r.made} exist`);
    }
    for (const r of sqlite
      .prepare(
        `select f.id from fund_returns f left join fund_return_items i on i.fund_return_id = f.id
      group by f.id having coalesce(sum(i.amount_fen), 0) <> f.amount_fen`,
      )
      .all() as { id: number }[]) {
      problems.push(`fund return #${r.id}: items do not add up to its amount`);
    }
    for (const r of sqlite
      .prepare(
        `select d.id, d.sha256 from documents d where exists (select 1 from audit_log l where l.resource = 'documents'
      and l.record_id = d.id and l.action = 'upload' and l.client_request_id like ?)`,
      )
      .all(ridsOf(o.runTag)) as { id: number; sha256: string }[]) {
      const file = path.join(dataDir, 'documents', r.sha256.slice(0, 2), r.sha256);
      if (!fs.existsSync(file)) problems.push(`document #${r.id}: its file is missing`);
    }

    const committed = new Set(
      o.unanswered.filter((w) => (byRid.get(w.rid) as { n: number }).n > 0).map((w) => w.rid),
    );
    return {
      problems,
      committed,
      facts: {
        acknowledged: ackChecked,
        unanswered: o.unanswered.length,
        unansweredCommitted: committed.size,
        auditRows: chain.rows,
      },
    };
  } finally {
    db.$client.close();
  }
}
