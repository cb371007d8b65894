import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every distinct 1- and 2-character piece of each worker's name, ASCII lower-cased as LIKE
 * compares, kept exact by triggers on `workers` (migration 0004, same transaction as the change). A name
 * search looks one piece up on the primary key and checks the candidates with LIKE
 * (server/lib/name-search.ts) instead of reading every name. The table is WITHOUT ROWID in the
 * migration, which Drizzle cannot declare; no foreign key, the triggers delete a worker's pieces.
 */
export const workerNameGrams = sqliteTable(
  'worker_name_grams',
  {
    gram: text('gram').notNull(),
    workerId: integer('worker_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gram, t.workerId] })],
);

/** 1..64: the character positions the triggers walk (a trigger body cannot hold a recursive CTE). */
export const nameGramPositions = sqliteTable('name_gram_positions', {
  k: integer('k').primaryKey(),
});
