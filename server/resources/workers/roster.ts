import type { Db } from '../../../db/client';
import { birthYearOf, genderOf, maskIdNumber } from '../../domain/id-number';
import {
  checkRosterRow,
  rosterChanges,
  rosterFacts,
  type RosterFacts,
  type RosterProblem,
  type RosterRow,
} from '../../domain/roster';
import { chinaDate } from '../../domain/eligibility';
import { audit } from '../../lib/audit';
import type { Actor, SessionUser } from '../../lib/context';
import { ApiError, forbidden } from '../../lib/errors';
import { JobThread } from '../../lib/off-thread';
import type { Pii } from '../../lib/pii';
import type { RosterSheet } from './roster-file';
import type { RosterParse } from './roster-worker';
import { ROSTER_LIMITS } from './roster-file';
import { checkZip } from '../../lib/zip-guard';

/**
 * R9a/b: a unit union's member roster, imported in one transaction — every row or none. The upload is
 * the union's attestation of membership (who and when on each worker it changes); a worker of a unit
 * the roster covers who is not on it is marked off the roster and flagged to reviewers.
 */
export interface RosterPreviewRow {
  row: number;
  /** `dropped`: a worker on record whom this roster leaves out (row 0: not in the file). */
  status: 'new' | 'changed' | 'unchanged' | 'refused' | 'dropped';
  name: string;
  idNumberMasked: string;
  unit: string;
  changes?: string[];
}

export interface RosterResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Workers of the covered units not on this roster (R9a: flagged to reviewers). */
  dropped: number;
  refused: RosterProblem[];
  rows?: RosterPreviewRow[];
}

interface Unit {
  id: number;
  code: string;
  name: string;
  level2Id: number;
}

interface Current {
  id: number;
  organizationId: number;
  name: string;
  phone: string;
  jobTitle: string;
  isFrontline: number;
  isUnionMember: number;
  memberSince: string | null;
  memberDuesPaid: number | null;
  onRoster: number | null;
  attestedAt: string | null;
}

const reader = new JobThread<Uint8Array, RosterParse>(new URL('./roster-worker.ts', import.meta.url), {
  timeoutMs: 20_000,
  maxHeapMb: 384,
});

/** Read an upload off the request thread; a bomb that declares itself is refused before the thread. */
export async function readRoster(bytes: ArrayBuffer): Promise<RosterSheet> {
  const data = new Uint8Array(bytes);
  if (data[0] === 0x50 && data[1] === 0x4b) checkZip(data, ROSTER_LIMITS);
  let out: RosterParse;
  try {
    out = await reader.run(data);
  } catch {
    throw new ApiError(422, '会员名册无法在限定的时间和内存内读取', { file: '文件过大或已损坏' });
  }
  if ('refused' in out)
    throw new ApiError(out.refused.status as 400, out.refused.message, out.refused.errors);
  return out;
}

/** The units whose rosters the user keeps: its own unit, or a level-2 union's grassroots unions. */
function unitsOf(db: Db, u: SessionUser): Map<string, Unit> {
  const sql = `select id, code, coalesce(unit_name, name) name, level2_id level2Id from organizations
    where kind in ('grassroots', 'direct') and ${u.role === 'unit_admin' ? 'id = ?' : 'level2_id = ?'}`;
  if (u.role !== 'unit_admin' && u.role !== 'org_admin') throw forbidden();
  const rows = db.$client.prepare(sql).all(u.organizationId) as Unit[];
  return new Map(rows.map((r) => [r.code, r]));
}

const asFacts = (c: Current) => ({
  name: c.name,
  phone: c.phone,
  jobTitle: c.jobTitle,
  isFrontline: !!c.isFrontline,
  isUnionMember: !!c.isUnionMember,
  memberSince: c.memberSince,
  memberDuesPaid: c.memberDuesPaid === null ? null : !!c.memberDuesPaid,
  onRoster: c.onRoster === null ? null : !!c.onRoster,
  attestedAt: c.attestedAt,
});

const ATTESTED: (keyof RosterFacts)[] = ['isUnionMember', 'isFrontline', 'memberDuesPaid', 'onRoster'];

export function importRoster(
  db: Db,
  actor: Actor,
  pii: Pii,
  sheet: RosterSheet,
  dryRun: boolean,
): RosterResult {
  const u = actor.user!;
  const now = actor.now().toISOString();
  const units = unitsOf(db, u);
  const own = u.role === 'unit_admin' ? [...units.values()][0] : undefined;
  const byId = db.$client.prepare(
    `select id, organization_id organizationId, name, phone, job_title jobTitle, is_frontline isFrontline,
     is_union_member isUnionMember, member_since memberSince, member_dues_paid memberDuesPaid, on_roster onRoster,
     attested_at attestedAt from workers where id_number_hash = ?`,
  );
  const byPhone = db.$client.prepare('select id from workers where phone_hash = ?');
  const refused: RosterProblem[] = [];
  const preview: RosterPreviewRow[] = [];
  const seenId = new Map<string, number>();
  const seenPhone = new Map<string, number>();
  const plan: { r: RosterRow; unit: Unit; idHash: string; current?: Current; changes: string[] }[] = [];
  const today = chinaDate(actor.now());

  for (const { row, cells } of sheet.rows) {
    const { value, problems } = checkRosterRow(cells, row, today);
    const rawId = (cells.idNumber ?? '').trim();
    const shown = {
      row,
      name: (cells.name ?? '').trim(),
      unit: own?.name ?? cells.unitCode ?? '',
      idNumberMasked: rawId.length === 18 ? maskIdNumber(rawId) : '',
    };
    const refuse = (more: RosterProblem[]) => {
      refused.push(...more);
      preview.push({ ...shown, status: 'refused' });
    };
    if (!value) {
      refuse(problems);
      continue;
    }
    shown.idNumberMasked = maskIdNumber(value.idNumber);
    const unit = value.unitCode ? units.get(value.unitCode) : own;
    shown.unit = unit?.name ?? value.unitCode;
    if (!unit) {
      refuse([
        value.unitCode
          ? { row, field: 'unitCode', message: `单位编码「${value.unitCode}」不是本工会或其下属基层工会` }
          : { row, field: 'unitCode', message: '请填写职工所在基层工会的单位编码' },
      ]);
      continue;
    }
    const dupId = seenId.get(value.idNumber);
    if (dupId) {
      refuse([{ row, field: 'idNumber', message: `身份证号与第 ${dupId} 行重复` }]);
      continue;
    }
    seenId.set(value.idNumber, row);
    const dupPhone = seenPhone.get(value.phone);
    if (dupPhone) {
      refuse([{ row, field: 'phone', message: `手机号与第 ${dupPhone} 行重复` }]);
      continue;
    }
    seenPhone.set(value.phone, row);
    const idHash = pii.hash(value.idNumber);
    const current = byId.get(idHash) as Current | undefined;
    if (current && current.organizationId !== unit.id) {
      refuse([{ row, field: 'idNumber', message: '该身份证号已登记为其他工会的会员，不能由本单位导入' }]);
      continue;
    }
    const phoneOwner = byPhone.get(pii.phoneHash(value.phone)) as { id: number } | undefined;
    if (phoneOwner && phoneOwner.id !== current?.id) {
      refuse([{ row, field: 'phone', message: '该手机号已被其他职工登记' }]);
      continue;
    }
    const changes = current ? rosterChanges(asFacts(current), rosterFacts(value)) : [];
    preview.push({
      ...shown,
      status: !current ? 'new' : changes.length ? 'changed' : 'unchanged',
      ...(changes.length ? { changes } : {}),
    });
    plan.push({ r: value, unit, idHash, current, changes });
  }

  // The units this roster covers: the unit's own, or those a level-2 union's rows name.
  const covered = own ? [own.id] : [...new Set(plan.map((p) => p.unit.id))];
  const listed = new Set(plan.filter((p) => p.current).map((p) => p.current!.id));
  const offRoster = db.$client.prepare(
    `select id from workers where organization_id = ? and (on_roster is null or on_roster = 1)`,
  );
  const dropped = covered.flatMap((id) =>
    (offRoster.all(id) as { id: number }[]).map((w) => w.id).filter((id) => !listed.has(id)),
  );
  const result: RosterResult = {
    created: plan.filter((p) => !p.current).length,
    updated: plan.filter((p) => p.current && p.changes.length).length,
    unchanged: plan.filter((p) => p.current && !p.changes.length).length,
    dropped: dropped.length,
    refused,
  };
  if (dryRun) {
    const who = db.$client.prepare(
      `select w.name, w.id_number_masked idNumberMasked, coalesce(o.unit_name, o.name) unit
       from workers w join organizations o on o.id = w.organization_id where w.id = ?`,
    );
    for (const id of dropped)
      preview.push({
        row: 0,
        status: 'dropped',
        ...(who.get(id) as Omit<RosterPreviewRow, 'row' | 'status'>),
      });
    return { ...result, rows: preview };
  }
  if (refused.length) return result;
  write(db, u, pii, now, plan, dropped, covered);
  audit(db, actor, {
    action: 'import',
    resource: 'workers',
    recordId: null,
    after: {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      dropped: result.dropped,
      units: covered.length,
    },
  });
  return result;
}

function write(
  db: Db,
  u: SessionUser,
  pii: Pii,
  now: string,
  plan: { r: RosterRow; unit: Unit; idHash: string; current?: Current; changes: string[] }[],
  dropped: number[],
  covered: number[],
): void {
  const c = db.$client;
  const insert =
    c.prepare(`insert into workers (name, id_number_enc, id_number_hash, id_number_masked, gender,
    birth_year, phone, phone_hash, organization_id, level2_id, job_title, is_frontline, is_union_member,
    member_since, member_dues_paid, on_roster, attested_by, attested_at, created_at)
    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`);
  const update =
    c.prepare(`update workers set name = ?, phone = ?, phone_hash = ?, job_title = ?, is_frontline = ?,
    is_union_member = ?, member_since = ?, member_dues_paid = ?, on_roster = 1,
    attested_by = coalesce(?, attested_by), attested_at = coalesce(?, attested_at) where id = ?`);
  const b = (v: boolean) => (v ? 1 : 0);
  for (const { r, unit, idHash, current, changes } of plan) {
    if (current && !changes.length) continue;
    const f = rosterFacts(r);
    if (!current) {
      insert.run(
        r.name,
        pii.encrypt(r.idNumber),
        idHash,
        maskIdNumber(r.idNumber),
        genderOf(r.idNumber),
        birthYearOf(r.idNumber),
        r.phone,
        pii.phoneHash(r.phone),
        unit.id,
        unit.level2Id,
        f.jobTitle,
        b(f.isFrontline),
        b(f.isUnionMember),
        f.memberSince,
        b(f.memberDuesPaid),
        u.id,
        now,
        now,
      );
      continue;
    }
    // R9a/b: a change of membership, dues or post is attested by this upload, with who and when.
    const attests = !current.attestedAt || changes.some((k) => ATTESTED.includes(k as keyof RosterFacts));
    update.run(
      r.name,
      r.phone,
      pii.phoneHash(r.phone),
      f.jobTitle,
      b(f.isFrontline),
      b(f.isUnionMember),
      f.memberSince,
      b(f.memberDuesPaid),
      attests ? u.id : null,
      attests ? now : null,
      current.id,
    );
  }
  const drop = c.prepare(
    'update workers set on_roster = 0, is_union_member = 0, attested_by = ?, attested_at = ? where id = ?',
  );
  for (const id of dropped) drop.run(u.id, now, id);
  const changed = plan.some((p) => !p.current || p.changes.length) || dropped.length;
  const mark = c.prepare(
    `update organizations set roster_at = ?, roster_by = ? where id = ? and (roster_at is null or ?)`,
  );
  for (const id of covered) mark.run(now, u.id, id, changed ? 1 : 0);
}
