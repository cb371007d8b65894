import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Applications per round, level-2 union, status and waiting step, kept exact by triggers on
 * `applications` (migration 0003, same transaction as the change): a list's total over a million
 * applications is a sum over a few thousand rows instead of a count over the table, and never stale.
 * `n` may be 0 for a combination that once existed.
 */
export const applicationCounts = sqliteTable(
  'application_counts',
  {
    roundId: integer('round_id').notNull(),
    level2Id: integer('level2_id').notNull(),
    status: text('status').notNull(),
    currentStep: integer('current_step'),
    n: integer('n').notNull().default(0),
  },
  (t) => [index('application_counts_key_idx').on(t.level2Id, t.roundId, t.status, t.currentStep)],
);
