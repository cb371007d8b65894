import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { escapeLike } from './ra-list';

/**
 * "name contains q" without reading every name. `worker_name_grams` (migration 0004) holds each
 * name's 1- and 2-character pieces, ASCII lower-cased as LIKE compares. A q of one or two characters is
 * itself a piece: the answer is one range of the primary key. A longer q looks up its rarest two-character
 * piece and LIKE checks the candidates, so the answer is exactly what `name like '%q%'` finds.
 * Characters are counted by code point, as SQLite's substr and length count them.
 */

/** LIKE and SQLite's lower() fold ASCII letters only; so does this. */
const asciiLower = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** A candidate's pieces are counted up to this: past it, a piece is common enough whatever the number. */
const COUNT_CAP = 2000;

/** The distinct two-character pieces of q, in order. */
export function bigrams(text: string): string[] {
  const chars = Array.from(asciiLower(text));
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** `workerId in (workers whose name contains text)`, or nothing for a blank text. */
export function nameMatch(workerId: SQLiteColumn, text: string): SQL | undefined {
  if (!text.trim()) return undefined;
  if (Array.from(text).length <= 2) {
    return sql`${workerId} in (select g.worker_id from worker_name_grams g where g.gram = ${asciiLower(text)})`;
  }
  // The rarest piece, by a capped count on the primary key (a few microseconds each).
  const rarest = sql`(select j.value from json_each(${JSON.stringify(bigrams(text))}) j order by
    (select count(*) from (select 1 from worker_name_grams c where c.gram = j.value limit ${sql.raw(String(COUNT_CAP))})), j.key limit 1)`;
  return sql`${workerId} in (select g.worker_id from worker_name_grams g join workers w on w.id = g.worker_id
    where g.gram = ${rarest} and w.name like ${`%${escapeLike(text)}%`} escape '\\')`;
}
