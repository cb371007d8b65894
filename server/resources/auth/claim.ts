import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { tx, type Db } from '../../../db/client';
import { users, workers } from '../../../db/schema';
import { isValidIdNumber, normalizeIdNumber } from '../../domain/id-number';
import { audit } from '../../lib/audit';
import { createSession, loadSessionUser } from '../../lib/auth';
import type { Actor, SessionUser } from '../../lib/context';
import { ApiError } from '../../lib/errors';
import { hashPasswordAsync, verifyPasswordAsync, DUMMY_HASH } from '../../lib/password';
import type { Pii } from '../../lib/pii';
import { TooSoon } from './service';
import type { LoginGuard } from './throttle';

/**
 * A rostered worker claims its portal account (R9a: the roster registered it; nobody types it again):
 * its resident ID number and a one-time code the unit union printed on a sign-up sheet. The code is
 * single-use, expires, is stored only as a keyed hash, and becomes the account's initial password, so
 * the first sign-in forces a new one. Unknown ID, wrong code, used or expired code: one answer.
 */
export const CLAIM_CODE_DAYS = 14;
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L
const CODE_LENGTH = 8;

export const claimCodeHash = (pii: Pii, workerId: number, code: string) =>
  pii.hash(`claim:${workerId}:${code.trim().toUpperCase()}`);

export function newClaimCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/**
 * The sign-up sheet: a fresh code for each of the unit's rostered workers without an account (or the
 * ones named), replacing any earlier code. Audited with the count; the codes are shown once.
 */
export function issueClaimCodes(db: Db, actor: Actor, pii: Pii, workerIds?: number[]) {
  const u = actor.user!;
  const expiresAt = new Date(actor.now().getTime() + CLAIM_CODE_DAYS * 86_400_000).toISOString();
  const rows = db.$client
    .prepare(
      `select w.id, w.name, w.id_number_masked idNumberMasked from workers w
       where w.organization_id = ? and w.on_roster = 1 and not exists (select 1 from users x where x.worker_id = w.id)
       order by w.id`,
    )
    .all(u.organizationId) as { id: number; name: string; idNumberMasked: string }[];
  const wanted = workerIds ? new Set(workerIds) : null;
  const set = db.$client.prepare(
    'update workers set claim_code_hash = ?, claim_code_expires_at = ? where id = ?',
  );
  const sheet = rows
    .filter((w) => !wanted || wanted.has(w.id))
    .map((w) => {
      const code = newClaimCode();
      set.run(claimCodeHash(pii, w.id, code), expiresAt, w.id);
      return { workerId: w.id, name: w.name, idNumberMasked: w.idNumberMasked, code, expiresAt };
    });
  audit(db, actor, {
    action: 'claim-codes',
    resource: 'workers',
    recordId: null,
    after: { issued: sheet.length },
  });
  return sheet;
}

const REFUSED = '身份证号或注册码不正确，或注册码已使用、已过期';

export async function claimAccount(
  db: Db,
  pii: Pii,
  actor: Actor,
  guard: LoginGuard,
  idNumber: string,
  code: string,
): Promise<{ user: SessionUser; token: string }> {
  const id = normalizeIdNumber(idNumber);
  const keys = guard.keys(actor.ip, `claim:${id}`, null);
  const wait = guard.begin(keys, actor.now().getTime());
  if (wait > 0) throw new TooSoon(Math.max(1, Math.ceil(wait / 1000)));
  const w = isValidIdNumber(id)
    ? db
        .select()
        .from(workers)
        .where(eq(workers.idNumberHash, pii.hash(id)))
        .get()
    : undefined;
  const now = actor.now();
  const ok =
    !!w &&
    !!w.claimCodeHash &&
    !!w.claimCodeExpiresAt &&
    w.claimCodeExpiresAt > now.toISOString() &&
    w.claimCodeHash === claimCodeHash(pii, w.id, code) &&
    !db.select({ id: users.id }).from(users).where(eq(users.workerId, w.id)).get();
  // The same work whichever way it fails: the answer's time tells nothing either.
  const hash = await hashPasswordAsync(code.trim().toUpperCase());
  if (!ok) {
    await verifyPasswordAsync(code, DUMMY_HASH);
    tx(db, (t) => audit(t, actor, { action: 'claim:failed', resource: 'users', recordId: null }));
    throw new ApiError(401, REFUSED);
  }
  guard.succeed(keys, now.getTime());
  return tx(db, (t) => {
    // Re-read inside the transaction: two claims at once, one account.
    const again = t.select().from(workers).where(eq(workers.id, w.id)).get()!;
    if (again.claimCodeHash !== w.claimCodeHash) throw new ApiError(401, REFUSED);
    t.update(workers)
      .set({ claimCodeHash: null, claimCodeExpiresAt: null })
      .where(eq(workers.id, w.id))
      .run();
    const created = t
      .insert(users)
      .values({
        username: `worker-${w.id}`,
        displayName: w.name,
        passwordHash: hash,
        role: 'worker',
        workerId: w.id,
        mustChangePassword: true,
        createdAt: now.toISOString(),
      })
      .returning({ id: users.id })
      .get();
    const token = createSession(t, created.id, now, actor.ip ?? null);
    const user = loadSessionUser(t, created.id)!;
    audit(t, { ...actor, user }, { action: 'claim', resource: 'users', recordId: created.id });
    return { user, token };
  });
}
