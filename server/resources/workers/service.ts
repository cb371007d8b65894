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
import type { SessionUser } from '../../lib/context';
import { badRequest, conflict } from '../../lib/errors';
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
  isUnionMember: z.boolean().default(true),
  isFrontline: z.boolean().default(true),
  isMigrant: z.boolean().default(false),
  isHardship: z.boolean().default(false),
  isKeyIndustry: z.boolean().default(false),
  bankName: z.string().trim().max(40).nullish(),
  bankCard: card,
  benefitCard: card,
};

export const workerCreate = z.object(workerFields);
export const workerUpdate = z.object(workerFields).partial();
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
export function workerColumns(pii: Pii, data: Partial<WorkerInput>, db: Db, user: SessionUser) {
  const { idNumber, bankCard, benefitCard, organizationId, ...rest } = data;
  const out: Record<string, unknown> = {
    ...rest,
    ...cardColumns(pii, 'bankCard', bankCard),
    ...cardColumns(pii, 'benefitCard', benefitCard),
  };
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
export function serializeWorker(row: WorkerRow, mode: 'list' | 'one', u: SessionUser) {
  const { birthYear, phone, ...rest } = row;
  const full =
    mode === 'one' && (canAccess(u.role, { resource: 'workers', action: 'reveal' }) || u.workerId === row.id);
  return full ? { ...rest, phone, birthYear } : { ...rest, phone: maskPhone(phone) };
}

export const REVEALABLE = {
  idNumber: 'idNumberEnc',
  bankCard: 'bankCardEnc',
  benefitCard: 'benefitCardEnc',
} as const;
