/**
 * List totals come from `application_counts`, kept by triggers in the same transaction as
 * every change — so a total is never stale, whatever wrote the row (API, service or plain SQL).
 */
import { and, eq, inArray, isNull, ne } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications } from '../../db/schema';
import { countRows } from '../../server/lib/ra-list';
import { Client, q, testEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';
import { decide, submitted } from '../helpers/flow';

const exact = (env: ReturnType<typeof testEnv>) => {
  const raw = env.db.$client;
  const fromTable = raw
    .prepare(
      `select round_id, level2_id, status, current_step, count(*) n from applications group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
    )
    .all();
  const fromCounter = raw
    .prepare(
      `select round_id, level2_id, status, current_step, sum(n) n from application_counts group by 1, 2, 3, 4
    having sum(n) <> 0 order by 1, 2, 3, 4`,
    )
    .all();
  expect(fromCounter).toEqual(fromTable);
};

describe('list totals', () => {
  it('the counter matches the table after API reviews, then after inserts, moves and deletes in plain SQL', async () => {
    const env = testEnv();
    const f = smallCity(env);
    const as = (u: string) => new Client(env).login(u);
    const a = await submitted(await as('worker1'), f.open.id);
    await submitted(await as('worker2'), f.open.id);
    await decide(await as('wuhua-001'), a);
    await decide(await as('wuhua'), a, 'return', '请补充材料');
    exact(env);

    const raw = env.db.$client;
    const one = raw.prepare('select * from applications where id = ?').get(a) as Record<string, unknown>;
    raw
      .prepare(
        `insert into applications (round_id, worker_id, organization_id, level2_id, status) values (?, ?, ?, ?, 'draft')`,
      )
      .run(one.round_id, one.worker_id, one.organization_id, one.level2_id);
    raw.prepare(`update applications set status = 'submitted', current_step = 1 where id = ?`).run(a);
    raw.prepare(`update applications set level2_id = level2_id where id = ?`).run(a); // no change, no count move
    raw.prepare(`delete from applications where status = 'draft'`).run();
    exact(env);
  });

  it('answers a total from the counter exactly as a count of the rows would, and counts rows for anything else', async () => {
    const env = testEnv();
    const f = smallCity(env);
    const as = (u: string) => new Client(env).login(u);
    const a = await submitted(await as('worker1'), f.open.id);
    await submitted(await as('worker2'), f.open.id);
    await decide(await as('wuhua-001'), a);
    const { db } = env;
    const count = (where: string) =>
      db.$client.prepare(`select count(*) from applications ${where}`).pluck().get();
    const l2 = db.$client.prepare('select level2_id from applications where id = ?').pluck().get(a) as number;
    expect(countRows(db, applications, undefined)).toBe(count(''));
    expect(
      countRows(db, applications, and(eq(applications.level2Id, l2), ne(applications.status, 'draft'))),
    ).toBe(count(`where level2_id = ${l2} and status <> 'draft'`));
    expect(countRows(db, applications, inArray(applications.status, ['submitted', 'unit_approved']))).toBe(2);
    expect(countRows(db, applications, isNull(applications.currentStep))).toBe(
      count('where current_step is null'),
    );
    expect(countRows(db, applications, eq(applications.workerId, 1))).toBe(count('where worker_id = 1'));

    // Through the protocol: Content-Range carries the same totals.
    const city = await as('city');
    const res = await city.get(`/api/applications${q({ filter: { status: 'submitted' }, range: [0, 0] })}`);
    expect(res.headers.get('content-range')).toBe('applications 0-0/1');
  });
});
