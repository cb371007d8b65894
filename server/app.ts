import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { tx } from '../db/client';
import { audit, bindAuditKey } from './lib/audit';
import { requireUser, sessionMiddleware, UUID } from './lib/auth';
import type { AppEnv, Deps } from './lib/context';
import { ApiError } from './lib/errors';
import { OutOfScope } from './lib/resource';
import { sameOriginOnly } from './lib/csrf';
import { compression } from './lib/compression';
import { log } from './lib/log';
import { docsAssets, docsRoutes, DOCS_PATHS } from './lib/api-docs';
import { apiRoutes } from './resources';
import { ensureTemplates } from './resources/notifications/templates';
import { backfillPhoneHashes } from './resources/workers/service';

const MAX_BODY = 11 * 1024 * 1024; // a 10 MB scan plus its multipart envelope

/** The whole HTTP app over a database and a clock; tests build it the same way. */
export function createApp(deps: Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  // Every audit row this app writes is sealed with the key kept beside the PII key (I7).
  bindAuditKey(deps.db, deps.pii.auditKey);
  backfillPhoneHashes(deps.db, deps.pii);
  ensureTemplates(deps.db);

  // Lists, statistics and the panel's scripts travel gzipped when the client accepts it.
  app.use('*', compression);
  // The request id is the server's own (it goes into the audit chain): a client's X-Request-Id is
  // never taken as it; a UUID one is logged and audited beside it, outside the chain (ASVS V16.2).
  app.use('*', requestId({ headerName: '', generator: () => randomUUID() }));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.header('X-Request-Id', c.get('requestId'));
    const started = performance.now();
    await next();
    const client = c.req.header('x-request-id');
    log.info({
      rid: c.get('requestId'),
      ...(client && UUID.test(client) ? { clientRid: client } : {}),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('user')?.id,
    });
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        frameSrc: ["'self'", 'blob:'],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
      // A route that set its own policy keeps it: uploaded documents go out sandboxed (storage.ts).
      overwrite: false,
    }),
  );

  const api = new Hono<AppEnv>();
  const limit = bodyLimit({
    maxSize: MAX_BODY,
    onError: () => {
      throw new ApiError(413, '上传内容过大（每个文件最多 10 MB）');
    },
  });
  // A GET has no body to limit; asking for one would build a full fetch Request per read.
  api.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)));
  api.use('*', async (c, next) => {
    // Set before the answer is built: a header added to a finished answer makes the server copy it.
    c.header('Access-Control-Expose-Headers', 'Content-Range');
    c.header('Cache-Control', 'no-store');
    await next();
  });
  api.use('*', sameOriginOnly);
  api.use('*', sessionMiddleware);
  api.use('*', async (c, next) => {
    const open = [
      '/api/auth/login',
      '/api/auth/claim',
      '/api/auth/logout',
      '/api/health',
      ...DOCS_PATHS,
    ].includes(c.req.path);
    if (!open) {
      const user = requireUser(c);
      // An initial password set by someone else opens nothing but the way to change it.
      if (user.mustChangePassword && !c.req.path.startsWith('/api/auth/'))
        throw new ApiError(403, '请先修改初始密码');
    }
    await next();
  });
  api.route('/', apiRoutes());
  // The OpenAPI document of every route registered on `app`, and its reference page.
  api.route('/', docsRoutes(app));
  api.notFound((c) => c.json({ message: '接口不存在' }, 404));
  app.route('/api', api);
  app.route('/', docsAssets());
  // An API path nothing answers is a JSON 404, never the panel's page the server's catch-all serves.
  app.all('/api', (c) => c.json({ message: '接口不存在' }, 404));
  app.all('/api/*', (c) => c.json({ message: '接口不存在' }, 404));

  app.onError((err, c) => {
    if (err instanceof ApiError) {
      if (err instanceof OutOfScope || err.status === 403) {
        recordRefusal(c, err);
      }
      return c.json(
        {
          message: err.message,
          ...(err.errors ? { errors: err.errors } : {}),
          ...(err.rule ? { rule: err.rule } : {}),
        },
        err.status,
      );
    }
    if ('getResponse' in err && typeof (err as { getResponse?: unknown }).getResponse === 'function') {
      const res = (err as unknown as { getResponse: () => Response }).getResponse();
      return c.json({ message: err.message || '请求有误' }, res.status as 400);
    }
    const sqliteCode = (err as { code?: string }).code;
    if (sqliteCode === 'SQLITE_BUSY') return c.json({ message: '系统繁忙，请稍后重试' }, 503);
    if (sqliteCode?.startsWith('SQLITE_CONSTRAINT')) {
      log.info({ rid: c.get('requestId'), constraint: err.message });
      return c.json({ message: '与已有记录冲突' }, 409);
    }
    log.error({ rid: c.get('requestId'), error: err.message, stack: err.stack });
    return c.json({ message: '服务器内部错误', requestId: c.get('requestId') }, 500);
  });
  app.notFound((c) => c.json({ message: '页面不存在' }, 404));
  return app;
}

/** 403s, and 404s on a record that exists out of scope, are audited: probing leaves a trace. */
function recordRefusal(c: Parameters<Parameters<Hono<AppEnv>['onError']>[0]>[1], err: ApiError): void {
  const actor = c.get('actor');
  if (!actor || !c.get('deps')) return;
  try {
    tx(c.get('deps').db, (t) =>
      audit(t, actor, {
        action: `refused:${err.status}`,
        resource: err instanceof OutOfScope ? err.resource : c.req.path,
        recordId: err instanceof OutOfScope ? err.recordId : null,
        after: { method: c.req.method, path: c.req.path },
      }),
    );
  } catch (e) {
    log.error({ rid: c.get('requestId'), error: `audit of refusal failed: ${(e as Error).message}` });
  }
}
