import { createSession } from '../../server/lib/auth';
import { Client, type TestEnv } from './app';

/**
 * A client with a session opened straight in the table, as a login would leave it, without the
 * password check: scrypt is made to be slow, and a property test that opens a city per run would
 * spend most of its time logging in. Login itself is tested in access.test.ts.
 */
export function signedIn(env: TestEnv, username: string): Client {
  const user = env.db.$client.prepare('select id from users where username = ?').get(username) as
    { id: number } | undefined;
  if (!user) throw new Error(`no user ${username}`);
  const client = new Client(env);
  client.cookie = `sid=${createSession(env.db, user.id, env.clock.now(), '127.0.0.1')}`;
  return client;
}
