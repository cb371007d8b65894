import { describe, expect, it } from 'vitest';
import { q, testEnv, type Client } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { signedIn } from '../helpers/sessions';
import { allocateAndReceive, approvedViaApi, paymentsOf, statusOf } from '../helpers/money';

/**
 * R5 and I4 with amounts that are not the usual 500 元: the refund a dropout owes is exactly the
 * city process subsidy that was paid to that worker — whatever the round's figure, never a constant
 * and never more than was paid — and it reaches the city's balance to the fen.
 */
type City = ReturnType<typeof smallCity>;

function world(processAmountFen: number) {
  const env = testEnv();
  const f = smallCity(env);
  // Amounts belong to the round (R1): this round pays an odd figure, set before any money moves.
  env.db.$client
    .prepare('update rounds set process_amount_fen = ? where id = ?')
    .run(processAmountFen, f.open.id);
  // Sessions opened directly: logging in is not under test here, and scrypt is slow on purpose.
  const as = (u: string) => signedIn(env, u);
  return { env, f, as, city: as('city'), wuhua: as('wuhua'), unit: as('wuhua-001'), ynou: as('ynou') };
}

/** A worker approved, its process subsidy allocated, received and paid by the union. */
async function paidWorker(w: ReturnType<typeof world>, username = 'worker1') {
  const id = await approvedViaApi(w.as(username), w.f.open.id, [w.unit, w.wuhua, w.city]);
  await allocateAndReceive(w.city, w.wuhua, {
    roundId: w.f.open.id,
    organizationId: w.f.wuhua.id,
    stage: 'process',
  });
  const [p] = paymentsOf(w.env.db, id);
  const paid = await w.wuhua.post(`/api/payments/${p.id}/pay`, { reference: `WH-${id}` });
  expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  expect(statusOf(w.env.db, id)).toBe('process_paid');
  return { id, payment: p };
}

const dropout = (w: { ynou: Client }, id: number) =>
  w.ynou.post(`/api/applications/${id}/dropout`, { date: '2026-11-19', reason: '工作调动，无法继续学习' });

const cityProcessRow = async (city: Client, f: City) =>
  (await city.get(`/api/balances?roundId=${f.open.id}`)).body.find(
    (b: { organizationId: number | null; stage: string }) =>
      b.organizationId === null && b.stage === 'process',
  );

/** The integrity check as the city asks for it, on the server's clock. */
const integrityOk = async (city: Client) =>
  expect((await city.get('/api/integrity')).body).toEqual({ ok: true, problems: [] });

describe('R5: the refund is the amount paid, to the fen', () => {
  it.each([37_550, 12_345, 80_001])(
    'a round paying %i fen: the payment, the refund expected, received and confirmed, and the city balance all carry it',
    async (amount) => {
      const w = world(amount);
      const { id, payment } = await paidWorker(w);
      expect(payment.amountFen).toBe(amount);
      const before = await cityProcessRow(w.city, w.f);

      const d = await dropout(w, id);
      expect(d.status, JSON.stringify(d.body)).toBe(200);
      expect(d.body.refundId).toEqual(expect.any(Number));
      const listed = (await w.ynou.get(`/api/refunds${q({ filter: { applicationId: id } })}`)).body;
      expect(listed).toEqual([
        expect.objectContaining({
          id: d.body.refundId,
          paymentId: payment.id,
          amountFen: amount,
          status: 'expected',
        }),
      ]);
      const received = await w.ynou.post(`/api/refunds/${d.body.refundId}/receive`, {
        reference: `TK-${amount}`,
      });
      expect(received.body).toMatchObject({ status: 'received', amountFen: amount });
      const confirmed = await w.city.post(`/api/refunds/${d.body.refundId}/confirm`);
      expect(confirmed.body).toMatchObject({ status: 'confirmed', amountFen: amount });

      const after = await cityProcessRow(w.city, w.f);
      expect(after.refundedFen - before.refundedFen).toBe(amount);
      expect(after.heldFen - before.heldFen).toBe(amount);
      await integrityOk(w.city);
    },
  );

  it('two dropouts of one round each owe their own payment; the city gets back the sum', async () => {
    const w = world(43_210);
    const a = await paidWorker(w, 'worker1');
    const b = await paidWorker(w, 'worker2');
    for (const { id } of [a, b]) expect((await dropout(w, id)).status).toBe(200);
    const refunds = (await w.city.get(`/api/refunds${q({ sort: ['id', 'ASC'] })}`)).body as {
      id: number;
      paymentId: number;
      amountFen: number;
    }[];
    expect(refunds.map((r) => [r.paymentId, r.amountFen])).toEqual([
      [a.payment.id, 43_210],
      [b.payment.id, 43_210],
    ]);
    for (const r of refunds) {
      await w.ynou.post(`/api/refunds/${r.id}/receive`, { reference: `TK-${r.id}` });
      expect((await w.city.post(`/api/refunds/${r.id}/confirm`)).status).toBe(200);
    }
    expect((await cityProcessRow(w.city, w.f)).refundedFen).toBe(86_420);
    await integrityOk(w.city);
  });

  it('I4: the refund is what was paid, not the round figure as it reads today', async () => {
    const w = world(50_000);
    const { id } = await paidWorker(w);
    // The round's figure is raised after this worker was paid: the worker still owes what it got.
    w.env.db.$client.prepare('update rounds set process_amount_fen = 65_000 where id = ?').run(w.f.open.id);
    const d = await dropout(w, id);
    expect(d.status, JSON.stringify(d.body)).toBe(200);
    expect((await w.city.get(`/api/refunds/${d.body.refundId}`)).body.amountFen).toBe(50_000);
    await integrityOk(w.city);
  });

  it('R5: nothing paid, nothing refunded — a failed payment owes no refund', async () => {
    const w = world(37_550);
    const id = await approvedViaApi(w.as('worker1'), w.f.open.id, [w.unit, w.wuhua, w.city]);
    await allocateAndReceive(w.city, w.wuhua, {
      roundId: w.f.open.id,
      organizationId: w.f.wuhua.id,
      stage: 'process',
    });
    const [p] = paymentsOf(w.env.db, id);
    expect((await w.wuhua.post(`/api/payments/${p.id}/fail`, { reason: '账户已注销' })).status).toBe(200);
    const d = await dropout(w, id);
    expect(d.body).toMatchObject({ status: 'dropped_out', refundId: null });
    expect((await w.city.get('/api/refunds')).body).toEqual([]);
    await integrityOk(w.city);
  });

  it('I4: a refund larger than the payment, by a single fen, is a broken invariant', async () => {
    const w = world(37_550);
    const { id } = await paidWorker(w);
    const d = await dropout(w, id);
    await integrityOk(w.city);
    w.env.db.$client
      .prepare('update refunds set amount_fen = amount_fen + 1 where id = ?')
      .run(d.body.refundId);
    const res = await w.city.get('/api/integrity');
    expect(res.body.ok).toBe(false);
    expect(res.body.problems).toEqual([expect.objectContaining({ invariant: 4 })]);
  });
});
