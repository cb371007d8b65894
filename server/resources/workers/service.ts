import { patchSchema } from '../../lib/validate';
import { isSeniorTitle } from '../../domain/eligibility';
import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../../db/client';
import { type organizations, workers } from '../../../db/schema';
import {
  birthYearOf,
  genderOf,
  isValidCardNumber,
  isValidIdNumber,
  isValidPhone,
  maskCard,
  maskIdNumber,
  maskPhone,
  normalizeIdNumber,
} from '../../domain/id-number';
import { canAccess } from '../../domain/permissions';
import { rosterStatus } from '../../domain/roster';
import type { SessionUser } from '../../lib/context';
import { ApiError, badRequest, conflict } from '../../lib/errors';
import { log } from '../../lib/log';
import type { Pii } from '../../lib/pii';
import { findScoped } from '../../lib/resource';
import { organizationList } from '../organizations';

type WorkerRow = typeof workers.$inferSelect;

const card = z
  .string()
  .trim()
  .transform((s) => s.replace(/\s+/g, ''))
  .refine((s) => s === '' || isValidCardNumber(s), '卡号应为 16–19 位数字且校验位正确')
  .nullish();

export const workerFields = {
  name: z.string().trim().min(2, '姓名至少 2 个字').max(30),
  idNumber: z
    .string()
    .trim()
    .transform(normalizeIdNumber)
    .refine(isValidIdNumber, '身份证号码无效（18 位，校验位须正确）'),
  phone: z.string().trim().refine(isValidPhone, '手机号应为 11 位手机号码'),
  organizationId: z.number().int().positive(),
  jobTitle: z.string().trim().max(30).default(''),
  // R9a/b: unknown until the unit union attests them, never assumed.
  isUnionMember: z.boolean().default(false),
  isFrontline: z.boolean().default(false),
  isMigrant: z.boolean().default(false),
  isHardship: z.boolean().default(false),
  isKeyIndustry: z.boolean().default(false),
  bankName: z.string().trim().max(40).nullish(),
  bankCard: card,
  benefitCard: card,
};

export const workerCreate = z.object(workerFields);
export const workerUpdate = patchSchema(workerFields);
export type WorkerInput = z.infer<typeof workerCreate>;

function cardColumns(pii: Pii, prefix: 'bankCard' | 'benefitCard', value: string | null | undefined) {
  if (value === undefined) return {};
  const v = value || null;
  return {
    [`${prefix}Enc`]: v && pii.encrypt(v),
    [`${prefix}Hash`]: v && pii.hash(v),
    [`${prefix}Masked`]: v && maskCard(v),
  };
}

/** The encrypted, hashed and masked columns that stand for the plain personal data. */
export function workerColumns(
  pii: Pii,
  data: Partial<WorkerInput>,
  db: Db,
  user: SessionUser,
  now: Date = new Date(),
  creating = false,
) {
  const { idNumber, bankCard, benefitCard, organizationId, isUnionMember, isFrontline, ...rest } = data;
  const out: Record<string, unknown> = {
    ...rest,
    ...attestation(user, { isUnionMember, isFrontline }, now, creating),
    ...cardColumns(pii, 'bankCard', bankCard),
    ...cardColumns(pii, 'benefitCard', benefitCard),
  };
  if (rest.phone !== undefined) out.phoneHash = pii.phoneHash(rest.phone);
  if (idNumber !== undefined) {
    Object.assign(out, {
      idNumberEnc: pii.encrypt(idNumber),
      idNumberHash: pii.hash(idNumber),
      idNumberMasked: maskIdNumber(idNumber),
      gender: genderOf(idNumber),
      birthYear: birthYearOf(idNumber),
    });
  }
  if (organizationId !== undefined) {
    const org = findScoped<typeof organizations.$inferSelect>(db, organizationList, user, organizationId);
    if (org.kind !== 'grassroots' && org.kind !== 'direct') {
      throw badRequest('职工须登记在基层工会', { organizationId: '请选择基层工会或市总直属工会' });
    }
    Object.assign(out, { organizationId, level2Id: org.level2Id });
  }
  return out;
}

/**
 * R9a/b: membership and the front-line post are the unit union's to attest, recorded with who and
 * when; from anyone else the flags are left as they were.
 */
function attestation(
  user: SessionUser,
  flags: { isUnionMember?: boolean; isFrontline?: boolean },
  now: Date,
  creating: boolean,
): Record<string, unknown> {
  const unknown = creating ? { isUnionMember: false, isFrontline: false } : {};
  const given = Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
  if (user.role !== 'unit_admin') return unknown;
  const attested = Object.values(given).some(Boolean);
  return {
    ...unknown,
    ...given,
    ...(attested ? { attestedBy: user.id, attestedAt: now.toISOString() } : {}),
  };
}

export function assertUniqueId(db: Db, pii: Pii, idNumber: string | undefined, exceptId?: number): void {
  if (!idNumber) return;
  const hash = pii.hash(idNumber);
  const dup = db
    .select({ id: workers.id })
    .from(workers)
    .where(
      exceptId
        ? and(eq(workers.idNumberHash, hash), ne(workers.id, exceptId))
        : eq(workers.idNumberHash, hash),
    )
    .get();
  if (dup) throw conflict('该身份证号码已登记');
}

/**
 * The API view of a worker (PIPL art. 6, minimum necessary; GB/T 35273 §6.2): lists carry the masked
 * numbers only. One record shows the phone and the birth year to the roles that may reveal the ID
 * (the worker's unions) and to the worker itself; the school and the institution, which may not,
 * get neither. The birth date itself is never sent: with the masked ID it would rebuild the number.
 */
/** One worker per phone number (it signs them in): 409 naming the field, before the unique index would. */
export function assertUniquePhone(db: Db, pii: Pii, phone: string | undefined, exceptId?: number): void {
  if (!phone) return;
  const hash = pii.phoneHash(phone);
  const dup = db
    .select({ id: workers.id })
    .from(workers)
    .where(
      exceptId ? and(eq(workers.phoneHash, hash), ne(workers.id, exceptId)) : eq(workers.phoneHash, hash),
    )
    .get();
  if (dup) throw new ApiError(409, '该手机号已被其他职工登记', { phone: '该手机号已被其他职工登记' });
}

/**
 * Phones recorded before they were hashed get their hash (createApp runs this; a no-op once done).
 * Where two workers share a number, the first recorded keeps it for sign-in; the others are left
 * without a hash, and logged, until a clerk corrects them.
 */
export function backfillPhoneHashes(db: Db, pii: Pii): { hashed: number; duplicates: number } {
  const rows = db.$client
    .prepare('select id, phone from workers where phone_hash is null order by id')
    .all() as {
    id: number;
    phone: string;
  }[];
  if (!rows.length) return { hashed: 0, duplicates: 0 };
  const taken = db.$client.prepare('select 1 from workers where phone_hash = ?');
  const set = db.$client.prepare('update workers set phone_hash = ? where id = ?');
  let hashed = 0,
    duplicates = 0;
  db.$client.transaction(() => {
    for (const r of rows) {
      const h = pii.phoneHash(r.phone);
      if (taken.get(h)) duplicates++;
      else {
        set.run(h, r.id);
        hashed++;
      }
    }
  })();
  if (duplicates) log.info({ msg: 'workers sharing a phone number left without a phone hash', duplicates });
  return { hashed, duplicates };
}

export function serializeWorker(row: WorkerRow, mode: 'list' | 'one', u: SessionUser, db?: Db) {
  const { birthYear, phone, claimCodeHash: _code, ...rest } = row;
  const full =
    mode === 'one' && (canAccess(u.role, { resource: 'workers', action: 'reveal' }) || u.workerId === row.id);
  // R9b: a post above 科室主任 is flagged to every reviewer.
  const flagged = { ...rest, seniorTitle: isSeniorTitle(row.jobTitle) };
  // R9a: where the worker stands with its unit's latest roster (one record: one more indexed read).
  const roster = mode === 'one' && db ? { rosterStatus: workerRosterStatus(db, row) } : {};
  return full
    ? { ...flagged, phone, birthYear, ...roster }
    : { ...flagged, phone: maskPhone(phone), ...roster };
}

export function workerRosterStatus(
  db: Db,
  row: Pick<WorkerRow, 'organizationId' | 'onRoster' | 'memberDuesPaid'>,
) {
  const unit = db.$client
    .prepare('select roster_at rosterAt from organizations where id = ?')
    .get(row.organizationId) as { rosterAt: string | null } | undefined;
  return rosterStatus(row, unit?.rosterAt ?? null);
}

export const REVEALABLE = {
  idNumber: 'idNumberEnc',
  bankCard: 'bankCardEnc',
  benefitCard: 'benefitCardEnc',
} as const;
