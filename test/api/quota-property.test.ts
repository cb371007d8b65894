import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLACE_HOLDING } from '../../server/domain/lifecycle';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { testEnv } from '../helpers/app';
import { addUser, smallCity } from '../helpers/fixtures';
import { draftWithDocuments } from '../helpers/flow';
import { signedIn } from '../helpers/sessions';

/**
 * R7/R8/R4 under any interleaving: random submits, reviews at every level, withdrawals, quota
 * adjustments, bulk approvals and revocations at payout, with a union that funds 0–2 places itself,
 * keep city-funded approvals ≤ the quota and union-funded ones ≤ the union's places, and the approved
 * set is always the earliest submissions among approved ∪ waitlisted.
 */
/**
 * Sized for `npm test` on a loaded two-core machine (each run builds a city and plays up to 40 steps, about 2 s a run there);
 * `FC_RUNS=200 npx vitest run test/api/quota-property.test.ts` explores more, with a timeout to match.
 */
const RUNS = Number(process.env.FC_RUNS ?? 12);
const op = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('submit' as const), w: fc.nat(5) }), weight: 3 },
  fc.record({
    kind: fc.constant('review' as const),
    level: fc.constantFrom(1, 2, 3),
    pick: fc.nat(20),
    decision: fc.constantFrom('approve', 'approve', 'approve', 'return', 'reject'),
  }),
  fc.record({ kind: fc.constant('withdraw' as const), w: fc.nat(5) }),
  {
    arbitrary: fc.record({ kind: fc.constant('adjust' as const), delta: fc.integer({ min: -1, max: 2 }) }),
    weight: 2,
  },
  {
    arbitrary: fc.record({ kind: fc.constant('bulk' as const), level: fc.constantFrom(1, 2, 3) }),
    weight: 4,
  },
  // R4: the union finds an approved one ineligible at payout and returns its money: revoked.
  fc.record({ kind: fc.constant('revoke' as const), pick: fc.nat(20) }),
);

describe('R7 property', () => {
  it(
    'keeps approved ≤ quota and promotes strictly in submittedAt order',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 10, maxLength: 40 }), fc.nat(2), async (ops, extra) => {
          const env = testEnv();
          const f = smallCity(env, { places: 1 });
          // R8: the union funds `extra` places itself beyond its city quota
          env.db.$client
            .prepare(
              `insert into matching_policies (round_id, organization_id, mode, process_amount_fen, result_amount_fen, extra_places)
              values (?, ?, 'two_stage', 30000, 30000, ?)`,
            )
            .run(f.open.id, f.wuhua.id, extra);
          for (let i = 2; i < 6; i++) addUser(env.db, `pw${i}`, 'worker', { workerId: f.workers[i].id });
          const names = ['worker1', 'worker2', 'pw2', 'pw3', 'pw4', 'pw5'];
          const workers = names.map((n) => signedIn(env, n));
          const reviewers = ['wuhua-001', 'wuhua', 'city'].map((n) => signedIn(env, n));
          const quotaId = (
            env.db.$client
              .prepare('select id from quotas where round_id = ? and organization_id = ?')
              .get(f.open.id, f.wuhua.id) as { id: number }
          ).id;
          const appOf: (number | undefined)[] = [];
          const waiting = (step: number) =>
            (
              env.db.$client
                .prepare('select id from applications where current_step = ? order by id')
                .all(step) as { id: number }[]
            ).map((r) => r.id);

          for (const o of ops) {
            env.clock.advance(1000);
            if (o.kind === 'submit') {
              const c = workers[o.w];
              if (appOf[o.w] === undefined) appOf[o.w] = await draftWithDocuments(c, f.open.id);
              await c.post(`/api/applications/${appOf[o.w]}/submit`);
            } else if (o.kind === 'review') {
              const ids = waiting(o.level);
              if (ids.length)
                await reviewers[o.level - 1].post(`/api/applications/${ids[o.pick % ids.length]}/review`, {
                  decision: o.decision,
                  comment: '随机意见',
                });
            } else if (o.kind === 'withdraw') {
              if (appOf[o.w] !== undefined)
                await workers[o.w].post(`/api/applications/${appOf[o.w]}/withdraw`);
            } else if (o.kind === 'revoke') {
              const ids = (
                env.db.$client
                  .prepare(
                    `select id from applications where status = 'approved' and funded_by = 'city' order by id`,
                  )
                  .all() as { id: number }[]
              ).map((r) => r.id);
              if (ids.length) {
                // as the union's fund return would: the money was allocated and received, then returned
                const id = ids[o.pick % ids.length];
                env.db.$client
                  .prepare('update applications set enrollment_verified_at = ? where id = ?')
                  .run(env.clock.now().toISOString(), id);
                const city = reviewers[2];
                const al = await city.post('/api/allocations', {
                  roundId: f.open.id,
                  organizationId: f.wuhua.id,
                  stage: 'process',
                });
                if (al.status === 201) {
                  await city.post(`/api/allocations/${al.body.id}/transfer`);
                  await reviewers[1].post(`/api/allocations/${al.body.id}/receive`);
                }
                await reviewers[1].post('/api/fund-returns', {
                  roundId: f.open.id,
                  stage: 'process',
                  applicationIds: [id],
                  report: '发放前核查发现该职工不属于一线职工，资金退还市总工会。',
                });
              }
            } else if (o.kind === 'adjust') {
              if (o.delta !== 0)
                await reviewers[2].post(`/api/quotas/${quotaId}/adjust`, {
                  delta: o.delta,
                  reason: '随机调整',
                });
            } else {
              // A clerk's day at every level in turn, from the level drawn downwards.
              for (let level = o.level; level <= 3; level++) {
                const ids = waiting(level);
                if (ids.length)
                  await reviewers[level - 1].post('/api/applications/review', {
                    ids,
                    decision: 'approve',
                    comment: '',
                  });
              }
            }
            const places = (
              env.db.$client.prepare('select places from quotas where id = ?').get(quotaId) as {
                places: number;
              }
            ).places;
            const rows = env.db.$client
              .prepare(
                `select id, status, funded_by f, submitted_at s from applications where level2_id = ? and status in ('approved','waitlisted', ${PLACE_HOLDING.map((x) => `'${x}'`).join(',')}) order by submitted_at, id`,
              )
              .all(f.wuhua.id) as { id: number; status: string; f: string; s: string }[];
            const approved = rows.filter((r) => r.status !== 'waitlisted');
            // R7: city-funded approvals within the quota; R8: union-funded within the union's places
            expect(approved.filter((r) => r.f === 'city').length).toBeLessThanOrEqual(places);
            expect(approved.filter((r) => r.f === 'union').length).toBeLessThanOrEqual(extra);
            // Strict FCFS: no waitlisted application was submitted before an approved one, and none waits while a place is free.
            const firstWaiting = rows.findIndex((r) => r.status === 'waitlisted');
            if (firstWaiting >= 0) {
              expect(rows.slice(firstWaiting).every((r) => r.status === 'waitlisted')).toBe(true);
              expect(approved.length).toBe(places + extra);
            }
          }
          const integrity = checkIntegrity(env.db, env.clock.now());
          expect(integrity.problems).toEqual([]);
        }),
        { numRuns: RUNS },
      );
    },
    Math.max(120_000, RUNS * 5_000),
  );
});
