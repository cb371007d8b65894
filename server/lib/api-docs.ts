import fs from 'node:fs';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import type { AppEnv } from './context';
import { describe, json, openApiDocument } from './openapi';

/**
 * `GET /api/openapi.json` and a browsable reference at `GET /api/docs` (Scalar). The reference's
 * script comes from the pinned `@scalar/api-reference` package and is served from here, never from a
 * CDN: the page keeps the app's `script-src 'self'`, and works where only our own server is reachable.
 * Open without a session, like the sign-in: they describe the API, they hold no data.
 */
export const DOCS_PATHS = ['/api/openapi.json', '/api/docs'];
/** The page's two scripts are static files, like the panel's: served beside the API, not in it. */
const ASSETS = '/api-docs';

const SCALAR = '@scalar/api-reference/browser/standalone.js';

/** The standalone bundle, gzipped once (3.5 MB → ~1 MB); null when the package is not installed. */
let bundle: { raw: Uint8Array<ArrayBuffer>; gzip: Uint8Array<ArrayBuffer> } | null | undefined;
function scalarBundle() {
  if (bundle === undefined) {
    try {
      const raw = new Uint8Array(fs.readFileSync(createRequire(import.meta.url).resolve(SCALAR)));
      bundle = { raw, gzip: new Uint8Array(gzipSync(raw)) };
    } catch {
      bundle = null;
    }
  }
  return bundle;
}

const CONFIG = {
  url: '/api/openapi.json',
  // Nothing fetched from elsewhere: system fonts, no telemetry, no hosted assistant.
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: 'never',
  defaultOpenAllTags: false,
};

const page = (available: boolean) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>学历提升资助 API</title>
  </head>
  <body>
    ${
      available
        ? `<div id="app"></div>\n    <script src="${ASSETS}/scalar.js"></script>\n    <script src="${ASSETS}/init.js"></script>`
        : '<p>The API reference viewer is not installed here (<code>npm install</code>). ' +
          'The OpenAPI document is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>'
    }
  </body>
</html>
`;

/** Routes for the document of `root`, generated from its routes on the first request and kept. */
export function docsRoutes(root: Hono<AppEnv>): Hono<AppEnv> {
  let doc: ReturnType<typeof openApiDocument> | undefined;
  const app = new Hono<AppEnv>();

  app.get(
    '/openapi.json',
    describe({
      tags: ['system'],
      summary: 'This document (OpenAPI 3.1), generated from the zod schemas the routes validate with',
      open: true,
      responses: { 200: json('The OpenAPI document', { type: 'object' }) },
    }),
    async (c) => c.json(await (doc ??= openApiDocument(root))),
  );

  app.get(
    '/docs',
    describe({
      tags: ['system'],
      summary: 'The API reference, to browse',
      open: true,
      responses: {
        200: { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } },
      },
    }),
    (c) => c.html(page(scalarBundle() !== null)),
  );

  return app;
}

/** `/api-docs/scalar.js`, the viewer (gzipped once, not per request), and `/api-docs/init.js`, which starts it. */
export function docsAssets(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get(`${ASSETS}/scalar.js`, (c) => {
    const b = scalarBundle();
    if (!b) return c.json({ message: '接口文档组件未安装' }, 404);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Vary', 'Accept-Encoding');
    if (!/\bgzip\b/i.test(c.req.header('accept-encoding') ?? '')) return c.body(b.raw);
    c.header('Content-Encoding', 'gzip');
    return c.body(b.gzip);
  });

  app.get(`${ASSETS}/init.js`, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(`Scalar.createApiReference('#app', ${JSON.stringify(CONFIG)});\n`);
  });
  return app;
}
