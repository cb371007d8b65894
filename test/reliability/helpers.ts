import fs from 'node:fs';
import path from 'node:path';
import { createSession } from '../../server/lib/auth';
import { Session } from '../../scripts/lib/client';
import { startServer, type RunningServer } from '../../scripts/lib/server';
import { TEST_KEY, testEnv, type TestEnv } from '../helpers/app';
import { smallCity } from '../helpers/fixtures';

export const TEST_KEY_HEX = TEST_KEY.toString('hex');

export type City = ReturnType<typeof smallCity>;

export interface FixtureServer {
  server: RunningServer;
  env: TestEnv;
  f: City;
  dbFile: string;
  /** A session of a smallCity account, opened before the server started. */
  as(username: keyof City['users']): Session;
  /** Read the live database through a second connection (WAL lets both read). */
  read<T>(sqlText: string, ...args: unknown[]): T[];
}

/**
 * The real server as a child process on a small city built in-process (the same builders as the API
 * tests), with the clock of today so its open round is open for the server too.
 */
export async function fixtureServer(
  build: (env: TestEnv, f: City) => void = () => undefined,
  o: { logs?: boolean; env?: Record<string, string> } = {},
): Promise<FixtureServer> {
  const env = testEnv();
  env.clock.set(new Date().toISOString());
  const f = smallCity(env);
  build(env, f);
  const tokens = new Map<string, string>();
  for (const [name, u] of Object.entries(f.users))
    tokens.set(name, createSession(env.db, u.id, env.clock.now(), '127.0.0.1'));
  env.db.$client.close();
  const dbFile = path.join(env.dataDir, 'app.db');
  const server = await startServer({ dataDir: env.dataDir, piiKey: TEST_KEY_HEX, logs: o.logs, env: o.env });
  const Database = (await import('better-sqlite3')).default;
  return {
    server,
    env,
    f,
    dbFile,
    as: (username) => new Session(server.url, username, `sid=${tokens.get(username)}`),
    read: <T>(sqlText: string, ...args: unknown[]) => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare(sqlText).all(...args) as T[];
      } finally {
        db.close();
      }
    },
  };
}

export const countFiles = (dir: string): number => {
  if (!fs.existsSync(dir)) return 0;
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);
};
