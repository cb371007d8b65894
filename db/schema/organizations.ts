import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createdAt, inList, ORG_KINDS } from './common';

/**
 * The union tree. `path` is the materialised chain of ids ('/1/3/27/') so that a subtree is one
 * indexed prefix range, not a recursive query per request. `level2Id` is the level-2 union an
 * organisation belongs to (itself for a level-2 or a `direct` union): quotas and money hang there.
 */
export const organizations = sqliteTable(
  'organizations',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ORG_KINDS }).notNull(),
    level: integer('level').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => organizations.id),
    path: text('path').notNull().default(''),
    level2Id: integer('level2_id'),
    code: text('code').notNull().unique(),
    unitName: text('unit_name'),
    duesPaid: integer('dues_paid', { mode: 'boolean' }).notNull().default(true),
    contactPhone: text('contact_phone'),
    /** R9a: the unit's latest member roster — when it was uploaded and by whom (null: none yet). */
    rosterAt: text('roster_at'),
    rosterBy: integer('roster_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('organizations_parent_idx').on(t.parentId),
    index('organizations_path_idx').on(t.path),
    index('organizations_level2_idx').on(t.level2Id),
    check('organizations_kind_ck', inList('kind', ORG_KINDS)),
    check('organizations_level_ck', sql`level between 1 and 3`),
  ],
);

export const institutions = sqliteTable('institutions', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
  code: text('code').notNull().unique(),
  reductionPolicy: text('reduction_policy').notNull().default(''),
  /** R9c: the education levels the institution offers, comma-separated (`associate,bachelor`). */
  levels: text('levels').notNull().default('associate,bachelor'),
  contact: text('contact'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  createdAt: createdAt(),
});
