import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { tx, type Db } from '../../db/client';
import type { AppEnv } from './context';
import { ApiError, badRequest } from './errors';
import { requireAccess } from './resource';

/**
 * `Idempotency-Key` on money actions: a retried request (double click, lost answer, a queue replaying)
 * gets the first answer back instead of moving money twice. The middleware hashes the request; the
 * action's own transaction looks the key up again and stores its answer, so racing duplicates
 * serialise on the write lock and exactly one of them runs.
 */
interface Pending {
  key: string;
  route: string;
  bodyHash: string;
  userId: number;
}
interface Stored {
  route: string;
  body_hash: string;
  status: number;
  response: string;
}

const pending = new WeakMap<Request, Pending>();
export const REPLAYED = 'Idempotent-Replayed';

const lookup = (db: Db, key: string) =>
  db.$client
    .prepare('select route, body_hash, status, response from idempotency_keys where key = ?')
    .get(key) as Stored | undefined;

function mismatch(p: Pending, s: Stored): boolean {
  return s.route !== p.route || s.body_hash !== p.bodyHash;
}

const reused = () =>
  new ApiError(422, 'Idempotency-Key 已用于内容不同的请求，请换一个新的键', {
    'Idempotency-Key': '该键已用于另一请求',
  });

function replay(c: Context<AppEnv>, s: Stored): Response {
  c.header(REPLAYED, 'true');
  return c.json(JSON.parse(s.response), s.status as ContentfulStatusCode);
}

export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const raw = c.req.header('idempotency-key');
  if (raw === undefined) return next();
  const user = c.get('user')!;
  if (!/^[\x21-\x7e]{1,200}$/.test(raw))
    throw badRequest('Idempotency-Key 应为 1–200 个可见 ASCII 字符', { 'Idempotency-Key': '格式错误' });
  const body = await c.req.arrayBuffer();
  const p: Pending = {
    key: `${user.id}:${raw}`,
    route: `${c.req.method} ${c.req.path}`,
    bodyHash: createHash('sha256').update(new Uint8Array(body)).digest('hex'),
    userId: user.id,
  };
  const prior = lookup(c.get('deps').db, p.key);
  if (prior) {
    if (mismatch(p, prior)) throw reused();
    return replay(c, prior);
  }
  pending.set(c.req.raw, p);
  await next();
};

/** The gate of a money action: the role may (403 before any body is read), then the Idempotency-Key. */
export const moneyGate =
  (resource: string, action: string): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    requireAccess(c.get('user')!, resource, action);
    return idempotency(c, next);
  };

/**
 * Run one money action in one IMMEDIATE transaction and answer it as JSON. Under an
 * Idempotency-Key the answer is stored in that same transaction, and a duplicate that raced past
 * the middleware finds it there and replays it instead of acting again.
 */
export function moneyAction<T>(
  c: Context<AppEnv>,
  fn: (t: Db) => T,
  status: ContentfulStatusCode = 200,
): Response {
  const p = pending.get(c.req.raw);
  const out = tx(c.get('deps').db, (t) => {
    if (p) {
      const prior = lookup(t, p.key);
      if (prior) {
        if (mismatch(p, prior)) throw reused();
        return { prior };
      }
    }
    const body = fn(t);
    if (p) {
      t.$client
        .prepare(
          'insert into idempotency_keys (key, user_id, route, body_hash, status, response, created_at) values (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          p.key,
          p.userId,
          p.route,
          p.bodyHash,
          status,
          JSON.stringify(body),
          c.get('actor').now().toISOString(),
        );
    }
    return { body };
  });
  if ('prior' in out) return replay(c, out.prior!);
  return c.json(out.body as never, status);
}

/** Keys are a retry window, not an archive: drop those older than `days`. */
export function pruneIdempotencyKeys(db: Db, now: Date, days = 7): number {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.$client.prepare('delete from idempotency_keys where created_at < ?').run(before).changes;
}
