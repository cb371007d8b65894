/** A table's rows in a stable order: by rowid, or by primary key for a WITHOUT ROWID table (which has no rowid). */
export function orderOf(
  db: { prepare: (sql: string) => { pluck: () => { get: (...a: unknown[]) => unknown } } },
  table: string,
): string {
  return db.prepare('select wr from pragma_table_list where name = ?').pluck().get(table)
    ? ''
    : 'order by rowid';
}
