import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildWorld,
  fingerprint,
  instance,
  ROLES,
  type FuzzInstance,
  type FuzzWorld,
  type Role,
} from './fuzz-fixture';
import { countFiles } from './helpers';

/**
 * Hostile input: generated bodies, query strings and headers at every route as every role. Whatever
 * comes in: no 5xx, no stack trace, no secret, nothing from another scope, and a refused request
 * changes nothing (database and documents folder). `FUZZ_RUNS` sets the random requests: 400 here,
 * about a minute on a loaded two-core machine; the full run is `npm run test:fuzz`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

let world: FuzzWorld;
let inst: FuzzInstance;
let routes: { method: string; path: string }[];
const stats = { requests: 0, byStatus: {} as Record<string, number>, rebuilt: 0, accepted: 0 };

beforeAll(async () => {
  world = await buildWorld();
  inst = instance(world);
  const seen = new Set<string>();
  routes = inst.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
    .filter((r) => !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`))
    .map((r) => ({ method: r.method, path: r.path }));
}, 300_000);

afterAll(() => {
  inst?.db.$client.close();
  for (const dir of [inst?.dataDir, world?.templateDir])
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  console.log(
    `fuzz: ${stats.requests} requests, ${routes.length} routes × ${ROLES.length} roles; statuses ${JSON.stringify(stats.byStatus)}; ${stats.accepted} accepted writes (world rebuilt ${stats.rebuilt}×)`,
  );
});

// ── generators ──
const FRAGMENTS = [
  "' OR '1'='1",
  '1; DROP TABLE applications; --',
  '" OR 1=1 --',
  "') OR ('a'='a",
  'id) OR (1=1',
  '1 UNION SELECT password_hash FROM users',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '\u0000',
  '%00',
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '☃',
  '\ud800',
  '𝕏'.repeat(40),
  'SELECT * FROM users',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '\n\r',
  'null',
  'true',
  '[]',
  '{}',
  '2019-02-30',
  '9999-99-99',
  'approve',
  'reject',
  'process',
  'result',
  'city_admin',
  'associate',
  'id_card',
  '1',
  '-1',
  '0',
  '9007199254740993',
];
const hostileString = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 2 },
  { arbitrary: fc.constantFrom(...FRAGMENTS), weight: 4 },
  { arbitrary: fc.integer({ min: 1_000, max: 40_000 }).map((n) => 'A'.repeat(n)), weight: 1 },
);
const deep = fc
  .tuple(fc.integer({ min: 20, max: 5000 }), fc.boolean())
  .map(([n, arr]) => (arr ? '['.repeat(n) + ']'.repeat(n) : '{"a":'.repeat(n) + '1' + '}'.repeat(n)));
const json = fc.jsonValue({ maxDepth: 4 });
const scalar = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(0, -1, 2 ** 53 + 1, 1e308, -1e308, 0.5, 1, 2, 3),
);
const FIELDS = [
  'roundId',
  'workerId',
  'institutionId',
  'educationLevel',
  'major',
  'studyMode',
  'enrolledOn',
  'decision',
  'comment',
  'ids',
  'delta',
  'reason',
  'reference',
  'date',
  'documentId',
  'organizationId',
  'stage',
  'applicationIds',
  'report',
  'response',
  'upheld',
  'subject',
  'content',
  'name',
  'idNumber',
  'phone',
  'username',
  'password',
  'newPassword',
  'currentPassword',
  'role',
  'places',
  'kind',
  'cardUnchanged',
  'note',
  'applicationId',
  'status',
  'amountFen',
  'id',
  'level',
  'parentId',
  'duesPaid',
  'opensOn',
  'closesOn',
  'processAmountFen',
  'resultAmountFen',
  'plannedPlaces',
  'graduationDeadline',
  'intakeTerm',
  'bankCard',
  'benefitCard',
  'isUnionMember',
  'isFrontline',
  'displayName',
  'active',
  'mode',
  'startsOn',
  'endsOn',
  'stages',
  'agentOrganizationId',
  'agreementNo',
  'reductionPolicy',
  'code',
  'jobTitle',
  'mustChangePassword',
  'passwordHash',
  'workerId',
  '__proto__',
  'constructor',
];
const shaped = fc.dictionary(
  fc.constantFrom(...FIELDS),
  fc.oneof(scalar, fc.array(scalar, { maxLength: 4 }), json),
  { maxKeys: 8 },
);

type Body =
  | { kind: 'json' | 'text'; text: string; ct?: string }
  | { kind: 'bytes'; bytes: Uint8Array; ct: string }
  | { kind: 'none' }
  | { kind: 'multipart'; fields: [string, string][]; file?: Uint8Array; fileName?: string };
const body: fc.Arbitrary<Body> = fc.oneof(
  { arbitrary: shaped.map((o) => ({ kind: 'json' as const, text: JSON.stringify(o) })), weight: 6 },
  { arbitrary: json.map((v) => ({ kind: 'json' as const, text: JSON.stringify(v) })), weight: 2 },
  { arbitrary: deep.map((t) => ({ kind: 'json' as const, text: t })), weight: 1 },
  { arbitrary: hostileString.map((t) => ({ kind: 'json' as const, text: t })), weight: 1 },
  {
    arbitrary: fc
      .tuple(
        hostileString,
        fc.constantFrom(
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/xml',
          'application/json; charset=utf-16',
        ),
      )
      .map(([t, ct]) => ({ kind: 'text' as const, text: t, ct })),
    weight: 1,
  },
  {
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 300 })
      .map((b) => ({ kind: 'bytes' as const, bytes: b, ct: 'application/json' })),
    weight: 1,
  },
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  {
    arbitrary: fc
      .record({
        fields: fc.array(
          fc.tuple(fc.constantFrom('applicationId', 'kind', 'file', 'x', '__proto__'), hostileString),
          { maxLength: 4 },
        ),
        file: fc.option(fc.uint8Array({ maxLength: 400 }), { nil: undefined }),
        fileName: fc.option(hostileString, { nil: undefined }),
      })
      .map((m) => ({ kind: 'multipart' as const, ...m })),
    weight: 2,
  },
);
const queryValue = fc.oneof(
  json.map((v) => JSON.stringify(v)),
  hostileString,
  deep,
  fc.constantFrom(
    '["id","ASC"]',
    '["submittedAt","DESC"]',
    '[0,24]',
    '{"id":[1,2,3]}',
    '["id","DROP"]',
    '["id; drop table users","ASC"]',
    '[-1,5]',
    '[0,1e20]',
    '[5,1]',
    '[0,9007199254740993]',
    '{"q":"%"}',
    '{"q":"\'"}',
    '{"status":["approved",{"$ne":1}]}',
    '{"id":{"$gt":0}}',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"roundId_gte":"a","places_lte":[1]}',
    '{"waitingStep":"1 or 1=1"}',
    '{"lapsingWithinDays":1e9}',
    '{"organizationId":[1,2,3,4,5,6,7,8,9,10]}',
    '{"level2Id":2}',
  ),
);
/** Percent-encoding that survives lone surrogates (encodeURIComponent throws on them). */
const encode = (v: string) => {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
};
const query = fc
  .tuple(
    fc.dictionary(
      fc.constantFrom(
        'sort',
        'range',
        'filter',
        'roundId',
        'stage',
        'organizationId',
        'q',
        'page',
        'id',
        '__proto__',
      ),
      queryValue,
      { maxKeys: 4 },
    ),
    fc.constantFrom('encoded', 'encoded', 'encoded', 'raw'),
    fc.option(fc.constantFrom('%ff%fe', '%E0%A4%A', '%', '%c0%af', '%ed%a0%80', '%00', '&&&=', '=x'), {
      nil: undefined,
    }),
  )
  .map(([dict, mode, junk]) => {
    const parts = Object.entries(dict).map(
      ([k, v]) => `${k}=${mode === 'raw' ? v.replace(/[#\s]/g, '') : encode(v)}`,
    );
    if (junk) parts.push(`filter=${junk}`);
    return parts.length ? `?${parts.join('&')}` : '';
  });
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 300);
/** Present in about one request in five: an odd header tests the door, the rest must reach the handlers. */
const sometimes = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: a, weight: 1 });
const headers = fc.record({
  idempotencyKey: sometimes(hostileString.map(headerSafe)),
  requestId: sometimes(hostileString.map(headerSafe)),
  origin: sometimes(fc.constantFrom('http://evil.example', 'null', 'http://localhost', 'not a url')),
  fetchSite: sometimes(fc.constantFrom('cross-site', 'same-site', 'same-origin', 'none')),
  badCookie: sometimes(
    fc.constantFrom('sid=', 'sid=x', `sid=${'A'.repeat(4000)}`, 'sid=../../', 'sid="quoted"'),
  ),
});

interface Req {
  role: Role;
  method: string;
  path: string;
  query: string;
  body: Body;
  h: Record<string, string>;
}

function idFor(p: string, pick: number): string {
  const table = p.split('/')[2]?.replace('-', '_') ?? '';
  const ids = world.ids[table === 'audit_log' ? 'audit_log' : table] ?? world.ids.applications;
  return String(ids.length ? ids[pick % ids.length] : pick);
}

// The roles that may do most, more often: a refusal at the door tests less than a handler.
const role = fc.oneof(
  { arbitrary: fc.constantFrom(...ROLES), weight: 3 },
  { arbitrary: fc.constantFrom<Role>('city', 'wuhua', 'unit1', 'worker1', 'ynou', 'school'), weight: 2 },
);

const request = fc
  .record({
    role,
    route: fc.nat(10_000),
    id: fc.oneof(
      { arbitrary: fc.nat(1000).map((n) => ({ pick: n })), weight: 5 },
      {
        arbitrary: fc
          .constantFrom(
            '0',
            '00001',
            '9007199254740993',
            '99999999999999999999999',
            '1e3',
            '-1',
            '1.5',
            '%31',
            'abc',
          )
          .map((raw) => ({ raw })),
        weight: 1,
      },
    ),
    query,
    body,
    headers,
  })
  .map(({ role, route, id, query: qs, body: b, headers: hh }): Req => {
    const r = routes[route % routes.length];
    const p = r.path.replace(/:id\{[^}]*\}/, 'pick' in id ? idFor(r.path, id.pick) : id.raw);
    const h: Record<string, string> = {};
    if (hh.idempotencyKey !== undefined) h['idempotency-key'] = hh.idempotencyKey;
    if (hh.requestId !== undefined) h['x-request-id'] = hh.requestId;
    if (hh.origin) h.origin = hh.origin;
    if (hh.fetchSite) h['sec-fetch-site'] = hh.fetchSite;
    if (hh.badCookie && role === 'anon') h.cookie = hh.badCookie;
    return { role, method: r.method, path: p, query: qs, body: b, h };
  });

// ── the oracle ──
function init(r: Req): RequestInit {
  const h: Record<string, string> = { ...r.h };
  if (r.role !== 'anon') h.cookie = `sid=${world.tokens[r.role]}`;
  let payload: BodyInit | undefined;
  if (r.method !== 'GET' && r.method !== 'HEAD') {
    const b = r.body;
    if (b.kind === 'json') {
      payload = b.text;
      h['content-type'] = 'application/json';
    } else if (b.kind === 'text') {
      payload = b.text;
      h['content-type'] = b.ct!;
    } else if (b.kind === 'bytes') {
      payload = b.bytes as unknown as BodyInit;
      h['content-type'] = b.ct;
    } else if (b.kind === 'multipart') {
      const form = new FormData();
      for (const [k, v] of b.fields) form.append(k, v);
      if (b.file) form.append('file', new File([b.file as unknown as BlobPart], b.fileName ?? 'scan.pdf'));
      payload = form;
    }
  }
  return { method: r.method, headers: h, body: payload };
}

const STACK = /\n\s+at |node_modules|\/work\/|\.ts:\d+|"stack"/;
const SECRET = /scrypt\$|"passwordHash"|"tokenHash"|Enc"\s*:|v1:[A-Za-z0-9+/]{8,}={0,2}:[A-Za-z0-9+/]{8,}/;

async function send(r: Req): Promise<void> {
  const before = fingerprint(inst);
  const files = countFiles(path.join(inst.dataDir, 'documents'));
  const res = await inst.app.request(r.path + r.query, init(r));
  const text = Buffer.from(await res.arrayBuffer()).toString('utf8');
  stats.requests++;
  stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
  const what = `${r.role} ${r.method} ${r.path}${r.query.slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  expect(text, `stack trace: ${what}`).not.toMatch(STACK);
  expect(text, `secret: ${what}`).not.toMatch(SECRET);
  const revealed = /\/workers\/(\d+)\/reveal$/.exec(r.path);
  for (const s of world.secrets) {
    if (revealed && res.status === 200 && s === world.workerIdNumber.get(Number(revealed[1]))) continue;
    expect(text.includes(s), `full ID or card number in: ${what}`).toBe(false);
  }
  for (const token of world.forbidden[r.role])
    expect(text.includes(token), `${token} is out of ${r.role}'s scope: ${what}`).toBe(false);
  expect(({} as Record<string, unknown>).x, 'Object.prototype polluted').toBeUndefined();
  const after = fingerprint(inst);
  if (res.status >= 200 && res.status < 300) {
    if (after !== before || r.method !== 'GET') {
      stats.accepted++;
      stats.rebuilt++;
      inst.db.$client.close();
      fs.rmSync(inst.dataDir, { recursive: true, force: true });
      inst = instance(world);
    }
    return;
  }
  expect(after, `a refused request changed the database: ${what}`).toBe(before);
  expect(countFiles(path.join(inst.dataDir, 'documents')), `a refused request stored a file: ${what}`).toBe(
    files,
  );
}

describe('hostile input at every route as every role', () => {
  it('every route × role with a typical body: no 5xx, no leak, no change when refused', async () => {
    for (const rt of routes) {
      for (const role of ROLES) {
        const b: Body = {
          kind: 'json',
          text: '{"decision":"approve","comment":"","reference":"X","reason":"测试原因","roundId":1,"delta":1}',
        };
        await send({
          role,
          method: rt.method,
          path: rt.path.replace(/:id\{[^}]*\}/, idFor(rt.path, 1)),
          query: '',
          body: b,
          h: {},
        });
      }
    }
  }, 600_000);

  it(
    `${RUNS} generated requests: bodies, query strings and headers`,
    async () => {
      await fc.assert(fc.asyncProperty(request, send), { numRuns: RUNS, endOnFailure: true });
    },
    Math.max(600_000, RUNS * 500),
  );
});

describe('the fuzz world itself', () => {
  it('plants sentinels that are really out of scope for someone', () => {
    expect(world.forbidden.worker1.length).toBeGreaterThan(5);
    expect(world.forbidden.city.length).toBeLessThan(world.forbidden.wuhua.length);
    expect(fs.existsSync(path.join(world.templateDir, 'documents'))).toBe(true);
  });
});
