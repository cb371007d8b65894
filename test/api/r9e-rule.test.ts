import { beforeAll, describe, expect, it } from 'vitest';
import { Client, testEnv, type TestEnv } from '../helpers/app';
import { addWorker, smallCity } from '../helpers/fixtures';

/**
 * R9e: one subsidy per worker per education level, ever; only rejected, withdrawn, not_funded and
 * revoked applications give the level back. The lists below are written from R9e and the lifecycle,
 * not read from the code, and every refusal must come from the rule itself — a 422 naming R9e and
 * the field — not from the database's unique index, which would answer a bare 409 conflict.
 */
const TAKING = [
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'returned',
  'waitlisted',
  'approved',
  'process_paid',
  'graduated',
  'completed',
  'dropped_out',
  'lapsed',
] as const;
const FREEING = ['rejected', 'withdrawn', 'not_funded', 'revoked'] as const;
/** Still in the open round's review; the others are history from an earlier round ("ever"). */
const IN_OPEN_ROUND = new Set([
  'draft',
  'submitted',
  'unit_approved',
  'org_approved',
  'returned',
  'waitlisted',
]);

let env: TestEnv;
let f: ReturnType<typeof smallCity>;
let unit: Client;
const workerIn = new Map<string, number>();

beforeAll(async () => {
  env = testEnv();
  f = smallCity(env);
  const ins = env.db.$client
    .prepare(`insert into applications (round_id, worker_id, organization_id, level2_id,
    institution_id, education_level, major, study_mode, enrolled_on, status, submitted_at, created_at, updated_at)
    values (?, ?, ?, ?, ?, 'associate', '机械制造', 'part_time', ?, ?, ?, ?, ?)`);
  [...TAKING, ...FREEING].forEach((status, i) => {
    const w = addWorker(env.db, env.pii, 7000 + i, f.unit1);
    workerIn.set(status, w.id);
    const round = IN_OPEN_ROUND.has(status) ? f.open : f.past;
    const at = `${round.opensOn}T02:00:00.000Z`;
    try {
      ins.run(round.id, w.id, f.unit1.id, f.wuhua.id, f.ynou.id, round.opensOn, status, at, at, at);
    } catch {
      // A status the schema does not know yet: its test below fails on the missing row.
    }
  });
  unit = await new Client(env).login('wuhua-001');
});

const levelOf = (workerId: number) =>
  env.db.$client
    .prepare('select status from applications where worker_id = ? and education_level = ? order by id')
    .all(workerId, 'associate') as { status: string }[];

function expectR9e(res: {
  status: number;
  body: { message?: string; rule?: string; errors?: Record<string, string> };
}) {
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.rule).toBe('R9e');
  expect(res.body.errors?.educationLevel, JSON.stringify(res.body)).toBeTruthy();
}

describe('R9e is answered by the rule', () => {
  it.each(TAKING)(
    'an application %s takes the level: a new one at that level is refused (422 R9e)',
    async (status) => {
      const workerId = workerIn.get(status)!;
      expect(levelOf(workerId)).toEqual([{ status }]);

      expectR9e(
        await unit.post('/api/applications', { roundId: f.open.id, workerId, educationLevel: 'associate' }),
      );

      // Choosing the level later on a draft is the same rule.
      const draft = await unit.post('/api/applications', { roundId: f.open.id, workerId });
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      expectR9e(await unit.put(`/api/applications/${draft.body.id}`, { educationLevel: 'associate' }));

      // Per level: the other level is still free.
      expect(
        (await unit.put(`/api/applications/${draft.body.id}`, { educationLevel: 'bachelor' })).status,
      ).toBe(200);
      expect(levelOf(workerId)).toEqual([{ status }]);
    },
  );

  it.each(FREEING)(
    'an application %s gives the level back: a new one at that level is taken',
    async (status) => {
      const workerId = workerIn.get(status)!;
      expect(levelOf(workerId)).toEqual([{ status }]);
      const again = await unit.post('/api/applications', {
        roundId: f.open.id,
        workerId,
        educationLevel: 'associate',
      });
      expect(again.status, JSON.stringify(again.body)).toBe(201);
      expect(levelOf(workerId)).toEqual([{ status }, { status: 'draft' }]);
    },
  );
});
