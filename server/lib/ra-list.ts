import type Database from 'better-sqlite3';
import {
  and,
  eq,
  getTableColumns,
  getTableName,
  gte,
  inArray,
  isNull,
  like,
  lte,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { SQLiteSyncDialect, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from 'hono';
import type { Db } from '../../db/client';
import { applicationCounts, applications } from '../../db/schema';
import { badRequest } from './errors';

/** What a resource exposes to react-admin's list protocol. */
export interface ListSpec {
  resource: string;
  table: SQLiteTable;
  /** API field → column: the fields that may be sorted and filtered on. */
  columns: Record<string, SQLiteColumn>;
  /** Columns that `q` searches (substring). */
  search?: SQLiteColumn[];
  /** Filters that are not a plain column (e.g. `waitingStep`, `outstandingDocuments`). */
  filters?: Record<string, (value: unknown, now: Date) => SQL | undefined>;
  defaultSort?: [string, 'ASC' | 'DESC'];
}

export interface ListQuery {
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number] | null;
  filter: Record<string, unknown>;
}

export const MAX_PAGE = 500;
const MAX_IDS = 1000;

function parseJson(raw: string | undefined, name: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`查询参数 ${name} 不是合法的 JSON`, { [name]: '格式错误' });
  }
}

/** `text` as a LIKE pattern matches it literally (with `escape '\\'`). */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (m) => `\\${m}`);

/** A field the spec declares itself: never one inherited from Object (`constructor`, `__proto__`, `toString`). */
const own = <T>(o: Record<string, T> | undefined, key: string): T | undefined =>
  o && Object.hasOwn(o, key) ? o[key] : undefined;

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function parseListQuery(c: Context, spec: ListSpec): ListQuery {
  const sortRaw = parseJson(c.req.query('sort'), 'sort');
  const rangeRaw = parseJson(c.req.query('range'), 'range');
  const filterRaw = parseJson(c.req.query('filter'), 'filter') ?? {};

  let sort: ListQuery['sort'] = spec.defaultSort ?? ['id', 'ASC'];
  if (sortRaw !== undefined) {
    if (
      !Array.isArray(sortRaw) ||
      sortRaw.length !== 2 ||
      typeof sortRaw[0] !== 'string' ||
      !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())
    ) {
      throw badRequest('sort 应为 ["字段","ASC|DESC"]', { sort: '格式错误' });
    }
    if (!own(spec.columns, sortRaw[0]))
      throw badRequest(`不能按 ${sortRaw[0]} 排序`, { sort: `未知字段 ${sortRaw[0]}` });
    sort = [sortRaw[0], String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC'];
  }

  let range: ListQuery['range'] = null;
  if (rangeRaw !== undefined) {
    if (
      !Array.isArray(rangeRaw) ||
      rangeRaw.length !== 2 ||
      !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0) ||
      rangeRaw[1] < rangeRaw[0]
    ) {
      throw badRequest('range 应为 [起, 止] 两个非负整数', { range: '格式错误' });
    }
    // Clamped: at most MAX_PAGE records a page, whatever is asked.
    range = [rangeRaw[0], Math.min(rangeRaw[1], rangeRaw[0] + MAX_PAGE - 1)];
  }

  if (typeof filterRaw !== 'object' || filterRaw === null || Array.isArray(filterRaw)) {
    throw badRequest('filter 应为 JSON 对象', { filter: '格式错误' });
  }
  return { sort, range, filter: filterRaw as Record<string, unknown> };
}

/**
 * A true/false only where the column is a boolean (SQLite has none: the driver refuses to bind one,
 * which was a 500); on any other column it is the client's mistake, a 400 (OWASP ASVS 5.0 V1.2).
 */
function checkType(col: SQLiteColumn, value: unknown, key: string): void {
  const values = Array.isArray(value) ? value : [value];
  if (col.columnType !== 'SQLiteBoolean' && values.some((v) => typeof v === 'boolean'))
    throw badRequest(`filter.${key} 不能是 true/false`, { [key]: '类型错误' });
}

function columnCondition(col: SQLiteColumn, op: 'eq' | 'gte' | 'lte', value: unknown, key: string): SQL {
  checkType(col, value, key);
  if (op === 'eq' && Array.isArray(value)) {
    if (!value.every(isScalar) || value.length > MAX_IDS)
      throw badRequest(`filter.${key} 数组有误`, { [key]: '格式错误' });
    const vals = value.filter((v) => v !== null);
    if (vals.length === 0) return sql`0`;
    return inArray(col, vals as never[]);
  }
  if (!isScalar(value)) throw badRequest(`filter.${key} 应为单个值或数组`, { [key]: '格式错误' });
  if (typeof value === 'string' && value.length > 200)
    throw badRequest(`filter.${key} 过长`, { [key]: '过长' });
  if (value === null) return isNull(col);
  if (op === 'gte') return gte(col, value as never);
  if (op === 'lte') return lte(col, value as never);
  return eq(col, value as never);
}

export function buildWhere(
  spec: ListSpec,
  filter: Record<string, unknown>,
  now: Date = new Date(),
): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > 100)
        throw badRequest('q 应为不超过 100 字的文本', { q: '格式错误' });
      const custom = own(spec.filters, 'q');
      if (custom) {
        parts.push(custom(value, now));
        continue;
      }
      if (!spec.search?.length) throw badRequest('此资源不支持文本搜索', { q: '不支持' });
      const pattern = `%${escapeLike(value)}%`;
      parts.push(or(...spec.search.map((col) => sql`${col} like ${pattern} escape '\\'`)));
      continue;
    }
    const custom = own(spec.filters, key);
    if (custom) {
      parts.push(custom(value, now));
      continue;
    }
    const m = /^(.*?)(?:_(gte|lte))?$/.exec(key)!;
    const col = own(spec.columns, m[1]);
    if (!col) throw badRequest(`不能按 ${key} 筛选`, { [key]: `未知字段 ${key}` });
    parts.push(columnCondition(col, (m[2] as 'gte' | 'lte') ?? 'eq', value, key));
  }
  const defined = parts.filter(Boolean) as SQL[];
  return defined.length ? and(...defined) : undefined;
}

export interface ListResult<Row> {
  rows: Row[];
  total: number;
  start: number;
  end: number;
}

/**
 * Tables with a trigger-kept counter (db/schema/counts.ts): a total whose condition names only the
 * counter's columns — the scope of staff and the usual status, round and step filters — is a sum over
 * the counter (a few thousand rows) instead of a count over the table. Anything else counts rows.
 */
const COUNTERS = new Map<SQLiteTable, { counter: string; columns: Set<string> }>([
  [
    applications,
    {
      counter: getTableName(applicationCounts),
      columns: new Set(['round_id', 'level2_id', 'status', 'current_step']),
    },
  ],
]);

/**
 * Lists are the hot path: the condition is rendered once, the page and its total are composed around
 * it, and each distinct statement is compiled once per connection and reused (bounded cache).
 */
const dialect = new SQLiteSyncDialect();
const compiled = new WeakMap<Database.Database, Map<string, Database.Statement>>();
export function prepared(db: Db, text: string): Database.Statement {
  let cache = compiled.get(db.$client);
  if (!cache) compiled.set(db.$client, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) {
    if (cache.size >= 500) cache.clear(); // filters make shapes; keep the cache bounded
    cache.set(text, (stmt = db.$client.prepare(text)));
  }
  return stmt;
}

interface Shape {
  select: string;
  decode: (row: Record<string, unknown>) => Record<string, unknown>;
}
const shapes = new WeakMap<SQLiteTable, Shape>();
/** Column types whose driver value is the API value: SQLite hands them over as they are. */
const PLAIN = new Set(['SQLiteInteger', 'SQLiteText', 'SQLiteReal']);
/**
 * `select` of every column under its API name (the driver builds the objects), and the few columns
 * drizzle would map (booleans, JSON) mapped as it would.
 */
function shapeOf(table: SQLiteTable): Shape {
  let shape = shapes.get(table);
  if (!shape) {
    const cols = Object.entries(getTableColumns(table));
    const name = getTableName(table);
    const mapped = cols.filter(([, c]) => !PLAIN.has(c.columnType));
    shape = {
      select: `select ${cols.map(([key, c]) => `"${c.name}" as "${key}"`).join(', ')} from "${name}"`,
      decode: (row) => {
        for (const [key, c] of mapped) if (row[key] !== null) row[key] = c.mapFromDriverValue(row[key]);
        return row;
      },
    };
    shapes.set(table, shape);
  }
  return shape;
}

type Condition = { sql: string; params: unknown[] };
const render = (where: SQL | undefined): Condition =>
  where ? dialect.sqlToQuery(where) : { sql: '', params: [] };
const whereOf = (c: Condition) => (c.sql ? ` where ${c.sql}` : '');

/** The condition names only `table`'s columns among `columns`, and no subquery. */
function countable(condition: string, table: string, columns: Set<string>): boolean {
  if (/\bselect\b/i.test(condition)) return false;
  for (const m of condition.matchAll(/"([^"]+)"\."([^"]+)"/g))
    if (m[1] !== table || !columns.has(m[2])) return false;
  return true;
}

function total(db: Db, table: SQLiteTable, cond: Condition): number {
  const name = getTableName(table);
  const c = COUNTERS.get(table);
  // The counter under the table's name, so the same condition reads its columns.
  const text =
    c && countable(cond.sql, name, c.columns)
      ? `select coalesce(sum("${name}"."n"), 0) from "${c.counter}" "${name}"${whereOf(cond)}`
      : `select count(*) from "${name}"${whereOf(cond)}`;
  return prepared(db, text)
    .pluck()
    .get(...cond.params) as number;
}

export const countRows = (db: Db, table: SQLiteTable, where: SQL | undefined): number =>
  total(db, table, render(where));

/**
 * One row by id within a condition (the scope), decoded as a list row: getOne and every action's
 * scope check go through here, compiled once per statement shape like the lists.
 */
export function rowById<Row>(db: Db, spec: ListSpec, id: number, where: SQL | undefined): Row | undefined {
  const cond = render(and(eq(spec.columns.id, id), where));
  const shape = shapeOf(spec.table);
  const row = prepared(db, `${shape.select}${whereOf(cond)}`).get(...cond.params) as
    Record<string, unknown> | undefined;
  return row ? (shape.decode(row) as Row) : undefined;
}

const qualified = (col: SQLiteColumn) => `"${getTableName(col.table)}"."${col.name}"`;

/** One page and its total, scope and filter combined; a filter can only narrow the scope. */
export function runList<Row>(
  db: Db,
  spec: ListSpec,
  q: ListQuery,
  scope: SQL | undefined,
  now?: Date,
): ListResult<Row> {
  const cond = render(and(scope, buildWhere(spec, q.filter, now)));
  const sortCol = spec.columns[q.sort[0]];
  const idCol = spec.columns.id;
  const dir = q.sort[1] === 'ASC' ? 'asc' : 'desc';
  const order = [sortCol, ...(sortCol === idCol ? [] : [idCol])]
    .map((c) => `${qualified(c)} ${dir}`)
    .join(', ');
  const isGetMany = Array.isArray(q.filter.id) && !q.range;
  const [start, end] = q.range ?? [0, isGetMany ? MAX_IDS - 1 : 24];
  const shape = shapeOf(spec.table);
  const page = prepared(db, `${shape.select}${whereOf(cond)} order by ${order} limit ? offset ?`);
  const rows = (page.all(...cond.params, end - start + 1, start) as Record<string, unknown>[]).map(
    shape.decode,
  ) as Row[];
  // The count is skipped when the page itself shows the total (first page not full).
  const n = start === 0 && rows.length < end - start + 1 ? rows.length : total(db, spec.table, cond);
  return { rows, total: n, start, end: rows.length ? start + rows.length - 1 : start };
}

export function setContentRange(c: Context, resource: string, r: ListResult<unknown>): void {
  c.header('Content-Range', `${resource} ${r.start}-${r.end}/${r.total}`);
}

export { like };
