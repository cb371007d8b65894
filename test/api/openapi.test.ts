import { beforeAll, describe, expect, it } from 'vitest';
import { Client, testEnv, type TestEnv } from '../helpers/app';

let env: TestEnv;
let doc: any;
beforeAll(async () => {
  env = testEnv();
  const res = await new Client(env).get('/api/openapi.json');
  expect(res.status).toBe(200);
  doc = res.body;
});

/** Hono's `/:id{[0-9]+}/pay` as OpenAPI's `/{id}/pay`. */
const openApiPath = (path: string) => path.replace(/:(\w+)(\{[^/]*\})?/g, '{$1}');

/** Every `$ref` in `node`, wherever it sits. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and open without a session', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
  });

  it('describes every method and path the app serves under /api', () => {
    const served = env.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${openApiPath(r.path)}`);
    expect(served.length).toBeGreaterThan(80);
    const missing = [...new Set(served)].filter((route) => {
      const [method, path] = route.split(' ');
      return !doc.paths[path]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
  });

  it('answers each operation with a success or a refusal, and every reference resolves', () => {
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const codes = Object.keys(op.responses);
        expect(
          codes.some((c) => /^2/.test(c) || c === '405'),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    for (const ref of new Set(refs(doc))) {
      const [, section, name] = /^#\/components\/(\w+)\/(.+)$/.exec(ref) ?? [];
      expect(doc.components[section]?.[name], ref).toBeDefined();
    }
  });

  it('gives the error shape {message, errors?, rule?} for the refusals', () => {
    expect(doc.components.schemas.Error.required).toEqual(['message']);
    expect(Object.keys(doc.components.schemas.Error.properties).sort()).toEqual([
      'errors',
      'message',
      'rule',
    ]);
    const pay = doc.paths['/api/payments/{id}/pay'].post;
    for (const code of ['400', '401', '403', '404', '409', '422'])
      expect(pay.responses[code].$ref, code).toMatch(/^#\/components\/responses\//);
    expect(doc.paths['/api/documents'].post.responses['413']).toBeDefined();
    // Sign-in and health need no session, so they never answer 401 for the lack of one.
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/health'].get.responses['401']).toBeUndefined();
  });

  it('takes request bodies from the zod schemas the routes validate with', () => {
    const pay = doc.paths['/api/payments/{id}/pay'].post.requestBody.content['application/json'].schema;
    expect(pay.required).toEqual(['reference']);
    expect(pay.properties.reference).toMatchObject({ type: 'string', minLength: 1, maxLength: 60 });
    const create = doc.paths['/api/applications'].post.requestBody.content['application/json'].schema;
    expect(create.required).toEqual(['roundId']);
    expect(create.properties.educationLevel).toBeDefined();
    const review = doc.paths['/api/applications/{id}/review'].post.requestBody.content['application/json'];
    expect(review.schema.properties.decision.enum).toEqual(['approve', 'reject', 'return']);
    const upload = doc.paths['/api/documents'].post.requestBody.content['multipart/form-data'].schema;
    expect(upload.required).toEqual(['applicationId', 'kind', 'file']);
    const bankFile = doc.paths['/api/payments/bank-file'].get.parameters.map((p: any) => p.name);
    expect(bankFile.sort()).toEqual(['roundId', 'stage']);
  });

  it('describes lists with sort, range and filter and the Content-Range header', () => {
    const list = doc.paths['/api/applications'].get;
    expect(list.parameters.map((p: any) => p.$ref)).toEqual([
      '#/components/parameters/Sort',
      '#/components/parameters/Range',
      '#/components/parameters/Filter',
    ]);
    expect(list.responses['200'].headers['Content-Range']).toBeDefined();
    expect(list.responses['200'].content['application/json'].schema.items.$ref).toBe(
      '#/components/schemas/Application',
    );
    const record = doc.components.schemas.Application;
    expect(record.properties.status.enum).toContain('submitted');
    // Secrets never leave the server, so the document shows none.
    expect(Object.keys(doc.components.schemas.User.properties)).not.toContain('passwordHash');
    expect(Object.keys(doc.components.schemas.Worker.properties).some((k) => k.endsWith('Enc'))).toBe(false);
  });

  it('marks money actions as taking an Idempotency-Key', () => {
    const refsOf = (op: any) => op.parameters.map((p: any) => p.$ref);
    expect(refsOf(doc.paths['/api/allocations/{id}/transfer'].post)).toContain(
      '#/components/parameters/IdempotencyKey',
    );
    expect(refsOf(doc.paths['/api/applications/{id}/submit'].post)).not.toContain(
      '#/components/parameters/IdempotencyKey',
    );
  });
});

describe('the API reference page', () => {
  it('answers HTML that loads only scripts of its own origin, under the same CSP as the app', async () => {
    const res = await env.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, inline] of scripts) {
      const src = /\bsrc="([^"]+)"/.exec(attrs)?.[1];
      expect(src, attrs).toMatch(/^\/(?!\/)/);
      expect(inline.trim(), 'no inline script').toBe('');
    }
    expect(html).not.toMatch(/https?:\/\//);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(/script-src ([^;]*)/.exec(csp)?.[1].trim()).toBe("'self'");
  });

  it("serves the viewer's script from the installed package, and the script that starts it", async () => {
    const scalar = await env.app.request('/api-docs/scalar.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(scalar.status).toBe(200);
    expect(scalar.headers.get('content-type')).toMatch(/javascript/);
    expect(scalar.headers.get('content-encoding')).toBe('gzip');
    const init = await (await env.app.request('/api-docs/init.js')).text();
    expect(init).toContain("Scalar.createApiReference('#app'");
    expect(init).toContain('"url":"/api/openapi.json"');
  });
});
