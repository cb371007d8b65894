/**
 * Child of sms-crash.test.ts: the server's SMS dispatcher over a database file, round after round
 * until nothing is pending, on a fixed clock. The parent's gateway SIGKILLs it mid-batch.
 */
import { openDb } from '../../db/client';
import { dispatchRound } from '../../server/resources/notifications/dispatch';

const [file, url, secret, at] = process.argv.slice(2);
const db = openDb(file);
const clock = () => new Date(at);
const pending = () =>
  (
    db.$client.prepare(`select count(*) n from notifications where sms_state = 'pending'`).get() as {
      n: number;
    }
  ).n;
while (pending() > 0) await dispatchRound(db, clock, { url, secret, batch: 7, timeoutMs: 30_000 });
db.$client.close();
process.stdout.write('DONE\n');
