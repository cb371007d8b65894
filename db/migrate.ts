import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './client';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrateDb(db: Db): void {
  migrate(db, { migrationsFolder: folder });
}
