import { eq } from 'drizzle-orm';
import { tx, type Db } from '../../../db/client';
import { users, workers } from '../../../db/schema';
import { isValidIdNumber, isValidPhone, normalizeIdNumber } from '../../domain/id-number';
import { audit } from '../../lib/audit';
import { createSession, endUserSessions, loadSessionUser } from '../../lib/auth';
import type { Actor, SessionUser } from '../../lib/context';
import { ApiError, badRequest } from '../../lib/errors';
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from '../../lib/password';
import type { Pii } from '../../lib/pii';

export const MAX_FAILS = 5;
export const LOCK_MS = 15 * 60 * 1000;

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
    workerId = db.select({ id: workers.id }).from(workers).where(eq(workers.phone, login)).get()?.id;
  }
  return workerId ? db.select().from(users).where(eq(users.workerId, workerId)).get() : undefined;
}

export function login(
  db: Db,
  pii: Pii,
  actor: Actor,
  username: string,
  password: string,
): { user: SessionUser; token: string } {
  const now = actor.now();
  const found = findLoginUser(db, pii, username.trim());
  // Same work and same answer for an unknown user as for a wrong password.
  const ok = verifyPassword(password, found?.passwordHash ?? DUMMY_HASH) && !!found && found.active;
  // A refusal is recorded (failure count, lock, audit row) and committed before it is answered.
  const outcome = tx(db, (t): { user: SessionUser; token: string } | ApiError => {
    const u = found && t.select().from(users).where(eq(users.id, found.id)).get();
    if (u?.lockedUntil && Date.parse(u.lockedUntil) > now.getTime()) {
      const minutes = Math.ceil((Date.parse(u.lockedUntil) - now.getTime()) / 60000);
      audit(t, actor, { action: 'login:locked', resource: 'users', recordId: u.id });
      return new ApiError(423, `账号已锁定，请 ${minutes} 分钟后再试`);
    }
    if (!ok || !u) {
      if (u) {
        const fails = u.failedLogins + 1;
        const lock = fails >= MAX_FAILS;
        t.update(users)
          .set({
            failedLogins: lock ? 0 : fails,
            lockedUntil: lock ? new Date(now.getTime() + LOCK_MS).toISOString() : u.lockedUntil,
          })
          .where(eq(users.id, u.id))
          .run();
      }
      audit(t, actor, {
        action: 'login:failed',
        resource: 'users',
        recordId: u?.id ?? null,
        after: { login: username.slice(0, 3) + '…' },
      });
      return new ApiError(401, '用户名或密码错误');
    }
    t.update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now.toISOString() })
      .where(eq(users.id, u.id))
      .run();
    const token = createSession(t, u.id, now, actor.ip ?? null);
    const user = loadSessionUser(t, u.id)!;
    audit(t, { ...actor, user }, { action: 'login', resource: 'users', recordId: u.id });
    return { user, token };
  });
  if (outcome instanceof ApiError) throw outcome;
  return outcome;
}

export function changePassword(db: Db, actor: Actor, current: string, next: string): string {
  const u = actor.user!;
  const row = db.select().from(users).where(eq(users.id, u.id)).get()!;
  if (!verifyPassword(current, row.passwordHash))
    throw badRequest('当前密码不正确', { currentPassword: '当前密码不正确' });
  const problem = passwordProblem(next);
  if (problem) throw badRequest(problem, { newPassword: problem });
  if (next === current)
    throw badRequest('新密码不能与当前密码相同', { newPassword: '新密码不能与当前密码相同' });
  const hash = hashPassword(next);
  return tx(db, (t) => {
    t.update(users).set({ passwordHash: hash, mustChangePassword: false }).where(eq(users.id, u.id)).run();
    endUserSessions(t, u.id);
    audit(t, actor, { action: 'password:change', resource: 'users', recordId: u.id });
    return createSession(t, u.id, actor.now(), actor.ip ?? null);
  });
}
