/**
 * The write cases: a bulk review of 1,000 applications (step 2 by the level-2 union, step 3 by the
 * city) and receiving an allocation of ~1,000 payments (R3), each once through the API and once as
 * the same state change in raw prepared SQL in-process (the floor), on different applications.
 */
import type Database from 'better-sqlite3';
import { GENESIS, rowHash } from '../server/lib/audit';
import { call } from './server';

export interface WriteResult {
  key: string;
  label: string;
  who: 'org' | 'city';
  count: number;
  apiMs: number;
  floorMs: number;
  floorCount: number;
  targetMs: number;
  note?: string;
}

const BATCH = 1000;

/** Appends one audit row to the hash chain, as `audit()` does (same hash, raw SQL). */
function auditor(raw: Database.Database) {
  const last = raw.prepare('select hash from audit_log order by id desc limit 1').pluck();
  const ins =
    raw.prepare(`insert into audit_log (at, user_id, role, organization_id, action, resource, record_id, before, after, ip, request_id, prev_hash, hash)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?)`);
  return (
    user: { id: number; role: string; org: number },
    action: string,
    resource: string,
    recordId: number,
    before: unknown,
    after: unknown,
  ) => {
    const prev = (last.get() as string | undefined) ?? GENESIS;
    const row = {
      at: new Date().toISOString(),
      userId: user.id,
      role: user.role,
      organizationId: user.org,
      action,
      resource,
      recordId,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      ip: null,
      requestId: null,
    };
    ins.run(
      row.at,
      row.userId,
      row.role,
      row.organizationId,
      action,
      resource,
      recordId,
      row.before,
      row.after,
      prev,
      rowHash(prev, row),
    );
  };
}

function userOf(raw: Database.Database, id: number) {
  return raw.prepare('select id, role, organization_id org from users where id = ?').get(id) as {
    id: number;
    role: string;
    org: number;
  };
}

/** R13 bulk review: the API request, then the floor on other applications waiting at the same step. */
export async function bulkReview(
  raw: Database.Database,
  url: string,
  cookie: string,
  who: 'org' | 'city',
  opts: { unionA: number; openRound: number; userId: number },
): Promise<WriteResult> {
  const step = who === 'org' ? 2 : 3;
  const waiting = raw
    .prepare(
      `select a.id from applications a join organizations o on o.id = a.level2_id
    where a.round_id = ? and a.current_step = ? and a.status = ? ${who === 'org' ? 'and a.level2_id = ?' : ''} and o.kind <> 'direct'
    order by a.submitted_at, a.id limit ${BATCH}`,
    )
    .pluck();
  const status = who === 'org' ? 'unit_approved' : 'org_approved';
  const ids = waiting.all(opts.openRound, step, status, ...(who === 'org' ? [opts.unionA] : [])) as number[];
  const api = await call(url, cookie, 'POST', '/api/applications/review', {
    ids,
    decision: 'approve',
    comment: '同意',
  });
  const ok = (api.json as { succeeded: number }).succeeded;

  const others = raw
    .prepare(
      `select a.id from applications a join organizations o on o.id = a.level2_id
    where a.round_id = ? and a.current_step = ? and a.status = ? and a.level2_id <> ? and o.kind <> 'direct'
    order by a.submitted_at, a.id limit ${BATCH}`,
    )
    .pluck()
    .all(opts.openRound, step, status, opts.unionA) as number[];
  const user = userOf(raw, opts.userId);
  const audit = auditor(raw);
  const app = raw.prepare('select * from applications where id = ?');
  const kind = raw.prepare('select kind from organizations where id = ?').pluck();
  const places = raw.prepare('select places from quotas where round_id = ? and organization_id = ?').pluck();
  const used = raw
    .prepare(
      `select count(*) from applications where round_id = ? and level2_id = ? and status in ('approved','process_paid','graduated','completed','lapsed')`,
    )
    .pluck();
  const review = raw.prepare(
    `insert into reviews (application_id, step, organization_id, user_id, decision, result_status, comment, created_at) values (?, ?, ?, ?, 'approve', ?, '同意', ?)`,
  );
  const move = raw.prepare(
    'update applications set status = ?, current_step = ?, decided_at = coalesce(?, decided_at), updated_at = ? where id = ?',
  );
  const t0 = performance.now();
  for (const id of others) {
    raw
      .transaction(() => {
        const a = app.get(id) as { id: number; status: string; round_id: number; level2_id: number };
        kind.get(a.level2_id);
        const now = new Date().toISOString();
        let to = 'org_approved';
        if (step === 3)
          to =
            (used.get(a.round_id, a.level2_id) as number) <
            ((places.get(a.round_id, a.level2_id) as number | undefined) ?? 0)
              ? 'approved'
              : 'waitlisted';
        review.run(id, step, user.org, user.id, to, now);
        move.run(to, step === 2 ? 3 : null, step === 3 ? now : null, now, id);
        audit(user, 'review:approve', 'applications', id, { status: a.status }, { status: to });
      })
      .immediate();
  }
  const floorMs = performance.now() - t0;
  return {
    key: 'review',
    label: `bulk review of ${BATCH.toLocaleString('en-US')} (step ${step})`,
    who,
    count: ok,
    apiMs: api.ms,
    floorMs,
    floorCount: others.length,
    targetMs: 2000,
    note: ok === ids.length ? undefined : `${ids.length - ok} of ${ids.length} refused`,
  };
}

/** The level-2 union (other than `avoid`) whose approved, not yet allocated applications of the round are closest to 1,000. */
export function receiveUnion(
  raw: Database.Database,
  round: number,
  avoid: number[],
): { id: number; due: number } | undefined {
  return raw
    .prepare(
      `select a.level2_id id, count(*) due from applications a join organizations o on o.id = a.level2_id
    where a.round_id = ? and a.status = 'approved' and o.kind <> 'direct'
      and not exists (select 1 from allocation_items i where i.application_id = a.id and i.stage = 'process')
    group by a.level2_id order by abs(count(*) - ${BATCH}), a.level2_id`,
    )
    .all(round)
    .find((u) => !avoid.includes((u as { id: number }).id)) as { id: number; due: number } | undefined;
}

/** R3: the city creates and transfers an allocation; the union receives it (timed) — and the floor on another union. */
export async function receive(
  raw: Database.Database,
  url: string,
  city: string,
  union: string,
  opts: { round: number; apiUnion: number; floorUnion: number; floorUserId: number },
): Promise<WriteResult> {
  const created = await call(url, city, 'POST', '/api/allocations', {
    roundId: opts.round,
    organizationId: opts.apiUnion,
    stage: 'process',
  });
  const id = (created.json as { id: number }).id;
  await call(url, city, 'POST', `/api/allocations/${id}/transfer`);
  const api = await call(url, union, 'POST', `/api/allocations/${id}/receive`);
  const made = (api.json as { result?: { payments: number } }).result?.payments ?? 0;

  // floor: the same allocation for another union, set up untimed; the receipt timed
  const now = () => new Date().toISOString();
  const due = raw
    .prepare(
      `select a.id from applications a where a.round_id = ? and a.level2_id = ? and a.status = 'approved'
    and not exists (select 1 from allocation_items i where i.application_id = a.id and i.stage = 'process') order by a.id`,
    )
    .pluck()
    .all(opts.round, opts.floorUnion) as number[];
  const floorId = raw
    .transaction(() => {
      const al = Number(
        raw
          .prepare(
            `insert into allocations (round_id, organization_id, stage, amount_fen, application_count, status, transferred_at, created_at)
      values (?, ?, 'process', ?, ?, 'transferred', ?, ?)`,
          )
          .run(opts.round, opts.floorUnion, 50000 * due.length, due.length, now(), now()).lastInsertRowid,
      );
      const item = raw.prepare(
        `insert into allocation_items (allocation_id, application_id, stage, amount_fen) values (?, ?, 'process', 50000)`,
      );
      for (const a of due) item.run(al, a);
      return al;
    })
    .immediate();
  const user = userOf(raw, opts.floorUserId);
  const audit = auditor(raw);
  const items =
    raw.prepare(`select i.application_id id, i.amount_fen amountFen, a.status, (w.bank_card_enc is not null or w.benefit_card_enc is not null) hasCard,
      exists (select 1 from payments p where p.application_id = a.id and p.stage = i.stage and p.source = 'city' and p.status in ('pending','paid')) live
    from allocation_items i join applications a on a.id = i.application_id join workers w on w.id = a.worker_id where i.allocation_id = ? order by i.application_id`);
  const agreement = raw
    .prepare(
      `select agent_organization_id from agency_agreements where organization_id = ? and active = 1 and starts_on <= ? and ends_on >= ? and ',' || stages || ',' like '%,process,%'`,
    )
    .pluck();
  const policy = raw
    .prepare('select process_amount_fen from matching_policies where round_id = ? and organization_id = ?')
    .pluck();
  const pay =
    raw.prepare(`insert into payments (application_id, allocation_id, organization_id, stage, source, amount_fen, channel, payer_organization_id, status, created_at)
    values (?, ?, ?, 'process', ?, ?, ?, ?, 'pending', ?)`);
  const done = raw.prepare(`update allocations set status = 'received', received_at = ? where id = ?`);
  let floorCount = 0;
  const t0 = performance.now();
  raw
    .transaction(() => {
      const at = now();
      const today = at.slice(0, 10);
      const agent = agreement.get(opts.floorUnion, today, today) as number | undefined;
      const extra = (policy.get(opts.round, opts.floorUnion) as number | undefined) ?? 0;
      for (const it of items.all(floorId) as {
        id: number;
        amountFen: number;
        status: string;
        hasCard: number;
        live: number;
      }[]) {
        if (it.live || it.status !== 'approved') continue;
        const viaAgent = agent && it.hasCard;
        pay.run(
          it.id,
          floorId,
          opts.floorUnion,
          'city',
          it.amountFen,
          viaAgent ? 'agency' : 'direct',
          viaAgent ? agent : opts.floorUnion,
          at,
        );
        if (extra > 0)
          pay.run(it.id, null, opts.floorUnion, 'matching', extra, 'direct', opts.floorUnion, at);
        floorCount++;
      }
      done.run(at, floorId);
      audit(
        user,
        'receive',
        'allocations',
        floorId,
        { status: 'transferred' },
        { status: 'received', payments: floorCount },
      );
    })
    .immediate();
  const floorMs = performance.now() - t0;
  return {
    key: 'receive',
    label: `receive an allocation (${made.toLocaleString('en-US')} payments)`,
    who: 'org',
    count: made,
    apiMs: api.ms,
    floorMs,
    floorCount,
    targetMs: 1000,
    note: `create ${created.ms.toFixed(0)} ms (city); floor: ${floorCount} payments`,
  };
}
