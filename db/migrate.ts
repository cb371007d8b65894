import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/**
 * A migration that rebuilds a table (SQLite changes a CHECK only by copying the table) must run with
 * foreign keys off — a pragma that is ignored inside the migrator's transaction, so it is set here —
 * and with the legacy rename, so triggers of other tables that name the rebuilt one are not re-checked
 * half-way. The foreign keys are checked once it is done.
 */
export function migrateDb(db: Db): void {
  const c = db.$client;
  const fk = c.pragma('foreign_keys', { simple: true });
  c.pragma('foreign_keys = OFF');
  c.pragma('legacy_alter_table = ON');
  try {
    migrate(db, { migrationsFolder: folder });
  } finally {
    c.pragma('legacy_alter_table = OFF');
    c.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
  const broken = c.pragma('foreign_key_check') as unknown[];
  if (broken.length) throw new Error(`migration left ${broken.length} rows with a broken foreign key`);
}
