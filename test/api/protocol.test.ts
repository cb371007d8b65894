import { gunzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it } from 'vitest';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

let env: TestEnv;
let city: Client;
beforeEach(async () => {
  env = testEnv();
  smallCity(env);
  city = await new Client(env).login('city');
});

describe('ra-data-simple-rest protocol', () => {
  it('answers a list page with Content-Range and the total', async () => {
    const res = await city.get(`/api/workers${q({ range: [0, 2], sort: ['id', 'ASC'] })}`);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(3);
    expect(res.headers.get('content-range')).toBe('workers 0-2/9');
    expect(res.body.map((w: { id: number }) => w.id)).toEqual([1, 2, 3]);
  });

  it('sorts descending and pages on', async () => {
    const res = await city.get(`/api/workers${q({ range: [2, 4], sort: ['id', 'DESC'] })}`);
    expect(res.body.map((w: { id: number }) => w.id)).toEqual([7, 6, 5]);
    expect(res.headers.get('content-range')).toBe('workers 2-4/9');
  });

  it('filters by equality, by arrays as IN, by q text and by _gte/_lte ranges', async () => {
    const eq = await city.get(`/api/organizations${q({ filter: { kind: 'district' } })}`);
    expect(eq.body.map((o: { name: string }) => o.name).sort()).toEqual(['五华区总工会', '盘龙区总工会']);
    const inn = await city.get(`/api/organizations${q({ filter: { code: ['wuhua', 'direct-001'] } })}`);
    expect(inn.body).toHaveLength(2);
    const text = await city.get(`/api/organizations${q({ filter: { q: '盘龙' } })}`);
    expect(text.body.map((o: { code: string }) => o.code).sort()).toEqual(['panlong', 'panlong-001']);
    const range = await city.get(`/api/rounds${q({ filter: { opensOn_gte: '2020-01-01' } })}`);
    expect(range.body.map((r: { intakeTerm: string }) => r.intakeTerm)).toEqual(['2026-autumn']);
    const range2 = await city.get(`/api/rounds${q({ filter: { opensOn_lte: '2020-01-01' } })}`);
    expect(range2.body.map((r: { intakeTerm: string }) => r.intakeTerm)).toEqual(['2019-autumn']);
  });

  it('answers getMany with every id asked, without a range', async () => {
    const res = await city.get(`/api/workers${q({ filter: { id: [2, 4, 9] } })}`);
    expect(res.body.map((w: { id: number }) => w.id).sort()).toEqual([2, 4, 9]);
  });

  it('refuses names Object inherits (constructor, __proto__, toString) as a sort or a filter field with 400, on every list', async () => {
    for (const resource of ['applications', 'appeals', 'workers', 'payments']) {
      for (const name of ['constructor', 'toString', 'hasOwnProperty', '__proto__']) {
        const filter = await city.get(
          `/api/${resource}?filter=${encodeURIComponent(`{"${name}":{"prototype":{"x":1}}}`)}`,
        );
        expect(filter.status, `${resource} filter ${name}`).toBe(400);
        const sort = await city.get(`/api/${resource}${q({ sort: [name, 'ASC'] })}`);
        expect(sort.status, `${resource} sort ${name}`).toBe(400);
      }
    }
  });

  it('gzips a JSON answer of 1 KB or more when the client accepts it, and leaves a small one as it is', async () => {
    const get = (url: string, gzip: boolean) =>
      env.app.request(url, {
        headers: { cookie: city.cookie, ...(gzip ? { 'accept-encoding': 'gzip, deflate, br' } : {}) },
      });
    const big = await get(`/api/workers${q({ range: [0, 8] })}`, true);
    expect(big.headers.get('content-encoding')).toBe('gzip');
    expect(big.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(big.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await big.arrayBuffer());
    const plain = await get(`/api/workers${q({ range: [0, 8] })}`, false);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(1024);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);
    const small = await get('/api/auth/me', true);
    expect(small.headers.get('content-encoding')).toBeNull();
    const body = await small.text();
    expect(small.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
    expect(JSON.parse(body).username).toBe('city');
  });

  it('clamps a page to 500 records', async () => {
    const res = await city.get(`/api/audit-log${q({ range: [0, 100000] })}`);
    expect(res.status).toBe(200);
    const [, span] = res.headers.get('content-range')!.split(' ');
    const [from, to] = span.split('/')[0].split('-').map(Number);
    expect(to - from + 1).toBeLessThanOrEqual(500);
  });

  it.each([
    ['sort on an unknown field', { sort: ['password', 'ASC'] }],
    ['sort that is not a pair', { sort: 'name' }],
    ['a negative range', { range: [-1, 5] }],
    ['a reversed range', { range: [9, 2] }],
    ['a filter on an unknown field', { filter: { passwordHash: 'x' } }],
    ['a filter that is an array', { filter: [1, 2] }],
    ['a nested filter value', { filter: { name: { $gt: 1 } } }],
  ])('answers 400, never 500, for %s', async (_name, query) => {
    const res = await city.get(`/api/workers${q(query)}`);
    expect(res.status).toBe(400);
    expect(res.body.message).toBeTruthy();
  });

  it('answers 400 for malformed JSON in the query', async () => {
    const res = await city.get('/api/workers?filter={nope');
    expect(res.status).toBe(400);
    expect(res.body.errors.filter).toBeTruthy();
  });

  it('answers 404 for an absent record and an unknown route', async () => {
    expect((await city.get('/api/workers/99999')).status).toBe(404);
    expect((await city.get('/api/nothing-here')).status).toBe(404);
  });

  it('refuses generic writes on action-only resources with 405', async () => {
    expect((await city.post('/api/payments', { amountFen: 1 })).status).toBe(405);
    expect((await city.put('/api/reviews/1', {})).status).toBe(405);
    expect((await city.del('/api/audit-log/1')).status).toBe(405);
  });

  it('answers DELETE with the deleted record', async () => {
    const created = await city.post('/api/institutions', {
      name: '测试学院',
      code: 'test-college',
      reductionPolicy: '无',
      active: true,
    });
    expect(created.status).toBe(201);
    const del = await city.del(`/api/institutions/${created.body.id}`);
    expect(del.status).toBe(200);
    expect(del.body.name).toBe('测试学院');
    expect((await city.get(`/api/institutions/${created.body.id}`)).status).toBe(404);
  });
});

describe('validation errors name the field', () => {
  it('checks the resident ID check digit, the phone and the card (Luhn)', async () => {
    const res = await city.post('/api/workers', {
      name: '张三',
      idNumber: '530102199001011235',
      phone: '12345',
      organizationId: 4,
      bankCard: '6217000000000000001',
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors).sort()).toEqual(['bankCard', 'idNumber', 'phone']);
    expect(res.body.errors.idNumber).toContain('身份证');
  });

  it('accepts a valid worker and never returns the plain ID or card number', async () => {
    const res = await city.post('/api/workers', {
      name: '张三',
      idNumber: '11010519491231002X',
      phone: '13812345678',
      organizationId: 4,
      bankCard: '6217000000000000004',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('11010519491231002X');
    expect(text).not.toContain('6217000000000000004');
    expect(res.body.idNumberMasked).toBe('11************002X');
    expect(res.body.birthYear).toBe(1949);
    expect(res.body).not.toHaveProperty('birthDate');
  });

  it('refuses a second worker with the same resident ID (409)', async () => {
    const body = { name: '李四', idNumber: '11010519491231002X', phone: '13812345678', organizationId: 4 };
    expect((await city.post('/api/workers', body)).status).toBe(201);
    expect((await city.post('/api/workers', body)).status).toBe(409);
  });

  it('names the field of a round whose window is reversed', async () => {
    const res = await city.post('/api/rounds', {
      name: '测试',
      intakeTerm: '2030-spring',
      opensOn: '2030-05-31',
      closesOn: '2030-05-01',
      intakeFrom: '2030-03-01',
      intakeTo: '2030-07-31',
      processAmountFen: 50000,
      resultAmountFen: 100000,
      plannedPlaces: 10,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.closesOn).toBeTruthy();
  });
});
