import { beforeEach, describe, expect, it } from 'vitest';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { makeIdNumber, smallCity } from '../helpers/fixtures';
import { decide, draftWithDocuments, submitted, upload } from '../helpers/flow';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
let worker1: Client, unit: Client, wuhua: Client, city: Client, direct: Client;

beforeEach(async () => {
  env = testEnv();
  f = smallCity(env);
  [worker1, unit, wuhua, city, direct] = await Promise.all(
    ['worker1', 'wuhua-001', 'wuhua', 'city', 'direct-001'].map((u) => new Client(env).login(u)),
  );
});

const status = async (id: number) => (await city.get(`/api/applications/${id}`)).body.status;

describe('applying', () => {
  it('a worker applies in the open round and three levels approve it (R13)', async () => {
    const id = await submitted(worker1, f.open.id);
    const app = (await worker1.get(`/api/applications/${id}`)).body;
    expect(app.status).toBe('submitted');
    expect(app.submittedAt).toBe(env.clock.now().toISOString());
    expect((await decide(unit, id)).body.status).toBe('unit_approved');
    expect((await decide(wuhua, id)).body.status).toBe('org_approved');
    expect((await decide(city, id)).body.status).toBe('approved');
    const tl = (await worker1.get(`/api/applications/${id}/timeline`)).body;
    const steps = tl.entries.filter((e: { decision?: string }) => e.decision);
    expect(steps.map((e: { event: string; step: number }) => [e.event, e.step])).toEqual([
      ['review', 1],
      ['review', 2],
      ['review', 3],
    ]);
    // R14: who decided, as a role and the organisation's name; a worker sees no clerk
    expect(steps.map((e: { by: object }) => e.by)).toEqual([
      { role: 'union', id: f.unit1.id, name: '五华区一号公司工会' },
      { role: 'union', id: f.wuhua.id, name: '五华区总工会' },
      { role: 'city', id: f.city.id, name: '昆明市总工会' },
    ]);
    // R2/R12: the money waits for the enrollment verification report, and the worker is told so
    expect(tl.next).toEqual({ code: 'uploadReport' });
  });

  it("R13: a direct union's application takes two steps", async () => {
    const workerD = await new Client(env).login('workerd');
    const id = await submitted(workerD, f.open.id);
    expect((await decide(direct, id)).body).toMatchObject({ status: 'unit_approved', currentStep: 3 });
    expect((await decide(wuhua, id)).status).toBe(404);
    expect((await decide(city, id)).body.status).toBe('approved');
  });

  it('R12: submit names the missing documents (422)', async () => {
    const res = await worker1.post('/api/applications', {
      roundId: f.open.id,
      institutionId: f.ynou.id,
      educationLevel: 'associate',
      major: '会计',
      enrolledOn: '2026-09-01',
    });
    await upload(worker1, res.body.id, 'id_card');
    const sub = await worker1.post(`/api/applications/${res.body.id}/submit`);
    expect(sub.status).toBe(422);
    expect(sub.body.rule).toBe('R12');
    expect(sub.body.errors.documents).toContain('申请表');
  });

  it('R11: a draft cannot be made outside the window, nor submitted once it closed', async () => {
    const past = await worker1.post('/api/applications', { roundId: f.past.id });
    expect(past.status).toBe(422);
    expect(past.body.rule).toBe('R11');
    const id = await draftWithDocuments(worker1, f.open.id);
    env.clock.advance(25 * 86_400_000);
    await worker1.login('worker1'); // sessions idle out after 30 minutes
    const sub = await worker1.post(`/api/applications/${id}/submit`);
    expect(sub.status).toBe(422);
    expect(sub.body.rule).toBe('R11');
  });

  it('R9a: a unit that pays no dues cannot have its workers submit', async () => {
    const noDues = await unitAdminFor(f.unit2.id);
    const res = await noDues.post('/api/applications', {
      roundId: f.open.id,
      workerId: f.workerNoDues.id,
      institutionId: 1,
      educationLevel: 'bachelor',
      major: '土木工程',
      enrolledOn: '2026-09-01',
    });
    for (const k of ['application_form', 'id_card', 'admission_notice', 'tuition_receipt'])
      await upload(noDues, res.body.id, k);
    const sub = await noDues.post(`/api/applications/${res.body.id}/submit`);
    expect(sub.status).toBe(422);
    expect(sub.body.rule).toBe('R9a');
  });

  it('R9b: a worker attested above workshop head is refused at the unit recommendation, naming the field', async () => {
    env.db.$client.prepare('update workers set is_frontline = 0 where id = ?').run(f.workers[0].id);
    const id = await submitted(worker1, f.open.id);
    const rec = await decide(unit, id, 'approve');
    expect(rec.status).toBe(422);
    expect(rec.body).toMatchObject({ rule: 'R9b', errors: { 'attest.frontline': expect.any(String) } });
  });

  it('R9a/R9b: a worker registered through the API is unattested: step 1 refuses until the unit attests', async () => {
    const made = await unit.post('/api/workers', {
      name: '王副总',
      idNumber: makeIdNumber(777),
      phone: '13900000777',
      organizationId: f.unit1.id,
      jobTitle: '副总经理',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ isUnionMember: false, isFrontline: false });
    const id = await submitted(unit, f.open.id, { workerId: made.body.id });
    const bare = await decide(unit, id, 'approve');
    expect(bare.status).toBe(422);
    expect(bare.body.rule).toBe('R9a');
    expect(Object.keys(bare.body.errors).sort()).toEqual(['attest.frontline', 'attest.member']);
    expect(made.body.seniorTitle).toBe(true);
    // R9b: a post above 科室主任 attested front-line needs the unit's reason
    const noReason = await unit.post(`/api/applications/${id}/review`, {
      decision: 'approve',
      comment: '',
      attest: { member: true, frontline: true },
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body).toMatchObject({ rule: 'R9b', errors: { 'attest.comment': expect.any(String) } });
    const attested = await unit.post(`/api/applications/${id}/review`, {
      decision: 'approve',
      comment: '',
      attest: { member: true, frontline: true, comment: '名为副总，实为车间带班' },
    });
    expect(attested.status, JSON.stringify(attested.body)).toBe(200);
    const w = await unit.get(`/api/workers/${made.body.id}`);
    expect(w.body).toMatchObject({
      isUnionMember: true,
      isFrontline: true,
      attestationComment: '名为副总，实为车间带班',
    });
    expect(w.body.attestedAt).toBeTruthy();
  });

  it('R9e: one application per worker and education level, ever', async () => {
    await submitted(worker1, f.open.id);
    const again = await worker1.post('/api/applications', {
      roundId: f.open.id,
      educationLevel: 'associate',
    });
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('R9e');
    const bachelor = await worker1.post('/api/applications', {
      roundId: f.open.id,
      educationLevel: 'bachelor',
    });
    expect(bachelor.status).toBe(201);
  });

  it('R9e: a withdrawn application frees the level', async () => {
    const id = await submitted(worker1, f.open.id);
    expect((await worker1.post(`/api/applications/${id}/withdraw`)).body.status).toBe('withdrawn');
    expect(
      (await worker1.post('/api/applications', { roundId: f.open.id, educationLevel: 'associate' })).status,
    ).toBe(201);
  });

  it('submittedAt is set once by the server: a returned application keeps its place', async () => {
    const id = await submitted(worker1, f.open.id, { submittedAt: '2000-01-01T00:00:00Z' });
    const first = (await city.get(`/api/applications/${id}`)).body.submittedAt;
    expect(first).toBe(env.clock.now().toISOString());
    env.clock.advance(20 * 60_000);
    expect((await decide(unit, id, 'return', '缴费凭证不清晰')).body.status).toBe('returned');
    expect((await worker1.put(`/api/applications/${id}`, { major: '机械设计' })).status).toBe(200);
    const again = await worker1.post(`/api/applications/${id}/submit`);
    expect(again.body).toMatchObject({ status: 'submitted', submittedAt: first, currentStep: 1 });
  });

  it('a generic update cannot set the status, the worker or the union (mass assignment)', async () => {
    const id = await draftWithDocuments(worker1, f.open.id);
    const res = await worker1.put(`/api/applications/${id}`, {
      status: 'approved',
      workerId: 99,
      organizationId: 1,
      level2Id: 1,
      major: '电气',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'draft',
      workerId: f.workers[0].id,
      organizationId: f.unit1.id,
      major: '电气',
    });
  });
});

describe('review', () => {
  it('R13: reject and return need a comment', async () => {
    const id = await submitted(worker1, f.open.id);
    const res = await decide(unit, id, 'reject', '  ');
    expect(res.status).toBe(400);
    expect(res.body.errors.comment).toBeTruthy();
  });

  it('Lifecycle: a reviewer acts once per step; the wrong step answers 409', async () => {
    const id = await submitted(worker1, f.open.id);
    expect((await decide(wuhua, id)).status).toBe(409);
    expect((await decide(unit, id)).status).toBe(200);
    expect((await decide(unit, id)).status).toBe(409);
    expect((await decide(city, id)).status).toBe(409);
  });

  it('Lifecycle: a rejection is final (409 on review, submit and withdraw)', async () => {
    const id = await submitted(worker1, f.open.id);
    await decide(unit, id, 'reject', '专业与岗位无关（R9d）');
    expect(await status(id)).toBe('rejected');
    expect((await decide(unit, id)).status).toBe(409);
    expect((await worker1.post(`/api/applications/${id}/submit`)).status).toBe(409);
    expect((await worker1.post(`/api/applications/${id}/withdraw`)).status).toBe(409);
  });

  it('a worker and an institution cannot review (403)', async () => {
    const id = await submitted(worker1, f.open.id);
    expect((await decide(worker1, id)).status).toBe(403);
    expect((await decide(await new Client(env).login('ynou'), id)).status).toBe(403);
  });

  it("R16: another union's application is not found (404) and not changed", async () => {
    const workerP = await new Client(env).login('workerp');
    const id = await submitted(workerP, f.open.id);
    expect((await decide(unit, id)).status).toBe(404);
    expect((await decide(wuhua, id)).status).toBe(404);
    expect(await status(id)).toBe('submitted');
  });

  it('bulk review decides each id on its own and says why the others failed', async () => {
    const ids = [
      await submitted(worker1, f.open.id),
      await submitted(await new Client(env).login('worker2'), f.open.id),
    ];
    const foreign = await submitted(await new Client(env).login('workerp'), f.open.id);
    await decide(unit, ids[1]);
    const res = await unit.post('/api/applications/review', {
      ids: [...ids, foreign, 99999],
      decision: 'approve',
      comment: '',
    });
    expect(res.status).toBe(200);
    expect(res.body.succeeded).toBe(1);
    expect(res.body.results.map((r: { ok: boolean; status: unknown }) => [r.ok, r.status])).toEqual([
      [true, 'unit_approved'],
      [false, 409],
      [false, 404],
      [false, 404],
    ]);
  });

  it('the staff list filters the pile by the step waiting and by priority flags (R10)', async () => {
    env.db.$client.prepare('update workers set is_migrant = 1 where id = ?').run(f.workers[0].id);
    const a = await submitted(worker1, f.open.id);
    const b = await submitted(await new Client(env).login('worker2'), f.open.id);
    await decide(unit, b);
    const pile = await unit.get(`/api/applications${q({ filter: { waitingStep: 1 } })}`);
    expect(pile.body.map((x: { id: number }) => x.id)).toEqual([a]);
    const migrants = await wuhua.get(`/api/applications${q({ filter: { isMigrant: true } })}`);
    expect(migrants.body.map((x: { id: number }) => x.id)).toEqual([a]);
    const others = await unit.get(`/api/applications/${a}/others`);
    expect(others.status).toBe(200);
  });
});

describe('R7 quotas', () => {
  async function toCity(n: number) {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) {
      const w = await new Client(env).login(['worker1', 'worker2'][i] ?? (await workerLogin(i)));
      const id = await submitted(w, f.open.id);
      env.clock.advance(60_000);
      await decide(unit, id);
      await decide(wuhua, id);
      ids.push(id);
    }
    return ids;
  }

  it('R7: a quota full of approvals waitlists the next, and a raise promotes it', async () => {
    setPlaces(2);
    const ids = await toCity(3);
    for (const id of ids) await decide(city, id);
    expect(await Promise.all(ids.map(status))).toEqual(['approved', 'approved', 'waitlisted']);
    const quota = (
      await city.get(`/api/quotas${q({ filter: { roundId: f.open.id, organizationId: f.wuhua.id } })}`)
    ).body[0];
    expect(quota).toMatchObject({ places: 2, used: 2, waitlisted: 1, free: 0 });
    const raised = await city.post(`/api/quotas/${quota.id}/adjust`, {
      delta: 1,
      reason: '申报踊跃，增加计划',
    });
    expect(raised.body).toMatchObject({ places: 3, used: 3, promoted: [ids[2]] });
    expect(await status(ids[2])).toBe('approved');
  });

  it('R7: a quota cannot be lowered below the places used, and only the city adjusts', async () => {
    setPlaces(2);
    const ids = await toCity(2);
    for (const id of ids) await decide(city, id);
    const quota = (
      await city.get(`/api/quotas${q({ filter: { roundId: f.open.id, organizationId: f.wuhua.id } })}`)
    ).body[0];
    const res = await city.post(`/api/quotas/${quota.id}/adjust`, { delta: -1, reason: '压缩' });
    expect(res.status).toBe(422);
    expect(res.body.errors.delta).toBeTruthy();
    expect((await wuhua.post(`/api/quotas/${quota.id}/adjust`, { delta: 1, reason: '想多要' })).status).toBe(
      403,
    );
    expect((await city.post(`/api/quotas/${quota.id}/adjust`, { delta: 1 })).status).toBe(400);
  });

  it('R7: first come, first served — an earlier submission approved late takes the place of a later one', async () => {
    setPlaces(1);
    const [early, late] = await toCity(2);
    await decide(city, late);
    expect(await status(late)).toBe('approved');
    await decide(city, early);
    expect(await status(early)).toBe('approved');
    expect(await status(late)).toBe('waitlisted');
  });

  it('R7: a withdrawn waitlisted application leaves the order intact', async () => {
    setPlaces(1);
    const ids = await toCity(3);
    for (const id of ids) await decide(city, id);
    const w2 = await new Client(env).login('worker2');
    expect((await w2.post(`/api/applications/${ids[1]}/withdraw`)).body.status).toBe('withdrawn');
    const quota = (
      await city.get(`/api/quotas${q({ filter: { roundId: f.open.id, organizationId: f.wuhua.id } })}`)
    ).body[0];
    const raised = await city.post(`/api/quotas/${quota.id}/adjust`, { delta: 1, reason: '增加' });
    expect(raised.body.promoted).toEqual([ids[2]]);
  });

  it('racing city approvals for the last place: exactly one wins', async () => {
    setPlaces(1);
    const ids = await toCity(3);
    const results = await Promise.all(ids.map((id) => decide(city, id)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const statuses = await Promise.all(ids.map(status));
    expect(statuses.filter((s) => s === 'approved')).toHaveLength(1);
    expect(statuses[0]).toBe('approved');
  });
});

describe('R14 appeals', () => {
  it('a worker appeals a rejection; the union that decided upholds it and the application reopens at that step', async () => {
    const id = await submitted(worker1, f.open.id);
    await decide(unit, id);
    await decide(wuhua, id, 'reject', '专业不符');
    const appeal = await worker1.post('/api/appeals', {
      applicationId: id,
      subject: 'review',
      content: '我的专业与岗位直接相关，请复核',
    });
    expect(appeal.status).toBe(201);
    expect(appeal.body.organizationId).toBe(f.wuhua.id);
    expect(
      (await unit.post(`/api/appeals/${appeal.body.id}/respond`, { response: '维持', upheld: false })).status,
    ).toBe(403);
    const res = await wuhua.post(`/api/appeals/${appeal.body.id}/respond`, {
      response: '经复核，专业符合岗位需要',
      upheld: true,
    });
    expect(res.body.status).toBe('upheld');
    expect((await city.get(`/api/applications/${id}`)).body).toMatchObject({
      status: 'unit_approved',
      currentStep: 2,
    });
    expect((await wuhua.post(`/api/appeals/${appeal.body.id}/close`)).body.status).toBe('closed');
  });

  it('R14: only a rejection can be appealed on review; an unanswered appeal is overdue after 15 days', async () => {
    const id = await submitted(worker1, f.open.id);
    expect(
      (
        await worker1.post('/api/appeals', {
          applicationId: id,
          subject: 'review',
          content: '请尽快审核我的申请',
        })
      ).status,
    ).toBe(422);
    await decide(unit, id, 'reject', '材料不全');
    const appeal = (
      await worker1.post('/api/appeals', { applicationId: id, subject: 'review', content: '材料已经补齐了' })
    ).body;
    expect((await unit.get(`/api/appeals/${appeal.id}`)).body.overdue).toBe(false);
    env.clock.advance(16 * 86_400_000);
    await unit.login('wuhua-001');
    expect((await unit.get(`/api/appeals/${appeal.id}`)).body.overdue).toBe(true);
    expect((await unit.get(`/api/appeals${q({ filter: { overdue: true } })}`)).body).toHaveLength(1);
  });
});

function setPlaces(n: number) {
  env.db.$client
    .prepare('update quotas set places = ? where round_id = ? and organization_id = ?')
    .run(n, f.open.id, f.wuhua.id);
}

async function workerLogin(i: number): Promise<string> {
  const username = `w${i}`;
  const exists = env.db.$client.prepare('select 1 from users where username = ?').get(username);
  if (!exists) {
    const { addUser } = await import('../helpers/fixtures');
    addUser(env.db, username, 'worker', { workerId: f.workers[i].id });
  }
  return username;
}

async function unitAdminFor(orgId: number) {
  const { addUser } = await import('../helpers/fixtures');
  addUser(env.db, `unit-${orgId}`, 'unit_admin', { organizationId: orgId });
  return new Client(env).login(`unit-${orgId}`);
}
