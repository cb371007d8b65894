import { createHash, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { eq, lt, or } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Db } from '../../db/client';
import { sessions } from '../../db/schema';
import type { AppEnv, SessionUser } from './context';
import { unauthorized } from './errors';

export const SESSION_COOKIE = 'sid';
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Every request loads its session and user: two statements compiled once per connection and reused
 * (building them through the query builder each time cost most of a list request's time).
 */
const statements = new WeakMap<object, { session: Database.Statement; user: Database.Statement }>();
function stmts(db: Db) {
  let s = statements.get(db.$client);
  if (!s) {
    s = {
      session: db.$client.prepare(
        'select id, user_id userId, created_at createdAt, last_seen_at lastSeenAt from sessions where token_hash = ?',
      ),
      user: db.$client
        .prepare(`select u.id, u.username, u.display_name displayName, u.role, u.organization_id organizationId,
        u.institution_id institutionId, u.worker_id workerId, u.must_change_password mustChangePassword,
        o.level orgLevel, o.path orgPath, o.level2_id level2Id
        from users u left join organizations o on o.id = u.organization_id where u.id = ? and u.active = 1`),
    };
    statements.set(db.$client, s);
  }
  return s;
}

export function loadSessionUser(db: Db, userId: number): SessionUser | null {
  const row = stmts(db).user.get(userId) as
    (Omit<SessionUser, 'mustChangePassword'> & { mustChangePassword: number }) | undefined;
  if (!row) return null;
  return {
    ...row,
    orgLevel: row.orgLevel ?? null,
    orgPath: row.orgPath ?? null,
    level2Id: row.level2Id ?? null,
    mustChangePassword: row.mustChangePassword === 1,
  };
}

/** Only the token's hash is stored: a stolen database file opens no session. */
export function createSession(db: Db, userId: number, now: Date, ip: string | null): string {
  const token = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  db.insert(sessions)
    .values({ tokenHash: sha256(token), userId, createdAt: at, lastSeenAt: at, ip })
    .run();
  return token;
}

export function endUserSessions(db: Db, userId: number): void {
  db.delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function setSessionCookie(c: Parameters<MiddlewareHandler<AppEnv>>[0], token: string): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: c.get('deps').secureCookies,
    maxAge: ABSOLUTE_MS / 1000,
  });
}

export const clearSessionCookie = (c: Parameters<MiddlewareHandler<AppEnv>>[0]) =>
  deleteCookie(c, SESSION_COOKIE, { path: '/' });

/** Loads the user of a valid session (idle 30 min, absolute 12 h); expired ones are deleted. */
export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock } = c.get('deps');
  c.set('user', null);
  c.set('sessionId', null);
  const token = getCookie(c, SESSION_COOKIE);
  if (token) {
    const now = clock();
    const s = stmts(db).session.get(sha256(token)) as
      { id: number; userId: number; createdAt: string; lastSeenAt: string } | undefined;
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
  const client = c.req.header('x-request-id');
  c.set('actor', {
    user: c.get('user'),
    ip: clientIp(c),
    requestId: c.get('requestId'),
    clientRequestId: client && UUID.test(client) ? client.toLowerCase() : null,
    now: clock,
  });
  await next();
};

export function pruneSessions(db: Db, now: Date): void {
  db.delete(sessions)
    .where(
      or(
        lt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_MS).toISOString()),
        lt(sessions.createdAt, new Date(now.getTime() - ABSOLUTE_MS).toISOString()),
      ),
    )
    .run();
}

export function clientIp(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

export function requireUser(c: { var: { user: SessionUser | null } }): SessionUser {
  if (!c.var.user) throw unauthorized();
  return c.var.user;
}
