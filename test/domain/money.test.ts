import { describe, expect, it } from 'vitest';
import {
  agreementCovers,
  allocationProblem,
  cityHeldFen,
  daysToLapse,
  dueFor,
  matchingAmounts,
  matchingFen,
  parseYuan,
  payOutcome,
  unionPlacesPolicyProblem,
  paymentProblem,
  payoutRoute,
  refundProblem,
  resultDue,
  returnProblem,
  shouldLapse,
  stageAmountFen,
  unionHeldFen,
  yuan,
  type Agreement,
} from '../../server/domain/money';

const round = { processAmountFen: 50_000, resultAmountFen: 100_000 };
const grad = (
  over: Partial<{
    status: string;
    graduationVerifiedAt: string | null;
    graduatedOn: string | null;
    fundedBy: 'city' | 'union';
  }> = {},
) => ({
  status: 'graduated',
  graduationVerifiedAt: '2022-07-10T00:00:00Z',
  graduatedOn: '2022-07-01',
  ...over,
});

describe('amounts', () => {
  it('R1: 500 process and 1,000 result, in integer fen per round', () => {
    expect(stageAmountFen(round, 'process')).toBe(50_000);
    expect(stageAmountFen(round, 'result')).toBe(100_000);
  });
  it('R1: fen become 元 for a bank sheet without floats, and back', () => {
    expect(yuan(50_000)).toBe('500.00');
    expect(yuan(1)).toBe('0.01');
    expect(yuan(123_456_789)).toBe('1234567.89');
    expect(parseYuan('500.00')).toBe(50_000);
    expect(parseYuan(500)).toBe(50_000);
    expect(parseYuan(0.1 + 0.2)).toBe(30);
    expect(parseYuan('1,000.5')).toBe(100_050);
    for (const bad of ['', 'abc', '-5', '1.234', null, undefined, {}]) expect(parseYuan(bad)).toBeNull();
  });
  it('R8: a matching policy adds only to the stages its mode pays', () => {
    const two = { mode: 'two_stage' as const, processAmountFen: 30_000, resultAmountFen: 20_000 };
    expect([matchingFen(two, 'process'), matchingFen(two, 'result')]).toEqual([30_000, 20_000]);
    expect(matchingFen({ ...two, mode: 'process_only' }, 'result')).toBe(0);
    expect(matchingFen({ ...two, mode: 'result_only' }, 'process')).toBe(0);
    expect(matchingFen(undefined, 'process')).toBe(0);
    expect(matchingAmounts('process_only', 100, 1)?.field).toBe('resultAmountFen');
    expect(matchingAmounts('two_stage', 0, 0)?.message).toMatch(/^\p{Script=Han}/u);
  });
});

describe('due dates', () => {
  it('R2: the process stage is due once approved, and only then', () => {
    expect(dueFor('process', grad({ status: 'approved' }), '2022-12-31')).toBe(true);
    for (const s of ['process_paid', 'graduated', 'waitlisted', 'dropped_out', 'lapsed'])
      expect(dueFor('process', grad({ status: s }), '2022-12-31')).toBe(false);
  });
  it('R2: the result stage is due after a verified graduation', () => {
    expect(resultDue(grad(), '2022-12-31')).toBe(true);
    expect(resultDue(grad({ graduationVerifiedAt: null }), '2022-12-31')).toBe(false);
    expect(resultDue(grad({ status: 'process_paid' }), '2022-12-31')).toBe(false);
  });
  it('R6: no result subsidy for a graduation after the deadline', () => {
    expect(resultDue(grad({ graduatedOn: '2023-01-01' }), '2022-12-31')).toBe(false);
  });
  it('R6: lapses after the deadline without a verified graduation, counted down before', () => {
    const open = { status: 'process_paid', graduationVerifiedAt: null };
    expect(shouldLapse(open, '2022-12-31', '2022-12-31')).toBe(false);
    expect(shouldLapse(open, '2022-12-31', '2023-01-01')).toBe(true);
    expect(shouldLapse({ ...open, graduationVerifiedAt: '2022-12-01' }, '2022-12-31', '2023-01-01')).toBe(
      false,
    );
    expect(
      shouldLapse({ status: 'dropped_out', graduationVerifiedAt: null }, '2022-12-31', '2023-01-01'),
    ).toBe(false);
    expect(daysToLapse(open, '2022-12-31', '2022-12-01')).toBe(30);
    expect(
      daysToLapse({ status: 'completed', graduationVerifiedAt: 'x' }, '2022-12-31', '2022-12-01'),
    ).toBeNull();
  });
});

describe('who pays', () => {
  const g: Agreement = {
    agentOrganizationId: 9,
    startsOn: '2019-10-15',
    endsOn: '2021-12-31',
    stages: 'process,result',
    active: true,
  };
  const base = {
    level2Id: 2,
    source: 'city' as const,
    stage: 'process' as const,
    today: '2020-03-01',
    hasCard: true,
    agreements: [g],
  };
  it("R3: the workers' school pays under an agreement in force, for a worker with a card", () => {
    expect(payoutRoute(base)).toEqual({ channel: 'agency', payerOrganizationId: 9 });
  });
  it('R3: without a card, an agreement out of its dates, inactive or not covering the stage, the union pays', () => {
    const direct = { channel: 'direct', payerOrganizationId: 2 };
    expect(payoutRoute({ ...base, hasCard: false })).toEqual(direct);
    expect(payoutRoute({ ...base, today: '2022-01-01' })).toEqual(direct);
    expect(payoutRoute({ ...base, agreements: [{ ...g, active: false }] })).toEqual(direct);
    expect(payoutRoute({ ...base, stage: 'result', agreements: [{ ...g, stages: 'process' }] })).toEqual(
      direct,
    );
    expect(agreementCovers(g, '2019-10-15', 'result')).toBe(true);
  });
  it("R8: matching money is the union's own: the union pays it even under an agreement", () => {
    expect(payoutRoute({ ...base, source: 'matching' })).toEqual({
      channel: 'direct',
      payerOrganizationId: 2,
    });
  });
});

describe('moves of money', () => {
  it('R3: an allocation is created, transferred by the city, then received by the union, in that order', () => {
    expect(allocationProblem('transfer', 'created')).toBeNull();
    expect(allocationProblem('receive', 'transferred')).toBeNull();
    expect(allocationProblem('receive', 'created')).not.toBeNull();
    expect(allocationProblem('transfer', 'received')).not.toBeNull();
  });
  it('R3: only a pending payment is paid or failed, only a failed one re-issued', () => {
    expect(paymentProblem('pay', 'pending')).toBeNull();
    expect(paymentProblem('pay', 'paid')).not.toBeNull();
    expect(paymentProblem('fail', 'cancelled')).not.toBeNull();
    expect(paymentProblem('reissue', 'failed')).toBeNull();
    expect(paymentProblem('reissue', 'pending')).not.toBeNull();
  });
  it('R8: on a place the union funds itself the union’s money moves the application, and the city’s is refused', () => {
    const own = (status: string) => grad({ status, fundedBy: 'union' as const });
    expect(
      payOutcome({ stage: 'process', source: 'matching', app: own('approved'), deadline: '2022-12-31' }),
    ).toEqual({ to: 'process_paid' });
    expect(
      payOutcome({ stage: 'result', source: 'matching', app: own('graduated'), deadline: '2022-12-31' }),
    ).toEqual({ to: 'completed' });
    const city = payOutcome({
      stage: 'process',
      source: 'city',
      app: own('approved'),
      deadline: '2022-12-31',
    });
    expect('problem' in city && city.problem.rule).toBe('R8');
  });
  it('R8: places a union funds itself are paid in two stages', () => {
    expect(unionPlacesPolicyProblem({ mode: 'process_only', extraPlaces: 1 })?.rule).toBe('R8');
    expect(unionPlacesPolicyProblem({ mode: 'process_only', extraPlaces: 0 })).toBeNull();
    expect(unionPlacesPolicyProblem({ mode: 'two_stage', extraPlaces: 5 })).toBeNull();
  });
  it('R2: city process money moves approved → process_paid, city result money graduated → completed', () => {
    expect(
      payOutcome({
        stage: 'process',
        source: 'city',
        app: grad({ status: 'approved' }),
        deadline: '2022-12-31',
      }),
    ).toEqual({ to: 'process_paid' });
    expect(payOutcome({ stage: 'result', source: 'city', app: grad(), deadline: '2022-12-31' })).toEqual({
      to: 'completed',
    });
    expect(
      payOutcome({
        stage: 'process',
        source: 'matching',
        app: grad({ status: 'process_paid' }),
        deadline: '2022-12-31',
      }),
    ).toEqual({ to: null });
  });
  it('R5: nothing more is paid to a dropout', () => {
    for (const stage of ['process', 'result'] as const) {
      expect(
        payOutcome({ stage, source: 'city', app: grad({ status: 'dropped_out' }), deadline: '2022-12-31' }),
      ).toMatchObject({ problem: { rule: 'R5' } });
    }
  });
  it('R6: a lapsed application gets no money at all: no result subsidy, and no process subsidy still owed', () => {
    expect(
      payOutcome({
        stage: 'result',
        source: 'city',
        app: grad({ status: 'lapsed' }),
        deadline: '2022-12-31',
      }),
    ).toMatchObject({ problem: { rule: 'R6' } });
    expect(
      payOutcome({
        stage: 'result',
        source: 'matching',
        app: grad({ status: 'lapsed' }),
        deadline: '2022-12-31',
      }),
    ).toMatchObject({ problem: { rule: 'R6' } });
    expect(
      payOutcome({
        stage: 'process',
        source: 'city',
        app: grad({ status: 'lapsed', graduationVerifiedAt: null }),
        deadline: '2022-12-31',
      }),
    ).toMatchObject({ problem: { rule: 'R6' } });
  });
  it('R2: no result money, city or matching, before the graduation is verified', () => {
    const unverified = grad({ graduationVerifiedAt: null });
    expect(
      payOutcome({ stage: 'result', source: 'city', app: unverified, deadline: '2022-12-31' }),
    ).toMatchObject({ problem: { rule: 'R2' } });
    expect(
      payOutcome({ stage: 'result', source: 'matching', app: unverified, deadline: '2022-12-31' }),
    ).toMatchObject({ problem: { rule: 'R2' } });
    expect(
      payOutcome({
        stage: 'result',
        source: 'city',
        app: grad({ graduatedOn: '2023-02-01' }),
        deadline: '2022-12-31',
      }),
    ).toMatchObject({ problem: { rule: 'R6' } });
  });
  it('R5: a refund only for a dropout with a paid city process subsidy, never more than was paid', () => {
    const payment = {
      stage: 'process' as const,
      source: 'city' as const,
      status: 'paid' as const,
      amountFen: 50_000,
    };
    expect(refundProblem({ appStatus: 'dropped_out', payment, amountFen: 50_000 })).toBeNull();
    expect(refundProblem({ appStatus: 'dropped_out', payment, amountFen: 50_001 })).toMatch(
      /^\p{Script=Han}/u,
    );
    expect(refundProblem({ appStatus: 'process_paid', payment, amountFen: 50_000 })).toMatch(
      /^\p{Script=Han}/u,
    );
    expect(
      refundProblem({
        appStatus: 'dropped_out',
        payment: { ...payment, status: 'pending' },
        amountFen: 50_000,
      }),
    ).toMatch(/^\p{Script=Han}/u);
    expect(
      refundProblem({
        appStatus: 'dropped_out',
        payment: { ...payment, source: 'matching' },
        amountFen: 50_000,
      }),
    ).toMatch(/^\p{Script=Han}/u);
    expect(refundProblem({ appStatus: 'dropped_out', payment: null, amountFen: 1 })).toMatch(
      /^\p{Script=Han}/u,
    );
  });
  it('R4: only received, unpaid, not yet returned money goes back', () => {
    const ok = { covered: true, received: true, paid: false, returned: false };
    expect(returnProblem(ok)).toBeNull();
    expect(returnProblem({ ...ok, covered: false })).toMatch(/^\p{Script=Han}/u);
    expect(returnProblem({ ...ok, received: false })).toMatch(/^\p{Script=Han}/u);
    expect(returnProblem({ ...ok, paid: true })).toMatch(/^\p{Script=Han}/u);
    expect(returnProblem({ ...ok, returned: true })).toMatch(/^\p{Script=Han}/u);
  });
  it('I3: a union holds what it received less paid and returned; the city its budget less transfers plus returns and refunds', () => {
    expect(unionHeldFen({ receivedFen: 150_000, paidFen: 50_000, returnedFen: 50_000 })).toBe(50_000);
    expect(
      cityHeldFen({
        budgetedFen: 500_000,
        transferredFen: 150_000,
        returnedFen: 50_000,
        refundedFen: 50_000,
      }),
    ).toBe(450_000);
  });
});
