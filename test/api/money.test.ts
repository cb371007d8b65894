import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { clockSweep, lapseSweep } from '../../server/resources/applications/progress';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Client, q, testEnv, type TestEnv } from '../helpers/app';
import { makeCard, makeIdNumber, smallCity } from '../helpers/fixtures';
import { upload } from '../helpers/flow';
import { allocateAndReceive, approvedInBulk, approvedViaApi, paymentsOf, statusOf } from '../helpers/money';

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
const as = (u: string) => new Client(env).login(u);
const integrityOk = () => expect(checkIntegrity(env.db, env.clock.now())).toEqual({ ok: true, problems: [] });
let city: Client, wuhua: Client, unit: Client;

beforeEach(async () => {
  env = testEnv();
  f = smallCity(env);
  [city, wuhua, unit] = await Promise.all([as('city'), as('wuhua'), as('wuhua-001')]);
});

const approveWorker1 = async () => approvedViaApi(await as('worker1'), f.open.id, [unit, wuhua, city]);
const process = (organizationId = f.wuhua.id) => ({
  roundId: f.open.id,
  organizationId,
  stage: 'process' as const,
});
const result = (organizationId = f.wuhua.id) => ({
  roundId: f.open.id,
  organizationId,
  stage: 'result' as const,
});
const agreement = (stages = 'process,result') =>
  city.post('/api/agency-agreements', {
    organizationId: f.wuhua.id,
    agentOrganizationId: f.school.id,
    agreementNo: `DF-${stages}`,
    startsOn: '2020-01-01',
    endsOn: '2035-12-31',
    stages,
  });

/** R2: a graduation counts from 30 months after the enrolment of 2026-09-01 on. */
const GRADUATION_DAY = '2029-06-30';

/** The clock moves to the graduation year (the daily sweep runs); sessions do not last that long, so the staff sign in again. */
async function toGraduationYear() {
  env.clock.set('2029-07-01T02:00:00Z');
  clockSweep(env.db, env.clock.now); // as the server's daily sweep would have, on the way
  [city, wuhua, unit] = await Promise.all([as('city'), as('wuhua'), as('wuhua-001')]);
}

/** In the graduation year, the worker uploads the 学信网 record and reports the graduation; the city verifies it. */
async function graduateAndVerify(workerName: string, id: number, date = GRADUATION_DAY): Promise<Client> {
  await toGraduationYear();
  const worker = await as(workerName);
  const doc = await upload(worker, id, 'graduation_record');
  expect(doc.status).toBe(201);
  const g = await worker.post(`/api/applications/${id}/graduate`, { date, documentId: doc.body.id });
  expect(g.status, JSON.stringify(g.body)).toBe(200);
  expect(g.body.status).toBe('graduated');
  const v = await city.post(`/api/applications/${id}/verify-graduation`, {
    decision: 'approve',
    comment: '',
  });
  expect(v.status, JSON.stringify(v.body)).toBe(200);
  expect(v.body.graduationVerifiedAt).toBeTruthy();
  return worker;
}

describe('the demo walk: approved → 500 paid → graduation verified → 1,000 paid → completed', () => {
  it('R2, R3: directly by the level-2 union', async () => {
    const id = await approveWorker1();
    const due = await city.get(
      `/api/allocations/due?roundId=${f.open.id}&organizationId=${f.wuhua.id}&stage=process`,
    );
    expect(due.body).toMatchObject({ applicationCount: 1, amountFen: 50_000, applicationIds: [id] });
    const al = await allocateAndReceive(city, wuhua, process());
    expect(al).toMatchObject({
      amountFen: 50_000,
      applicationCount: 1,
      status: 'received',
      result: { payments: 1, matching: 0 },
    });
    const [p] = paymentsOf(env.db, id);
    expect(p).toMatchObject({
      stage: 'process',
      source: 'city',
      status: 'pending',
      channel: 'direct',
      payer: f.wuhua.id,
      amountFen: 50_000,
    });
    const paid = await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-20261120-0001' });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', reference: 'WH-20261120-0001' });
    expect(statusOf(env.db, id)).toBe('process_paid');

    // R2: no result allocation before the graduation is verified
    expect((await city.post('/api/allocations', result())).body.rule).toBe('R2');
    const worker = await graduateAndVerify('worker1', id);
    await allocateAndReceive(city, wuhua, result());
    const r = paymentsOf(env.db, id).find((x) => x.stage === 'result')!;
    expect(r).toMatchObject({ amountFen: 100_000, status: 'pending' });
    expect((await wuhua.post(`/api/payments/${r.id}/pay`, { reference: 'WH-20261120-0002' })).status).toBe(
      200,
    );
    expect(statusOf(env.db, id)).toBe('completed');
    const mine = await worker.get(`/api/payments${q({ filter: { applicationId: id } })}`);
    expect(
      mine.body.map((x: { amountFen: number; status: string }) => [x.amountFen, x.status]).sort(),
    ).toEqual([
      [100_000, 'paid'],
      [50_000, 'paid'],
    ]);
    const timeline = (await worker.get(`/api/applications/${id}/timeline`)).body;
    expect(timeline.entries.map((e: { event: string }) => e.event)).toEqual(
      expect.arrayContaining(['graduate', 'verify-graduation', 'payment']),
    );
    // R14: a payment names the union that paid it, the amount in fen
    expect(timeline.entries.filter((e: { event: string }) => e.event === 'payment')).toEqual([
      expect.objectContaining({
        by: { role: 'union', id: f.wuhua.id, name: '五华区总工会' },
        payment: { stage: 'process', source: 'city', amountFen: 50_000, status: 'paid' },
      }),
      expect.objectContaining({
        payment: { stage: 'result', source: 'city', amountFen: 100_000, status: 'paid' },
      }),
    ]);
    integrityOk();
    const integrity = await city.get('/api/integrity');
    expect(integrity.body.ok).toBe(true);
  });

  it("R3: through the workers' school under an agency agreement, for a worker with a card", async () => {
    expect((await agreement()).status).toBe(201);
    const id = await approveWorker1();
    const w2 = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    env.db.$client
      .prepare(
        'update workers set bank_card_enc = null, bank_card_hash = null, bank_card_masked = null where id = ?',
      )
      .run(f.workers[1].id);
    await allocateAndReceive(city, wuhua, process());
    const [p] = paymentsOf(env.db, id);
    expect(p).toMatchObject({ channel: 'agency', payer: f.school.id });
    expect(paymentsOf(env.db, w2)[0]).toMatchObject({ channel: 'direct', payer: f.wuhua.id });
    const school = await as('school');
    expect((await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'x' })).status).toBe(403);
    expect(
      (await school.post(`/api/payments/${paymentsOf(env.db, w2)[0].id}/pay`, { reference: 'x' })).status,
    ).toBe(404);
    expect((await school.post(`/api/payments/${p.id}/pay`, { reference: 'ZGXX-DF-0001' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('process_paid');
    await graduateAndVerify('worker1', id);
    await allocateAndReceive(city, wuhua, result());
    const r = paymentsOf(env.db, id).find((x) => x.stage === 'result')!;
    expect(r.channel).toBe('agency');
    expect(
      (await (await as('school')).post(`/api/payments/${r.id}/pay`, { reference: 'ZGXX-DF-0002' })).status,
    ).toBe(200);
    expect(statusOf(env.db, id)).toBe('completed');
    integrityOk();
  });

  it('R13: a union directly under the city receives and pays through its own staff', async () => {
    const direct = await as('direct-001');
    const id = await approvedViaApi(await as('workerd'), f.open.id, [direct, city]);
    await allocateAndReceive(city, direct, process(f.direct.id));
    const [p] = paymentsOf(env.db, id);
    expect(p.payer).toBe(f.direct.id);
    expect((await unit.post(`/api/payments/${p.id}/pay`, { reference: 'x' })).status).toBe(404);
    expect((await direct.post(`/api/payments/${p.id}/pay`, { reference: 'KG-0001' })).status).toBe(200);
    integrityOk();
  });
});

describe('allocations refuse what the rules forbid', () => {
  it('R2: an allocation covers each due application once; nothing due answers 422', async () => {
    await approveWorker1();
    expect((await city.post('/api/allocations', process())).status).toBe(201);
    const again = await city.post('/api/allocations', process());
    expect(again.status).toBe(422);
    expect(again.body.rule).toBe('R2');
  });

  it('R3: transfer and receive happen once each, in order; only the union itself receives', async () => {
    await approveWorker1();
    const al = (await city.post('/api/allocations', process())).body;
    expect((await wuhua.post(`/api/allocations/${al.id}/receive`)).status).toBe(409);
    expect((await wuhua.post(`/api/allocations/${al.id}/transfer`)).status).toBe(403);
    expect((await city.post(`/api/allocations/${al.id}/transfer`)).status).toBe(200);
    expect((await city.post(`/api/allocations/${al.id}/transfer`)).status).toBe(409);
    expect((await (await as('panlong')).post(`/api/allocations/${al.id}/receive`)).status).toBe(404);
    expect((await unit.post(`/api/allocations/${al.id}/receive`)).status).toBe(404); // a grassroots clerk under a district holds no allocation of its own
    expect((await wuhua.post(`/api/allocations/${al.id}/receive`)).status).toBe(200);
    expect((await wuhua.post(`/api/allocations/${al.id}/receive`)).status).toBe(409);
    expect(env.db.$client.prepare('select count(*) n from payments').get()).toEqual({ n: 1 });
  });

  // Its time is held in test/reliability/latency.test.ts (npm run test:reliability), not here.
  it('R3: receiving 1,000 payments creates all of them in one answer', async () => {
    approvedInBulk(env.db, env.pii, { n: 1000, roundId: f.open.id, unit: f.unit1 });
    const al = (await city.post('/api/allocations', process())).body;
    expect(al).toMatchObject({ applicationCount: 1000, amountFen: 50_000_000 });
    await city.post(`/api/allocations/${al.id}/transfer`);
    const res = await wuhua.post(`/api/allocations/${al.id}/receive`);
    expect(res.body.result.payments).toBe(1000);
    expect(env.db.$client.prepare("select count(*) n from payments where status = 'pending'").get()).toEqual({
      n: 1000,
    });
    integrityOk();
  });
});

describe('Idempotency-Key', () => {
  let paymentId: number;
  beforeEach(async () => {
    await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    paymentId = (env.db.$client.prepare('select id from payments').get() as { id: number }).id;
  });
  const pay = (key: string, reference = 'WH-1') =>
    wuhua.post(`/api/payments/${paymentId}/pay`, { reference }, { 'Idempotency-Key': key });

  it('the same pay twice answers the first result and pays once', async () => {
    const a = await pay('k-1');
    const b = await pay('k-1');
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(
      env.db.$client
        .prepare(`select count(*) n from audit_log where resource = 'payments' and action = 'pay'`)
        .get(),
    ).toEqual({ n: 1 });
    // without the key, a second pay is a forbidden transition
    expect((await wuhua.post(`/api/payments/${paymentId}/pay`, { reference: 'WH-1' })).status).toBe(409);
  });

  it('the same key 100 times at once makes one payment and 100 identical answers', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, () => pay('burst')));
    expect(new Set(answers.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(env.db.$client.prepare(`select count(*) n from payments where status = 'paid'`).get()).toEqual({
      n: 1,
    });
    expect(env.db.$client.prepare(`select count(*) n from audit_log where action = 'pay'`).get()).toEqual({
      n: 1,
    });
    integrityOk();
  });

  it('the same key with another body answers 422 and changes nothing', async () => {
    expect((await pay('k-2', 'A')).status).toBe(200);
    const other = await pay('k-2', 'B');
    expect(other.status).toBe(422);
    expect(other.body.errors['Idempotency-Key']).toBeTruthy();
    expect(env.db.$client.prepare('select reference from payments where id = ?').get(paymentId)).toEqual({
      reference: 'A',
    });
  });

  it("keys belong to their user: another user's identical key does not replay", async () => {
    expect((await pay('shared')).status).toBe(200);
    const school = await as('school');
    expect(
      (
        await school.post(
          `/api/payments/${paymentId}/pay`,
          { reference: 'WH-1' },
          { 'Idempotency-Key': 'shared' },
        )
      ).status,
    ).toBe(404);
  });
});

describe('failures and re-issue', () => {
  it('R3: a failed payment is re-issued only once the card is corrected', async () => {
    const id = await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    const [p] = paymentsOf(env.db, id);
    expect(
      (await wuhua.post(`/api/payments/${p.id}/fail`, { reason: '卡号有误，银行退票' })).body.status,
    ).toBe('failed');
    expect(statusOf(env.db, id)).toBe('approved');
    const early = await wuhua.post(`/api/payments/${p.id}/reissue`, {});
    expect(early.status).toBe(422);
    expect(early.body.rule).toBe('R3');
    const worker = await as('worker1');
    expect((await worker.put(`/api/workers/${f.workers[0].id}`, { bankCard: makeCard(777) })).status).toBe(
      200,
    );
    const again = await wuhua.post(`/api/payments/${p.id}/reissue`, {});
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ status: 'pending', reissueOf: p.id, amountFen: 50_000 });
    expect((await wuhua.post(`/api/payments/${p.id}/reissue`, {})).status).toBe(409);
    expect((await wuhua.post(`/api/payments/${again.body.id}/pay`, { reference: 'WH-2' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('process_paid');
    integrityOk();
  });
});

describe('dropout and refund (R5)', () => {
  it('R5: a dropout after payment expects a refund, received from the institution and confirmed by the city; R7: the place goes to the waitlist', async () => {
    env.db.$client
      .prepare('update quotas set places = 1 where round_id = ? and organization_id = ?')
      .run(f.open.id, f.wuhua.id);
    const id = await approveWorker1();
    const w2 = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua]);
    expect(
      (await city.post(`/api/applications/${w2}/review`, { decision: 'approve', comment: '' })).body.status,
    ).toBe('waitlisted');
    await allocateAndReceive(city, wuhua, process());
    const [p] = paymentsOf(env.db, id);
    await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-1' });

    const ynou = await as('ynou');
    expect(
      (await ynou.post(`/api/applications/${id}/dropout`, { date: '2099-01-01', reason: '工作调动' })).status,
    ).toBe(400);
    const d = await ynou.post(`/api/applications/${id}/dropout`, {
      date: '2026-11-19',
      reason: '工作调动，无法继续学习',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect(d.body).toMatchObject({ status: 'dropped_out', droppedOutOn: '2026-11-19', promoted: [w2] });
    expect(statusOf(env.db, w2)).toBe('approved');
    expect(
      (await ynou.post(`/api/applications/${id}/dropout`, { date: '2026-11-19', reason: '再报一次' })).status,
    ).toBe(409);

    const refund = (await ynou.get('/api/refunds')).body[0];
    expect(refund).toMatchObject({
      id: d.body.refundId,
      applicationId: id,
      paymentId: p.id,
      amountFen: 50_000,
      status: 'expected',
      institutionId: f.ynou.id,
    });
    expect((await city.post(`/api/refunds/${refund.id}/confirm`)).status).toBe(409);
    expect((await ynou.post(`/api/refunds/${refund.id}/confirm`)).status).toBe(403);
    expect(
      (await ynou.post(`/api/refunds/${refund.id}/receive`, { reference: 'TK-20261120-0001' })).body.status,
    ).toBe('received');
    expect((await city.post(`/api/refunds/${refund.id}/confirm`)).body.status).toBe('confirmed');

    // R5: no result subsidy after a dropout; the freed place's money is reused for the promoted worker
    expect(
      (
        await (
          await as('worker1')
        ).post(`/api/applications/${id}/graduate`, { date: '2026-11-19', documentId: 1 })
      ).status,
    ).toBe(400);
    const next = await allocateAndReceive(city, wuhua, process());
    expect(next.applicationCount).toBe(1);
    expect(paymentsOf(env.db, w2)).toHaveLength(1);
    const bal = (await city.get(`/api/balances?roundId=${f.open.id}`)).body;
    const cityRow = bal.find(
      (b: { organizationId: number | null; stage: string }) =>
        b.organizationId === null && b.stage === 'process',
    );
    expect(cityRow).toMatchObject({ refundedFen: 50_000, transferredFen: 100_000, paidFen: 50_000 });
    expect(cityRow.heldFen).toBe(cityRow.budgetedFen - 100_000 + 50_000);
    integrityOk();
  });
});

describe('lapse (R6)', () => {
  it('R6: visible in lists ahead, then lapsed by the sweep against the clock; every unpaid payment is cancelled', async () => {
    const id = await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    const deadline = f.open.graduationDeadline;
    env.clock.set(`${new Date(Date.parse(deadline) - 20 * 86_400_000).toISOString().slice(0, 10)}T02:00:00Z`);
    city = await as('city');
    const soon = await city.get(`/api/applications${q({ filter: { lapsingWithinDays: 30 } })}`);
    expect(soon.body.map((a: { id: number }) => a.id)).toEqual([id]);
    expect(lapseSweep(env.db, env.clock.now)).toEqual([]);
    env.clock.set(`${deadline}T15:00:00Z`); // 23:00 in Kunming, still the deadline day
    expect(lapseSweep(env.db, env.clock.now)).toEqual([]);
    env.clock.set(`${deadline}T16:30:00Z`); // past midnight in Kunming
    expect(lapseSweep(env.db, env.clock.now)).toEqual([id]);
    expect(statusOf(env.db, id)).toBe('lapsed');
    expect(lapseSweep(env.db, env.clock.now)).toEqual([]);
    // R6: the process subsidy never paid is cancelled with the rest; the money stays with the union.
    const [p] = paymentsOf(env.db, id);
    expect(p.status).toBe('cancelled');
    wuhua = await as('wuhua');
    expect((await wuhua.post(`/api/payments/${p.id}/pay`, { reference: 'WH-LATE' })).status).toBe(409);
    expect(statusOf(env.db, id)).toBe('lapsed');
    const worker = await as('worker1');
    const doc = await upload(worker, id, 'graduation_record');
    expect(doc.status).toBe(409);
    expect(
      (await worker.post(`/api/applications/${id}/graduate`, { date: deadline, documentId: 1 })).status,
    ).toBe(400);
    city = await as('city');
    expect((await city.post('/api/allocations', result())).status).toBe(422);
    const audit = env.db.$client
      .prepare(
        `select after from audit_log where resource = 'applications' and action = 'lapse' and record_id = ?`,
      )
      .get(id) as { after: string };
    expect(JSON.parse(audit.after).reason).not.toMatch(/R\d/);
    integrityOk();
  });

  it('R6: a graduation after the deadline earns no result subsidy', async () => {
    const id = await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    await wuhua.post(`/api/payments/${paymentsOf(env.db, id)[0].id}/pay`, { reference: 'WH-1' });
    env.clock.set(`${f.open.graduationDeadline}T01:00:00Z`);
    env.clock.advance(40 * 86_400_000);
    const worker = await as('worker1');
    const doc = await upload(worker, id, 'graduation_record');
    const late = new Date(Date.parse(f.open.graduationDeadline) + 10 * 86_400_000).toISOString().slice(0, 10);
    const res = await worker.post(`/api/applications/${id}/graduate`, {
      date: late,
      documentId: doc.body.id,
    });
    expect(res.status).toBe(422);
    expect(res.body.rule).toBe('R6');
  });
});

describe('fund returns (R4)', () => {
  it('R4: a dropout before payment leaves money with the union, which returns it; the city confirms', async () => {
    const id = await approveWorker1();
    const keep = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, process());
    const d = await wuhua.post(`/api/applications/${id}/dropout`, {
      date: '2026-11-19',
      reason: '入学后未报到',
    });
    expect(d.body).toMatchObject({ status: 'dropped_out', refundId: null });
    expect(paymentsOf(env.db, id).map((p) => p.status)).toEqual(['cancelled']);
    const paid = paymentsOf(env.db, keep)[0];
    await wuhua.post(`/api/payments/${paid.id}/pay`, { reference: 'WH-1' });

    const refused = await wuhua.post('/api/fund-returns', {
      roundId: f.open.id,
      stage: 'process',
      applicationIds: [keep],
      report: '申请人不符合发放条件，资金退还市总工会。',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.rule).toBe('R4');
    const ret = await wuhua.post('/api/fund-returns', {
      roundId: f.open.id,
      stage: 'process',
      applicationIds: [id],
      report: '职工入学后未报到已退学，不符合发放条件，资金退还市总工会。',
    });
    expect(ret.status, JSON.stringify(ret.body)).toBe(201);
    expect(ret.body).toMatchObject({
      amountFen: 50_000,
      status: 'filed',
      organizationId: f.wuhua.id,
      items: [{ applicationId: id, amountFen: 50_000 }],
    });
    expect(
      (
        await wuhua.post('/api/fund-returns', {
          roundId: f.open.id,
          stage: 'process',
          applicationIds: [id],
          report: '重复提交的返还报告，应被拒绝。',
        })
      ).status,
    ).toBe(422);
    expect((await wuhua.post(`/api/fund-returns/${ret.body.id}/confirm`)).status).toBe(403);
    expect((await city.post(`/api/fund-returns/${ret.body.id}/confirm`)).body.status).toBe('confirmed');
    const row = (await wuhua.get(`/api/balances?roundId=${f.open.id}`)).body.find(
      (b: { stage: string }) => b.stage === 'process',
    );
    expect(row).toMatchObject({
      organizationId: f.wuhua.id,
      receivedFen: 100_000,
      paidFen: 50_000,
      returnedFen: 50_000,
      heldFen: 0,
    });
    expect(
      (await wuhua.get(`/api/balances?roundId=${f.open.id}`)).body.some(
        (b: { organizationId: number | null }) => b.organizationId !== f.wuhua.id,
      ),
    ).toBe(false);
    integrityOk();
  });
});

describe('matching subsidies (R8)', () => {
  it("R8: paid by the union from its own money beside the city's, never counted as city money", async () => {
    expect((await agreement()).status).toBe(201);
    const pol = await wuhua.post('/api/matching-policies', {
      roundId: f.open.id,
      mode: 'two_stage',
      processAmountFen: 30_000,
      resultAmountFen: 30_000,
    });
    expect(pol.status).toBe(201);
    const id = await approveWorker1();
    const al = await allocateAndReceive(city, wuhua, process());
    expect(al.result).toMatchObject({ payments: 1, matching: 1 });
    const [cityPay, matchPay] = paymentsOf(env.db, id);
    expect(cityPay).toMatchObject({ source: 'city', channel: 'agency', amountFen: 50_000 });
    expect(matchPay).toMatchObject({
      source: 'matching',
      channel: 'direct',
      payer: f.wuhua.id,
      amountFen: 30_000,
    });
    expect((await wuhua.post(`/api/payments/${matchPay.id}/pay`, { reference: 'WH-PT-1' })).status).toBe(200);
    expect(statusOf(env.db, id)).toBe('approved');
    await (await as('school')).post(`/api/payments/${cityPay.id}/pay`, { reference: 'DF-1' });
    const row = (await city.get(`/api/balances?roundId=${f.open.id}`)).body.find(
      (b: { organizationId: number | null; stage: string }) =>
        b.organizationId === f.wuhua.id && b.stage === 'process',
    );
    expect(row).toMatchObject({ receivedFen: 50_000, paidFen: 50_000, matchingPaidFen: 30_000, heldFen: 0 });
    integrityOk();
  });
});

describe('bank file (代发明细)', () => {
  const download = async (c: Client) => {
    const res = await env.app.request('/api/payments/bank-file', { headers: { cookie: c.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return { wb, ws: wb.worksheets[0] };
  };
  const sendBack = async (c: Client, wb: ExcelJS.Workbook, key?: string) => {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'result.xlsx'));
    return c.request('POST', '/api/payments/bank-file', form, key ? { 'Idempotency-Key': key } : {});
  };

  it("R3: the school exports its pending payments (full card, masked ID) and imports the bank's answer", async () => {
    expect((await agreement()).status).toBe(201);
    const a = await approveWorker1();
    const b = await approvedViaApi(await as('worker2'), f.open.id, [unit, wuhua, city]);
    await allocateAndReceive(city, wuhua, process());
    const school = await as('school');
    const { wb, ws } = await download(school);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        '付款编号',
        '姓名',
        '身份证号',
        '卡号',
        '金额（元）',
        '发放结果',
        '银行流水号',
      ]),
    );
    const col = (h: string) => header.indexOf(h) + 1;
    const rows = [2, 3].map((n) => ws.getRow(n));
    expect(rows.map((r) => r.getCell(col('卡号')).value)).toEqual([makeCard(1), makeCard(2)]);
    expect(rows.map((r) => r.getCell(col('身份证号')).value)).toEqual(
      [makeIdNumber(1), makeIdNumber(2)].map((v) => `${v.slice(0, 2)}${'*'.repeat(12)}${v.slice(-4)}`),
    );
    expect(rows.map((r) => r.getCell(col('金额（元）')).value)).toEqual([500, 500]);
    expect(JSON.stringify(ws.getSheetValues())).not.toContain(makeIdNumber(1));
    expect(
      env.db.$client
        .prepare(`select count(*) n from audit_log where resource = 'payments' and action = 'export'`)
        .get(),
    ).toEqual({ n: 1 });

    // the bank paid the first and bounced the second
    rows[0].getCell(col('发放结果')).value = '成功';
    rows[0].getCell(col('银行流水号')).value = 'BANK-0001';
    rows[1].getCell(col('发放结果')).value = '失败';
    rows[1].getCell(col('失败原因')).value = '户名不符';
    // a tampered amount spoils the whole sheet: nothing changes
    rows[1].getCell(col('金额（元）')).value = 5000;
    const bad = await sendBack(school, wb);
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors)).toEqual(['row 3']);
    expect(paymentsOf(env.db, a)[0].status).toBe('pending');
    rows[1].getCell(col('金额（元）')).value = 500;
    const ok = await sendBack(school, wb, 'import-1');
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ paid: 1, failed: 1, unchanged: 0 });
    expect(statusOf(env.db, a)).toBe('process_paid');
    expect(paymentsOf(env.db, b)[0].status).toBe('failed');
    // the same sheet again, without a key: already applied, nothing moves
    expect((await sendBack(school, wb)).body).toMatchObject({ paid: 0, failed: 0, unchanged: 2 });
    // a union cannot mark the school's rows
    expect((await sendBack(wuhua, wb)).status).toBe(422);
    integrityOk();
  });

  it('R3: the direct payer exports only its own direct payments; a worker cannot export', async () => {
    await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    const { ws } = await download(wuhua);
    expect(ws.rowCount).toBe(3); // header, one payment, total
    expect((await (await as('worker1')).get('/api/payments/bank-file')).status).toBe(403);
  });
});

describe('graduation checks (R2)', () => {
  it('R2: a refused verification keeps the result subsidy back until a new record is verified', async () => {
    const id = await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    await wuhua.post(`/api/payments/${paymentsOf(env.db, id)[0].id}/pay`, { reference: 'WH-1' });
    await toGraduationYear();
    let worker = await as('worker1');
    expect(
      (await worker.post(`/api/applications/${id}/verify-graduation`, { decision: 'approve', comment: '' }))
        .status,
    ).toBe(403);
    const first = await upload(worker, id, 'graduation_record');
    expect(
      (
        await worker.post(`/api/applications/${id}/graduate`, {
          date: GRADUATION_DAY,
          documentId: first.body.id,
        })
      ).status,
    ).toBe(200);
    expect(
      (await city.post(`/api/applications/${id}/verify-graduation`, { decision: 'reject', comment: '' }))
        .status,
    ).toBe(400);
    const refused = await city.post(`/api/applications/${id}/verify-graduation`, {
      decision: 'reject',
      comment: '备案表编号无法查验',
    });
    expect(refused.body).toMatchObject({ status: 'graduated', graduationVerifiedAt: null });
    expect((await city.post('/api/allocations', result())).status).toBe(422);
    worker = await graduateAndVerify('worker1', id);
    expect(
      (
        await worker.post(`/api/applications/${id}/graduate`, {
          date: GRADUATION_DAY,
          documentId: first.body.id,
        })
      ).status,
    ).toBe(409);
    expect((await city.post('/api/allocations', result())).status).toBe(201);
  });
});

describe('balances', () => {
  it('I3: the city sees every union and its own purse; a union only itself; a worker nothing', async () => {
    await approveWorker1();
    await allocateAndReceive(city, wuhua, process());
    const all = await city.get(`/api/balances?roundId=${f.open.id}`);
    expect(all.headers.get('content-range')).toMatch(/^balances 0-\d+\/\d+$/);
    const orgs = new Set(all.body.map((b: { organizationId: number | null }) => b.organizationId));
    expect(orgs).toEqual(new Set([null, f.wuhua.id, f.panlong.id, f.direct.id]));
    const w = all.body.find(
      (b: { organizationId: number; stage: string }) =>
        b.organizationId === f.wuhua.id && b.stage === 'process',
    );
    expect(w).toMatchObject({
      budgetedFen: 500_000,
      allocatedFen: 50_000,
      receivedFen: 50_000,
      pendingFen: 50_000,
      paidFen: 0,
      heldFen: 50_000,
    });
    const p = (await (await as('panlong')).get('/api/balances')).body;
    expect(new Set(p.map((b: { organizationId: number }) => b.organizationId))).toEqual(
      new Set([f.panlong.id]),
    );
    expect((await (await as('worker1')).get('/api/balances')).status).toBe(403);
  });

  it('an allocation created twice under one Idempotency-Key is created once', async () => {
    await approveWorker1();
    const a = await city.post('/api/allocations', process(), { 'Idempotency-Key': 'alloc-1' });
    const b = await city.post('/api/allocations', process(), { 'Idempotency-Key': 'alloc-1' });
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body).toEqual(a.body);
    expect(env.db.$client.prepare('select count(*) n from allocations').get()).toEqual({ n: 1 });
  });
});
