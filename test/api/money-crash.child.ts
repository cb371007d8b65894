/**
 * Child of money-crash.test.ts: receives a large allocation with a temporary trigger that, half-way
 * through the inserts, tells the parent and then blocks — so the parent's SIGKILL lands inside the
 * transaction, not before or after it.
 */
import fs from 'node:fs';
import { openDb, tx } from '../../db/client';
import { loadSessionUser } from '../../server/lib/auth';
import { receiveAllocation, type AllocationRow } from '../../server/resources/allocations/service';

const [file, allocationId, userId, halfAt] = process.argv.slice(2);
const db = openDb(file);
let n = 0;
db.$client.function('crash_progress', () => {
  n++;
  if (n === Number(halfAt)) {
    fs.writeSync(1, `HALF ${n}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200_000);
  }
  return n;
});
db.$client.exec(
  'create temp trigger crash_progress after insert on payments begin select crash_progress(); end',
);
const user = loadSessionUser(db, Number(userId));
const al = db.$client
  .prepare(
    `select id, round_id roundId, organization_id organizationId, stage, amount_fen amountFen, application_count applicationCount,
  status from allocations where id = ?`,
  )
  .get(Number(allocationId)) as AllocationRow;
const r = tx(db, (t) => receiveAllocation(t, { user, now: () => new Date() }, al));
fs.writeSync(1, `DONE ${r.payments}\n`);
