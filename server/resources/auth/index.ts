import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { clearSessionCookie, requireUser, setSessionCookie } from '../../lib/auth';
import { endUserSessions } from '../../lib/auth';
import type { AppEnv } from '../../lib/context';
import { ApiError } from '../../lib/errors';
import { describe, json, schemaRef, validated } from '../../lib/openapi';
import { audit } from '../../lib/audit';
import { tx } from '../../../db/client';
import { claimAccount } from './claim';
import { changePassword, login, TooSoon } from './service';
import { DEVICE_COOKIE, DEVICE_MAX_AGE_S, LoginGuard, Throttle } from './throttle';

/** A throttled attempt says when to come back (RFC 9110 §10.2.3). */
async function retryAfter<T>(c: Context<AppEnv>, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (e) {
    if (e instanceof TooSoon) c.header('Retry-After', String(e.retryAfterS));
    throw e;
  }
}

const okSchema = { type: 'object', properties: { ok: { type: 'boolean', const: true } } } as const;

export function authRoutes() {
  const app = new Hono<AppEnv>();
  const throttle = new Throttle(30, 5 * 60 * 1000);
  const guard = new LoginGuard();

  app.post(
    '/login',
    describe({
      tags: ['auth'],
      summary: 'Sign in: sets the session cookie',
      open: true,
      responses: { 200: json('The user signed in', schemaRef('SessionUser')) },
      refusals: [400, 401, 403, 429],
    }),
    validated(
      'json',
      z.object({
        username: z.string().trim().min(1, '请输入用户名').max(64),
        password: z.string().min(1, '请输入密码').max(128),
      }),
    ),
    async (c) => {
      const { deps, actor } = c.var;
      if (!throttle.take(actor.ip ?? 'unknown', deps.clock().getTime())) {
        throw new ApiError(429, '登录尝试过于频繁，请稍后再试');
      }
      const body = c.req.valid('json');
      const { user, token, device } = await retryAfter(c, () =>
        login(deps.db, deps.pii, actor, guard, body.username, body.password, getCookie(c, DEVICE_COOKIE)),
      );
      setSessionCookie(c, token);
      // Known to this browser from now on: guesses at the account from elsewhere do not slow it.
      setCookie(c, DEVICE_COOKIE, device, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/api/auth',
        secure: deps.secureCookies,
        maxAge: DEVICE_MAX_AGE_S,
      });
      return c.json(user);
    },
  );

  app.post(
    '/claim',
    describe({
      tags: ['auth'],
      summary:
        "A rostered worker claims its portal account with its resident ID number and the union's one-time code; signs in, and the first thing asked is a new password",
      open: true,
      responses: { 200: json('The account created and signed in', schemaRef('SessionUser')) },
      refusals: [400, 401, 429],
    }),
    validated(
      'json',
      z.object({
        idNumber: z.string().trim().min(1, '请输入身份证号码').max(32),
        code: z.string().trim().min(1, '请输入注册码').max(32),
      }),
    ),
    async (c) => {
      const { deps, actor } = c.var;
      if (!throttle.take(actor.ip ?? 'unknown', deps.clock().getTime())) {
        throw new ApiError(429, '尝试过于频繁，请稍后再试');
      }
      const body = c.req.valid('json');
      const { user, token } = await retryAfter(c, () =>
        claimAccount(deps.db, deps.pii, actor, guard, body.idNumber, body.code),
      );
      setSessionCookie(c, token);
      return c.json(user);
    },
  );

  app.get(
    '/me',
    describe({
      tags: ['auth'],
      summary: 'The user signed in',
      responses: { 200: json('The user signed in', schemaRef('SessionUser')) },
    }),
    (c) => c.json(requireUser(c)),
  );

  app.post(
    '/logout',
    describe({
      tags: ['auth'],
      summary: "Sign out: ends the user's sessions and clears the cookie",
      open: true,
      responses: { 200: json('Signed out', okSchema) },
    }),
    (c) => {
      const user = c.get('user');
      if (user) {
        tx(c.get('deps').db, (t) => {
          endUserSessions(t, user.id);
          audit(t, c.get('actor'), { action: 'logout', resource: 'users', recordId: user.id });
        });
      }
      clearSessionCookie(c);
      return c.json({ ok: true });
    },
  );

  app.post(
    '/password',
    describe({
      tags: ['auth'],
      summary: "Change one's own password (an initial one must be changed before anything else)",
      responses: { 200: json('Changed: a new session cookie is set', okSchema) },
      refusals: [400, 422],
    }),
    validated(
      'json',
      z.object({
        currentPassword: z.string().min(1, '请输入当前密码').max(128),
        newPassword: z.string().max(128),
      }),
    ),
    async (c) => {
      requireUser(c);
      const body = c.req.valid('json');
      const token = await retryAfter(c, () =>
        changePassword(
          c.get('deps').db,
          c.get('deps').pii,
          c.get('actor'),
          guard,
          body.currentPassword,
          body.newPassword,
        ),
      );
      setSessionCookie(c, token);
      return c.json({ ok: true });
    },
  );

  return app;
}
