import { describe, expect, it } from 'vitest';
import { Client, q, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { decide, submitted } from '../helpers/flow';
import { approvedViaApi, enrollmentVerified } from '../helpers/money';

async function setUp() {
  const env = testEnv();
  const f = smallCity(env);
  const as = (u: string) => new Client(env).login(u);
  const [city, wuhua, unit, ynou, worker1, worker2, workerP, panlong] = await Promise.all(
    ['city', 'wuhua', 'wuhua-001', 'ynou', 'worker1', 'worker2', 'workerp', 'panlong'].map(as),
  );
  const mine = await approvedViaApi(worker1, f.open.id, [unit, wuhua, city]);
  // worker2 studies at the other institution (昆明理工大学).
  const other = await submitted(worker2, f.open.id, { institutionId: f.kust.id });
  for (const r of [unit, wuhua, city]) expect((await decide(r, other)).status).toBe(200);
  await enrollmentVerified(worker2, city, other);
  const pending = await submitted(workerP, f.open.id);
  return { env, f, city, wuhua, unit, ynou, worker1, worker2, workerP, panlong, mine, other, pending };
}

describe('R15 study checks', () => {
  it('an institution records one check per term for its own funded students; a withdrawn check points to the dropout', async () => {
    const t = await setUp();
    const res = await t.ynou.post('/api/study-checks', {
      applicationId: t.mine,
      term: '2026-autumn',
      state: 'studying',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      applicationId: t.mine,
      term: '2026-autumn',
      state: 'studying',
      next: null,
    });

    // Another institution's student: not in scope.
    const foreign = await t.ynou.post('/api/study-checks', {
      applicationId: t.other,
      term: '2026-autumn',
      state: 'studying',
    });
    expect(foreign.status).toBe(404);
    // Twice for a term: 409 naming the term.
    const twice = await t.ynou.post('/api/study-checks', {
      applicationId: t.mine,
      term: '2026-autumn',
      state: 'warning',
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toContain('2026-autumn');
    // Not funded (still in review): refused by the rule.
    const notFunded = await t.ynou.post('/api/study-checks', {
      applicationId: t.pending,
      term: '2026-autumn',
      state: 'studying',
    });
    expect(notFunded.status).toBe(422);
    expect(notFunded.body.rule).toBe('R15');
    // A malformed term.
    expect(
      (
        await t.ynou.post('/api/study-checks', {
          applicationId: t.mine,
          term: '2026-fall',
          state: 'studying',
        })
      ).status,
    ).toBe(400);

    // The unit union records for its own worker; a withdrawn check only hints at the dropout.
    const w = await t.unit.post('/api/study-checks', {
      applicationId: t.mine,
      term: '2027-spring',
      state: 'withdrawn',
      note: '本人申请退学',
    });
    expect(w.status, JSON.stringify(w.body)).toBe(201);
    expect(w.body.next).toBe('dropout');
    expect((await t.ynou.get(`/api/applications/${t.mine}`)).body.status).toBe('approved');
    // A level-2 union's staff read but do not record; a worker does not record.
    expect(
      (
        await t.wuhua.post('/api/study-checks', {
          applicationId: t.other,
          term: '2026-autumn',
          state: 'studying',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.worker1.post('/api/study-checks', {
          applicationId: t.mine,
          term: '2028-spring',
          state: 'studying',
        })
      ).status,
    ).toBe(403);
    // The institution takes the dropout action itself.
    const drop = await t.ynou.post(`/api/applications/${t.mine}/dropout`, {
      date: '2026-11-20',
      reason: '学业检查：退学',
    });
    expect(drop.status, JSON.stringify(drop.body)).toBe(200);

    // Audited.
    const audited = t.env.db.$client
      .prepare(`select count(*) n from audit_log where resource = 'study-checks' and action = 'create'`)
      .get() as { n: number };
    expect(audited.n).toBe(2);
  });

  it('reads are scoped: a worker sees its own checks, another worker none, an institution only its students', async () => {
    const t = await setUp();
    expect(
      (
        await t.ynou.post('/api/study-checks', {
          applicationId: t.mine,
          term: '2026-autumn',
          state: 'studying',
        })
      ).status,
    ).toBe(201);
    const own = await t.worker1.get('/api/study-checks');
    expect(own.status).toBe(200);
    expect(own.body.map((r: { applicationId: number }) => r.applicationId)).toEqual([t.mine]);
    expect((await t.worker2.get('/api/study-checks')).body).toEqual([]);
    expect((await t.panlong.get('/api/study-checks')).body).toEqual([]);
    const filtered = await t.city.get(
      `/api/study-checks${q({ filter: { term: '2026-autumn', state: 'studying' } })}`,
    );
    expect(filtered.body).toHaveLength(1);
    expect((await t.city.get(`/api/study-checks${q({ filter: { state: 'warning' } })}`)).body).toEqual([]);
    const id = own.body[0].id;
    expect((await t.worker2.get(`/api/study-checks/${id}`)).status).toBe(404);
  });

  it("an institution reads its own students' figures, and the city who is behind on the term's checks", async () => {
    const t = await setUp();
    const before = await t.ynou.get('/api/stats/institution');
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toMatchObject({
      institutionId: t.f.ynou.id,
      term: '2026-autumn',
      byStatus: { approved: 1, process_paid: 0, dropped_out: 0 },
      checksDue: 1,
      dropouts: 0,
      refunds: { count: 0, amountFen: 0 },
    });
    // Nothing of the other institution's student, nor of others' figures.
    expect(JSON.stringify(before.body)).not.toContain('昆明理工大学');
    expect((await t.ynou.get('/api/stats/overview')).status).toBe(403);
    expect((await t.ynou.get('/api/stats/study-checks-due')).status).toBe(403);
    expect((await t.city.get('/api/stats/institution')).status).toBe(403);
    expect((await t.worker1.get('/api/stats/institution')).status).toBe(403);

    const due = await t.city.get('/api/stats/study-checks-due');
    expect(due.status).toBe(200);
    expect(due.body.term).toBe('2026-autumn');
    expect(due.body.unions).toEqual([{ organizationId: t.f.wuhua.id, name: '五华区总工会', due: 2 }]);
    expect(due.body.institutions).toEqual(
      expect.arrayContaining([
        { institutionId: t.f.ynou.id, name: '云南开放大学', due: 1 },
        { institutionId: t.f.kust.id, name: '昆明理工大学', due: 1 },
      ]),
    );

    expect(
      (
        await t.ynou.post('/api/study-checks', {
          applicationId: t.mine,
          term: '2026-autumn',
          state: 'studying',
        })
      ).status,
    ).toBe(201);
    expect((await t.ynou.get('/api/stats/institution')).body.checksDue).toBe(0);
    const after = (await t.city.get('/api/stats/study-checks-due')).body;
    expect(after.institutions).toEqual([{ institutionId: t.f.kust.id, name: '昆明理工大学', due: 1 }]);
    expect(after.unions[0].due).toBe(1);
    // A level-2 union sees only its own subtree.
    expect((await t.panlong.get('/api/stats/study-checks-due')).body.unions).toEqual([]);

    // A dropout with money paid is counted with its refund.
    expect(
      (
        await t.ynou.post(`/api/applications/${t.mine}/dropout`, {
          date: '2026-11-20',
          reason: '学业检查：退学',
        })
      ).status,
    ).toBe(200);
    const dropped = (await t.ynou.get('/api/stats/institution')).body;
    expect(dropped.byStatus).toMatchObject({ approved: 0, dropped_out: 1 });
    expect(dropped.dropouts).toBe(1);
  });
});
