import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../server/domain/eligibility';
import { clockSweep } from '../../server/resources/applications/progress';
import { checkIntegrity } from '../../server/resources/integrity/service';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { addUser, smallCity } from '../helpers/fixtures';
import { submitted, upload } from '../helpers/flow';
import { approvedInBulk } from '../helpers/money';

/**
 * The notice's clock under any interleaving: random reviews, quota adjustments, enrolment checks,
 * allocations, payments (and failures and re-issues), the city's late approvals, graduations,
 * dropouts, withdrawals and clock jumps (a day to three years, or onto either side of one of the
 * round's dates, each followed by the daily sweep) never pay a process subsidy after the round's
 * processPayBy without a late approval (R2), never promote from the waitlist on or after
 * waitlistClosesOn (R7), and keep every invariant of checkIntegrity after every step.
 *
 * The city, its applications in every state and the signed-in sessions are built once and copied
 * per run: a run costs a file copy, not six sign-ins.
 */
const RUNS = Number(process.env.FC_RUNS ?? 15);
/** The open round's dates (smallCity: intake from 2026-08-01) and the earliest graduation of an enrolment on 2026-09-01. */
const PAY_BY = '2027-08-01';
const EARLIEST_GRADUATION = '2029-03-01';
const DEADLINE = '2029-08-01';
const STAFF = ['city', 'wuhua', 'wuhua-001', 'ynou', 'worker1', 'worker2', 'pw3', 'pw4'] as const;
type Who = (typeof STAFF)[number];

const pick = fc.nat(40);
const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('review' as const),
      level: fc.constantFrom(1, 2, 3),
      pick,
      decision: fc.constantFrom('approve', 'approve', 'approve', 'return', 'reject'),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('resubmit' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('adjust' as const), delta: fc.constantFrom(-1, 1, 1, 2) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('enrol' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('flow' as const),
      stage: fc.constantFrom('process', 'process', 'result'),
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('pay' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('fail' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reissue' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('late' as const), pick }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('graduate' as const), pick, verify: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropout' as const), pick }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('time' as const),
      days: fc.constantFrom(1, 1, 7, 30, 30, 120, 250, 400, 1100),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('boundary' as const),
      day: fc.constantFrom(PAY_BY, EARLIEST_GRADUATION, DEADLINE),
      // the day before it (23:59 in Kunming), its last minute, or the first minute after it
      side: fc.constantFrom(-1, 0, 1),
    }),
  },
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

interface Template {
  file: string;
  f: ReturnType<typeof smallCity>;
  cookies: Record<Who, string>;
}
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/**
 * wuhua's quota for the open round is full (three approved, one of them with its enrollment report
 * not yet accepted), two wait on the waitlist, four real workers' applications wait at the first review.
 */
async function buildTemplate(): Promise<Template> {
  const env = testEnv();
  dirs.push(env.dataDir);
  const f = smallCity(env, { places: 0 });
  for (const i of [2, 3]) addUser(env.db, `pw${i + 1}`, 'worker', { workerId: f.workers[i].id });
  const approved = approvedInBulk(env.db, env.pii, { n: 3, roundId: f.open.id, unit: f.unit1, from: 30_000 });
  approvedInBulk(env.db, env.pii, {
    n: 2,
    roundId: f.open.id,
    unit: f.unit1,
    status: 'waitlisted',
    from: 30_100,
  });
  env.db.$client.prepare(`update applications set enrolled_on = '2026-09-01'`).run();
  env.db.$client
    .prepare('update applications set enrollment_verified_at = null where id = ?')
    .run(approved[2]);
  const cookies = {} as Record<Who, string>;
  for (const who of STAFF) cookies[who] = (await new Client(env).login(who)).cookie;
  for (const who of ['worker1', 'worker2', 'pw3', 'pw4'] as const) {
    const c = new Client(env);
    c.cookie = cookies[who];
    await submitted(c, f.open.id);
  }
  env.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  env.db.$client.close();
  return { file: path.join(env.dataDir, 'app.db'), f, cookies };
}

interface World {
  env: TestEnv;
  f: ReturnType<typeof smallCity>;
  c: Record<Who, Client>;
}

const today = (w: World) => chinaDate(w.env.clock.now());
const rows = <T>(w: World, sql: string, ...args: unknown[]) =>
  w.env.db.$client.prepare(sql).all(...args) as T[];
const ids = (w: World, sql: string, ...args: unknown[]) =>
  rows<{ id: number }>(w, sql, ...args).map((r) => r.id);
const at = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined);
const addDays = (day: string, n: number) =>
  new Date(Date.parse(day) + n * 86_400_000).toISOString().slice(0, 10);

/** The clock moves forward only; the staff stay signed in; the daily sweep runs as server/index.ts runs it. */
function moveClock(w: World, iso: string) {
  if (Date.parse(iso) <= w.env.clock.now().getTime()) return;
  w.env.clock.set(iso);
  const now = w.env.clock.now().toISOString();
  w.env.db.$client.prepare('update sessions set created_at = ?, last_seen_at = ?').run(now, now);
  clockSweep(w.env.db, w.env.clock.now);
}

/** The worker account behind an application, if it has one. */
function ownerOf(w: World, applicationId: number): Client | undefined {
  const workerId = (
    w.env.db.$client.prepare('select worker_id id from applications where id = ?').get(applicationId) as {
      id: number;
    }
  ).id;
  const names: [Who, number][] = [
    ['worker1', w.f.workers[0].id],
    ['worker2', w.f.workers[1].id],
    ['pw3', w.f.workers[2].id],
    ['pw4', w.f.workers[3].id],
  ];
  const hit = names.find(([, id]) => id === workerId);
  return hit && w.c[hit[0]];
}

async function step(w: World, o: Op): Promise<number | undefined> {
  const { c, f, env } = w;
  const reviewers = [c['wuhua-001'], c.wuhua, c.city];
  switch (o.kind) {
    case 'review': {
      const id = at(
        ids(w, 'select id from applications where current_step = ? order by id', o.level),
        o.pick,
      );
      return (
        id &&
        (
          await reviewers[o.level - 1].post(`/api/applications/${id}/review`, {
            decision: o.decision,
            comment: '随机意见',
          })
        ).status
      );
    }
    case 'resubmit': {
      const id = at(ids(w, `select id from applications where status = 'returned' order by id`), o.pick);
      const owner = id && ownerOf(w, id);
      return owner ? (await owner.post(`/api/applications/${id}/submit`)).status : undefined;
    }
    case 'withdraw': {
      const id = at(
        ids(
          w,
          `select id from applications where status in ('submitted','unit_approved','org_approved','returned') order by id`,
        ),
        o.pick,
      );
      const owner = id && ownerOf(w, id);
      return owner ? (await owner.post(`/api/applications/${id}/withdraw`)).status : undefined;
    }
    case 'adjust': {
      const quota = rows<{ id: number }>(
        w,
        'select id from quotas where round_id = ? and organization_id = ?',
        f.open.id,
        f.wuhua.id,
      )[0];
      return (await c.city.post(`/api/quotas/${quota.id}/adjust`, { delta: o.delta, reason: '随机调整' }))
        .status;
    }
    case 'enrol': {
      const id = at(
        ids(
          w,
          `select id from applications where status = 'approved' and enrollment_verified_at is null order by id`,
        ),
        o.pick,
      );
      if (!id) return;
      expect((await upload(c['wuhua-001'], id, 'enrollment_report')).status).toBe(201);
      return (await c.wuhua.post(`/api/applications/${id}/verify-enrollment`, { decision: 'approve' }))
        .status;
    }
    case 'flow': {
      const al = await c.city.post('/api/allocations', {
        roundId: f.open.id,
        organizationId: f.wuhua.id,
        stage: o.stage,
      });
      if (al.status !== 201) return al.status;
      expect((await c.city.post(`/api/allocations/${al.body.id}/transfer`)).status).toBe(200);
      return (await c.wuhua.post(`/api/allocations/${al.body.id}/receive`)).status;
    }
    case 'pay': {
      const p = at(
        rows<{ id: number; stage: string; applicationId: number }>(
          w,
          `select id, stage, application_id applicationId from payments where status = 'pending' order by id`,
        ),
        o.pick,
      );
      if (!p) return;
      const res = await c.wuhua.post(`/api/payments/${p.id}/pay`, { reference: `WH-${p.id}` });
      if (res.status === 200 && p.stage === 'process') {
        // R2: paid only inside the window, or with the city's late approval
        const late = rows<{ late: string | null }>(
          w,
          'select late_process_approved_at late from applications where id = ?',
          p.applicationId,
        )[0].late;
        expect(today(w) <= PAY_BY || !!late, `process payment #${p.id} paid on ${today(w)}`).toBe(true);
      }
      return res.status;
    }
    case 'fail': {
      const id = at(ids(w, `select id from payments where status = 'pending' order by id`), o.pick);
      return id && (await c.wuhua.post(`/api/payments/${id}/fail`, { reason: '银行退票' })).status;
    }
    case 'reissue': {
      const id = at(ids(w, `select id from payments where status = 'failed' order by id`), o.pick);
      return (
        id &&
        (await c.wuhua.post(`/api/payments/${id}/reissue`, { cardUnchanged: true, note: '银行确认卡号无误' }))
          .status
      );
    }
    case 'late': {
      const id = at(
        ids(
          w,
          `select id from applications where status = 'approved' and late_process_approved_at is null order by id`,
        ),
        o.pick,
      );
      return (
        id &&
        (
          await c.city.post(`/api/applications/${id}/allow-late-process`, {
            reason: '学籍审核延误，同意补发',
          })
        ).status
      );
    }
    case 'graduate': {
      const id = at(ids(w, `select id from applications where status = 'process_paid' order by id`), o.pick);
      if (!id) return;
      const doc = await upload(c.ynou, id, 'graduation_record');
      if (doc.status !== 201) return doc.status;
      const date = today(w) < DEADLINE ? today(w) : DEADLINE;
      const g = await c.ynou.post(`/api/applications/${id}/graduate`, { date, documentId: doc.body.id });
      // R2: too soon after the enrolment is a 422, never a graduation
      if (date < EARLIEST_GRADUATION) expect(g.status).toBe(422);
      return o.verify && g.status === 200
        ? (
            await c.city.post(`/api/applications/${id}/verify-graduation`, {
              decision: 'approve',
              comment: '',
            })
          ).status
        : g.status;
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
    case 'time':
      moveClock(w, new Date(env.clock.now().getTime() + o.days * 86_400_000).toISOString());
      return;
    case 'boundary': {
      const d = o.side < 0 ? addDays(o.day, -1) : o.day;
      moveClock(w, o.side > 0 ? `${d}T16:00:00Z` : `${d}T15:59:00Z`);
      return;
    }
  }
}

/** What the clock must never allow, asked of the whole database. */
function clockViolations(w: World) {
  return {
    // R2: a process payment paid after the round's processPayBy, with no late approval
    paidLate: rows(
      w,
      `select p.id, p.paid_at from payments p join applications a on a.id = p.application_id join rounds r on r.id = a.round_id
      where p.stage = 'process' and p.status = 'paid' and a.late_process_approved_at is null
        and substr(datetime(p.paid_at, '+8 hours'), 1, 10) > r.process_pay_by`,
    ),
    // R7: a promotion on or after the day the waitlist closed
    promotedLate: rows(
      w,
      `select l.record_id id, l.at from audit_log l join applications a on a.id = l.record_id join rounds r on r.id = a.round_id
      where l.resource = 'applications' and l.action = 'promote' and substr(datetime(l.at, '+8 hours'), 1, 10) >= r.waitlist_closes_on`,
    ),
  };
}

const statuses = (w: World) =>
  new Map(
    rows<{ id: number; status: string }>(w, 'select id, status from applications').map((r) => [
      r.id,
      r.status,
    ]),
  );

describe('the notice’s clock property (R2, R7)', () => {
  it(
    'R2/R7: no process payment after processPayBy without a late approval, no promotion after waitlistClosesOn, every invariant after every step',
    async () => {
      const started = performance.now();
      const t = await buildTemplate();
      const waitlistClosesOn = t.f.open.waitlistClosesOn;
      expect(t.f.open.processPayBy).toBe(PAY_BY);
      expect(t.f.open.graduationDeadline).toBe(DEADLINE);
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 15, maxLength: 35 }), async (ops) => {
          const env = testEnv(t.file);
          dirs.push(env.dataDir);
          const c = {} as Record<Who, Client>;
          for (const who of STAFF) {
            c[who] = new Client(env);
            c[who].cookie = t.cookies[who];
          }
          const w: World = { env, f: t.f, c };
          try {
            for (const o of ops) {
              env.clock.advance(5_000);
              const before = statuses(w);
              const status = await step(w, o);
              if (status !== undefined) expect(status, JSON.stringify(o)).toBeLessThan(500);
              // R7: nobody went from the waitlist to a place on or after the day it closed
              if (today(w) >= waitlistClosesOn)
                for (const [id, s] of statuses(w))
                  if (before.get(id) === 'waitlisted')
                    expect(s, `#${id} after ${JSON.stringify(o)} on ${today(w)}`).not.toBe('approved');
              expect(clockViolations(w), JSON.stringify(o)).toEqual({ paidLate: [], promotedLate: [] });
              const check = checkIntegrity(env.db, env.clock.now());
              expect(check.problems, `${JSON.stringify(o)} on ${today(w)}`).toEqual([]);
            }
          } finally {
            env.db.$client.close();
          }
        }),
        { numRuns: RUNS },
      );
      console.log(`clock property: ${RUNS} runs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    },
    Math.max(60_000, RUNS * 4_000),
  );
});
