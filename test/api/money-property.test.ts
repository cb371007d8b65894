import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lapseSweep } from '../../server/resources/applications/progress';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { testEnv, type Client, type TestEnv } from '../helpers/app';
import { makeCard, smallCity } from '../helpers/fixtures';
import { upload } from '../helpers/flow';
import { signedIn } from '../helpers/sessions';
import { approvedInBulk } from '../helpers/money';

/**
 * I1–I7 under any interleaving: random sequences of every money action — allocations, transfers,
 * receipts, payments that succeed or fail, re-issues, card corrections, graduations and their
 * verification, dropouts, refunds, fund returns (revoking the ineligible, R4), matching policies with
 * places the union funds itself and its own payments for them (R8), agency agreements, bank sheets,
 * retried Idempotency-Keys and time passing into lapses — keep every invariant after every step.
 */
/**
 * Sized for `npm test` on a loaded two-core machine (each run builds a city and plays up to 60 money
 * actions, about 3 s a run there); `FC_RUNS=200 npx vitest run test/api/money-property.test.ts`
 * explores more, with a timeout to match.
 */
const RUNS = Number(process.env.FC_RUNS ?? 6);
const pick = fc.nat(50);
const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('flow' as const),
      union: fc.nat(1),
      stage: fc.constantFrom('process', 'process', 'result'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('allocate' as const),
      union: fc.nat(1),
      stage: fc.constantFrom('process', 'result'),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('transfer' as const), pick, any: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('receive' as const), pick, any: fc.boolean() }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      pick,
      key: fc.nat(3),
      wrongPayer: fc.boolean(),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('fail' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('reissue' as const), pick, cardUnchanged: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('card' as const), pick, n: fc.nat(9999) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropout' as const), pick }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('graduate' as const), pick, verify: fc.boolean() }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('verify' as const),
      pick,
      approve: fc.constantFrom(true, true, false),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('refund' as const), pick, confirm: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refundBoth' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('return' as const),
      union: fc.nat(1),
      stage: fc.constantFrom('process', 'result'),
      picks: fc.array(pick, { minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('confirmReturn' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('agreement' as const),
      stages: fc.constantFrom('process', 'result', 'process,result'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('policy' as const),
      mode: fc.constantFrom('two_stage', 'process_only', 'result_only'),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('own' as const),
      stage: fc.constantFrom('process', 'process', 'result'),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('bank' as const),
      payer: fc.nat(1),
      outcomes: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('time' as const),
      days: fc.constantFrom(30, 30, 200, 400, 1200),
    }),
  },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface World {
  env: TestEnv;
  f: ReturnType<typeof smallCity>;
  c: Record<string, Client>;
  agreements: number;
  policy: boolean;
}

const ids = (w: World, sql: string, ...args: unknown[]) =>
  (w.env.db.$client.prepare(sql).all(...args) as { id: number }[]).map((r) => r.id);
const at = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);
const today = (w: World) => new Date(w.env.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

function login(w: World) {
  for (const u of ['city', 'wuhua', 'direct-001', 'school', 'ynou']) w.c[u] = signedIn(w.env, u);
}

async function step(w: World, o: Op): Promise<number | undefined> {
  const { c, f, env } = w;
  const unions = [f.wuhua.id, f.direct.id];
  const staff = (orgId: number) =>
    orgId === f.wuhua.id ? c.wuhua : orgId === f.direct.id ? c['direct-001'] : c.school;
  switch (o.kind) {
    case 'flow': {
      // the whole 拨付 in one go: create, transfer, receive
      const al = await c.city.post('/api/allocations', {
        roundId: f.open.id,
        organizationId: unions[o.union],
        stage: o.stage,
      });
      if (al.status !== 201) return al.status;
      expect((await c.city.post(`/api/allocations/${al.body.id}/transfer`)).status).toBe(200);
      return (await staff(unions[o.union]).post(`/api/allocations/${al.body.id}/receive`)).status;
    }
    case 'allocate':
      return (
        await c.city.post('/api/allocations', {
          roundId: f.open.id,
          organizationId: unions[o.union],
          stage: o.stage,
        })
      ).status;
    case 'transfer': {
      const id = at(
        ids(w, `select id from allocations where ${o.any ? '1' : "status = 'created'"} order by id`),
        o.pick,
      );
      return id && (await c.city.post(`/api/allocations/${id}/transfer`)).status;
    }
    case 'receive': {
      const row = at(
        env.db.$client
          .prepare(
            `select id, organization_id o from allocations where ${o.any ? '1' : "status = 'transferred'"} order by id`,
          )
          .all() as { id: number; o: number }[],
        o.pick,
      );
      return row && (await staff(row.o).post(`/api/allocations/${row.id}/receive`)).status;
    }
    case 'pay':
    case 'fail': {
      const row = at(
        env.db.$client
          .prepare(
            `select id, payer_organization_id payer from payments where status = 'pending' order by id`,
          )
          .all() as { id: number; payer: number }[],
        o.pick,
      );
      if (!row) return;
      const who = o.kind === 'pay' && o.wrongPayer ? c.wuhua : staff(row.payer);
      if (o.kind === 'fail')
        return (await who.post(`/api/payments/${row.id}/fail`, { reason: '银行退票' })).status;
      const headers = o.key ? { 'Idempotency-Key': `pay-${row.id}-${o.key}` } : undefined;
      const first = await who.post(`/api/payments/${row.id}/pay`, { reference: `REF-${row.id}` }, headers);
      if (headers) {
        const again = await who.post(`/api/payments/${row.id}/pay`, { reference: `REF-${row.id}` }, headers);
        // A stored answer replays as it was; a refused one was not stored and is refused again.
        expect(again.status).toBe(first.status);
        if (first.status === 200) expect(again.body).toEqual(first.body);
      }
      return first.status;
    }
    case 'reissue': {
      const row = at(
        env.db.$client
          .prepare(`select id, organization_id o from payments where status = 'failed' order by id`)
          .all() as { id: number; o: number }[],
        o.pick,
      );
      return (
        row &&
        (
          await staff(row.o).post(
            `/api/payments/${row.id}/reissue`,
            o.cardUnchanged ? { cardUnchanged: true, note: '银行确认卡号无误' } : {},
          )
        ).status
      );
    }
    case 'card': {
      const worker = at(ids(w, 'select worker_id id from applications order by id'), o.pick);
      return (
        worker && (await c.city.put(`/api/workers/${worker}`, { bankCard: makeCard(50_000 + o.n) })).status
      );
    }
    case 'dropout': {
      const id = at(
        ids(w, `select id from applications where status in ('approved','process_paid') order by id`),
        o.pick,
      );
      return (
        id &&
        (await c.ynou.post(`/api/applications/${id}/dropout`, { date: today(w), reason: '个人原因退学' }))
          .status
      );
    }
    case 'graduate': {
      const id = at(ids(w, `select id from applications where status = 'process_paid' order by id`), o.pick);
      if (!id) return;
      const doc = await upload(c.ynou, id, 'graduation_record');
      const g = await c.ynou.post(`/api/applications/${id}/graduate`, {
        date: today(w),
        documentId: doc.body.id,
      });
      return o.verify && g.status === 200
        ? (
            await c.city.post(`/api/applications/${id}/verify-graduation`, {
              decision: 'approve',
              comment: '',
            })
          ).status
        : g.status;
    }
    case 'verify': {
      const id = at(
        ids(
          w,
          `select id from applications where status = 'graduated' and graduation_verified_at is null order by id`,
        ),
        o.pick,
      );
      return (
        id &&
        (
          await c.city.post(
            `/api/applications/${id}/verify-graduation`,
            o.approve
              ? { decision: 'approve', comment: '' }
              : { decision: 'reject', comment: '备案表不清晰' },
          )
        ).status
      );
    }
    case 'refund': {
      const row = at(
        env.db.$client
          .prepare(
            `select id, status from refunds where status = '${o.confirm ? 'received' : 'expected'}' order by id`,
          )
          .all() as { id: number; status: string }[],
        o.pick,
      );
      if (!row) return;
      return o.confirm
        ? (await c.city.post(`/api/refunds/${row.id}/confirm`)).status
        : (await c.ynou.post(`/api/refunds/${row.id}/receive`, { reference: `TK-${row.id}` })).status;
    }
    case 'refundBoth': {
      // received from the institution, then confirmed by the city
      const id = at(ids(w, `select id from refunds where status = 'expected' order by id`), o.pick);
      if (!id) return;
      expect((await c.ynou.post(`/api/refunds/${id}/receive`, { reference: `TK-${id}` })).status).toBe(200);
      return (await c.city.post(`/api/refunds/${id}/confirm`)).status;
    }
    case 'return': {
      const mine = ids(w, `select id from applications where level2_id = ? order by id`, unions[o.union]);
      const chosen = [...new Set(o.picks.map((p) => at(mine, p)!))].filter(Boolean);
      return chosen.length
        ? (
            await staff(unions[o.union]).post('/api/fund-returns', {
              roundId: f.open.id,
              stage: o.stage,
              applicationIds: chosen,
              report: '发放前核查发现不符合发放条件，资金退还市总工会。',
            })
          ).status
        : undefined;
    }
    case 'confirmReturn': {
      const id = at(ids(w, `select id from fund_returns where status = 'filed' order by id`), o.pick);
      return id && (await c.city.post(`/api/fund-returns/${id}/confirm`)).status;
    }
    case 'agreement':
      return (
        await c.city.post('/api/agency-agreements', {
          organizationId: f.wuhua.id,
          agentOrganizationId: f.school.id,
          agreementNo: `DF-${++w.agreements}`,
          startsOn: '2020-01-01',
          endsOn: '2040-12-31',
          stages: o.stages,
        })
      ).status;
    case 'policy': {
      if (w.policy) return;
      w.policy = true;
      const amounts = { two_stage: [30_000, 30_000], process_only: [20_000, 0], result_only: [0, 50_000] }[
        o.mode
      ];
      return (
        await c.wuhua.post('/api/matching-policies', {
          roundId: f.open.id,
          mode: o.mode,
          processAmountFen: amounts[0],
          resultAmountFen: amounts[1],
          // R8: a two-stage policy also funds two places beyond the city quota (filled from the waitlist)
          extraPlaces: o.mode === 'two_stage' ? 2 : 0,
        })
      ).status;
    }
    case 'own':
      // R8: the union's own payments for the places it funds itself
      return (await c.wuhua.post('/api/payments/own-places', { roundId: f.open.id, stage: o.stage })).status;
    case 'bank': {
      const payer = [c.school, c.wuhua][o.payer];
      const res = await env.app.request('/api/payments/bank-file', { headers: { cookie: payer.cookie } });
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const ws = wb.worksheets[0];
      for (let r = 2; r < ws.rowCount; r++) {
        const ok = o.outcomes[(r - 2) % o.outcomes.length];
        ws.getRow(r).getCell(10).value = ok ? '成功' : '失败';
        ws.getRow(r).getCell(11).value = ok ? `BANK-${r}` : '';
      }
      const form = new FormData();
      form.set('file', new File([new Uint8Array(await wb.xlsx.writeBuffer())], 'result.xlsx'));
      return (await payer.request('POST', '/api/payments/bank-file', form)).status;
    }
    case 'time': {
      env.clock.advance(o.days * 86_400_000);
      lapseSweep(env.db, env.clock.now);
      // Sessions end after 12 hours; keep these alive rather than open new ones.
      const now = env.clock.now().toISOString();
      env.db.$client.prepare('update sessions set created_at = ?, last_seen_at = ?').run(now, now);
      return;
    }
  }
}

describe('money invariants I1–I7 property', () => {
  it(
    'hold after every step of any sequence of money actions',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 30, maxLength: 60 }), async (ops) => {
          const env = testEnv();
          const f = smallCity(env, { places: 4 });
          approvedInBulk(env.db, env.pii, {
            n: 4,
            roundId: f.open.id,
            unit: f.unit1,
            quota: false,
            from: 20_000,
          });
          approvedInBulk(env.db, env.pii, { n: 2, roundId: f.open.id, unit: f.unit1, from: 20_050 });
          approvedInBulk(env.db, env.pii, {
            n: 2,
            roundId: f.open.id,
            unit: f.unit1,
            status: 'waitlisted',
            from: 20_100,
          });
          approvedInBulk(env.db, env.pii, {
            n: 3,
            roundId: f.open.id,
            unit: f.direct,
            quota: false,
            from: 20_200,
          });
          const w: World = { env, f, c: {}, agreements: 0, policy: false };
          login(w);
          for (const o of ops) {
            env.clock.advance(5_000);
            const status = await step(w, o);
            if (status !== undefined) expect(status, JSON.stringify(o)).toBeLessThan(500);
            const check = checkIntegrity(env.db);
            expect(check.problems, JSON.stringify(o)).toEqual([]);
          }
          env.db.$client.close();
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(120_000, RUNS * 15_000),
  );
});
