import { eq } from 'drizzle-orm';
import { tx, type Db } from '../../../db/client';
import { users, workers } from '../../../db/schema';
import { isValidIdNumber, isValidPhone, normalizeIdNumber } from '../../domain/id-number';
import { audit } from '../../lib/audit';
import { createSession, endUserSessions, loadSessionUser } from '../../lib/auth';
import type { Actor, SessionUser } from '../../lib/context';
import { ApiError, badRequest } from '../../lib/errors';
import {
  DUMMY_HASH,
  hashPasswordAsync,
  passwordProblem,
  verifyPasswordAsync,
  type PasswordContext,
} from '../../lib/password';
import type { Pii } from '../../lib/pii';
import type { LoginGuard } from './throttle';

type UserRow = typeof users.$inferSelect;

/** Staff log in by username; workers also by resident ID number or phone. */
function findLoginUser(db: Db, pii: Pii, login: string): UserRow | undefined {
  const byName = db.select().from(users).where(eq(users.username, login)).get();
  if (byName) return byName;
  let workerId: number | undefined;
  const id = normalizeIdNumber(login);
  if (isValidIdNumber(id)) {
    workerId = db
      .select({ id: workers.id })
      .from(workers)
      .where(eq(workers.idNumberHash, pii.hash(id)))
      .get()?.id;
  } else if (isValidPhone(login)) {
    workerId = db
      .select({ id: workers.id })
      .from(workers)
      .where(eq(workers.phoneHash, pii.phoneHash(login)))
      .get()?.id;
  }
  return workerId ? db.select().from(users).where(eq(users.workerId, workerId)).get() : undefined;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** A refusal for an attempt that came too soon; the same for every identifier, known or not. */
export class TooSoon extends ApiError {
  constructor(readonly retryAfterS: number) {
    super(429, `尝试过于频繁，请 ${retryAfterS} 秒后再试`);
  }
}

/**
 * Sign-in (OWASP ASVS 5.0 V6.3): throttled per client and per identifier (or per trusted device),
 * the password checked off the event loop, an unknown identifier answered like a wrong password
 * after the same work. Nothing is ever locked: an attacker slows itself, not the account's owner.
 */
export async function login(
  db: Db,
  pii: Pii,
  actor: Actor,
  guard: LoginGuard,
  username: string,
  password: string,
  deviceCookie: string | undefined,
): Promise<{ user: SessionUser; token: string; device: string }> {
  const found = findLoginUser(db, pii, username.trim());
  const keys = guard.keys(actor.ip, username, guard.device(deviceCookie, found?.id));
  const wait = guard.begin(keys, actor.now().getTime());
  if (wait > 0) throw new TooSoon(seconds(wait));
  // Same work and same answer for an unknown user as for a wrong password.
  const ok =
    (await verifyPasswordAsync(password, found?.passwordHash ?? DUMMY_HASH)) && !!found && found.active;
  const now = actor.now();
  if (!ok) {
    const next = guard.waitAfter(keys, now.getTime());
    tx(db, (t) =>
      audit(t, actor, {
        action: 'login:failed',
        resource: 'users',
        recordId: found?.id ?? null,
        after: { login: username.slice(0, 3) + '…', ...(next ? { waitS: seconds(next) } : {}) },
      }),
    );
    throw new ApiError(401, '用户名或密码错误');
  }
  guard.succeed(keys, now.getTime());
  return tx(db, (t) => {
    t.update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, found!.id))
      .run();
    const token = createSession(t, found!.id, now, actor.ip ?? null);
    const user = loadSessionUser(t, found!.id)!;
    audit(t, { ...actor, user }, { action: 'login', resource: 'users', recordId: found!.id });
    return { user, token, device: guard.deviceToken(found!.id) };
  });
}

/**
 * The current password is asked again, and guessing it is throttled like a sign-in (per account and
 * per client) and every wrong one audited: a stolen session must not become an offline-speed oracle.
 */
/** The identifiers a user's password must not contain: its username, and a worker's phone and ID number. */
export function passwordContext(
  db: Db,
  pii: Pii,
  user: { username: string; workerId: number | null },
): PasswordContext {
  const w = user.workerId
    ? db
        .select({ phone: workers.phone, idNumberEnc: workers.idNumberEnc })
        .from(workers)
        .where(eq(workers.id, user.workerId))
        .get()
    : undefined;
  return { username: user.username, phone: w?.phone, idNumber: w && pii.decrypt(w.idNumberEnc) };
}

export async function changePassword(
  db: Db,
  pii: Pii,
  actor: Actor,
  guard: LoginGuard,
  current: string,
  next: string,
): Promise<string> {
  const u = actor.user!;
  const row = db.select().from(users).where(eq(users.id, u.id)).get()!;
  const keys = guard.keys(actor.ip, `password-of:${u.id}`, null);
  const wait = guard.begin(keys, actor.now().getTime());
  if (wait > 0) throw new TooSoon(seconds(wait));
  if (!(await verifyPasswordAsync(current, row.passwordHash))) {
    tx(db, (t) => audit(t, actor, { action: 'password:failed', resource: 'users', recordId: u.id }));
    throw badRequest('当前密码不正确', { currentPassword: '当前密码不正确' });
  }
  guard.succeed(keys, actor.now().getTime());
  const problem = passwordProblem(next, passwordContext(db, pii, row));
  if (problem) throw badRequest(problem, { newPassword: problem });
  if (next === current)
    throw badRequest('新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
  const hash = await hashPasswordAsync(next);
  return tx(db, (t) => {
    t.update(users).set({ passwordHash: hash, mustChangePassword: false }).where(eq(users.id, u.id)).run();
    endUserSessions(t, u.id);
    audit(t, actor, { action: 'password:change', resource: 'users', recordId: u.id });
    return createSession(t, u.id, actor.now(), actor.ip ?? null);
  });
}
