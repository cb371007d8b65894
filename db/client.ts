import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * WAL with synchronous=FULL: a committed payment must survive a power cut. Every write
 * transaction is started IMMEDIATE by the services (`tx(db, fn)`), so racing writers queue on the
 * lock up front instead of failing on upgrade.
 */
export function openDb(file: string): Db {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('cache_size = -32000');
  sqlite.pragma('temp_store = MEMORY');
  return drizzle(sqlite, { schema }) as Db;
}

/** One synchronous IMMEDIATE transaction (better-sqlite3 cannot await inside one). */
export function tx<T>(db: Db, fn: (t: Db) => T): T {
  // The transaction object shares the connection; give it the raw client too for prepared SQL.
  return db.transaction((t) => fn(Object.assign(t, { $client: db.$client }) as unknown as Db), {
    behavior: 'immediate',
  });
}
