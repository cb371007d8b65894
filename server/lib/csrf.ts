import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context';
import { ApiError } from './errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must come from our own origin. Browsers send Sec-Fetch-Site and Origin;
 * a request with neither (curl, tests, server-to-server) carries no ambient browser credentials
 * risk beyond its own cookie, so it passes.
 */
export const sameOriginOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE.has(c.req.method)) {
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (site && site !== 'same-origin' && site !== 'none') throw new ApiError(403, '跨站请求被拒绝');
    const expected = c.get('deps')?.publicOrigin;
    if (origin && origin !== 'null') {
      let parsed: URL | null = null;
      try {
        parsed = new URL(origin);
      } catch {
        /* malformed origin */
      }
      // Behind a proxy the Host header is the proxy's business: the configured origin is the truth
      // (OWASP ASVS 5.0 V3.5.1); without one, the origin must name the host asked.
      if (expected ? parsed?.origin !== expected : parsed?.host !== host)
        throw new ApiError(403, '跨站请求被拒绝');
    } else if (origin === 'null') {
      throw new ApiError(403, '跨站请求被拒绝');
    }
  }
  await next();
};
