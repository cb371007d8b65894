import { createHash, randomBytes } from 'node:crypto';
import { and, eq, lt, or } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/client';
import { organizations, sessions, users } from '../../db/schema';
import type { AppEnv, SessionUser } from './context';
import { unauthorized } from './errors';

export const SESSION_COOKIE = 'sid';
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export function loadSessionUser(db: Db, userId: number): SessionUser | null {
  const row = db.select({ u: users, o: organizations }).from(users)
    .leftJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, userId), eq(users.active, true))).get();
  if (!row) return null;
  const { u, o } = row;
  return {
    id: u.id, username: u.username, displayName: u.displayName, role: u.role,
    organizationId: u.organizationId, institutionId: u.institutionId, workerId: u.workerId,
    orgLevel: o?.level ?? null, orgPath: o?.path ?? null, level2Id: o?.level2Id ?? null,
    mustChangePassword: u.mustChangePassword,
  };
}

/** Only the token's hash is stored: a stolen database file opens no session. */
export function createSession(db: Db, userId: number, now: Date, ip: string | null): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.insert(sessions).values({ tokenHash: sha256(token), userId, createdAt: at, lastSeenAt: at, ip }).run();
  return token;
}

export function endUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function setSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', path: '/', secure: c.var.deps.secureCookies, maxAge: ABSOLUTE_MS / 1000,
  });
}

export const clearSessionCookie = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => deleteCookie(c, SESSION_COOKIE, { path: '/' });

/** Loads the user of a valid session (idle 30 min, absolute 12 h); expired ones are deleted. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock } = c.var.deps;
  c.set('user', null);
  c.set('sessionId', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const now = clock();
    const s = db.select().from(sessions).where(eq(sessions.tokenHash, sha256(token))).get();
    if (s) {
      const idle = now.getTime() - Date.parse(s.lastSeenAt) > IDLE_MS;
      const old = now.getTime() - Date.parse(s.createdAt) > ABSOLUTE_MS;
      const user = idle || old ? null : loadSessionUser(db, s.userId);
      if (user) {
        // Touch at most once a minute: a busy clerk should not cost a write per request.
        if (now.getTime() - Date.parse(s.lastSeenAt) > 60_000) {
          db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, s.id)).run();
        }
        c.set('user', user);
        c.set('sessionId', s.id);
      } else {
        db.delete(sessions).where(eq(sessions.id, s.id)).run();
      }
    }
  }
  c.set('actor', { user: c.var.user, ip: clientIp(c), requestId: c.var.requestId, now: clock });
  await next();
};

export function pruneSessions(db: Db, now: Date): void {
  db.delete(sessions).where(or(
    lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_MS).toISOString()),
    lt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_MS).toISOString()),
  )).run();
}

export function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function requireUser(c: { var: { user: SessionUser | null } }): SessionUser {
  if (!c.var.user) throw unauthorized();
  return c.var.user;
}
