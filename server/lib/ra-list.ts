import { and, asc, count, desc, eq, gte, inArray, isNull, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Context } from 'hono';
import type { Db } from '../../db/client';
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

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

export function parseListQuery(c: Context, spec: ListSpec): ListQuery {
  const sortRaw = parseJson(c.req.query('sort'), 'sort');
  const rangeRaw = parseJson(c.req.query('range'), 'range');
  const filterRaw = parseJson(c.req.query('filter'), 'filter') ?? {};

  let sort: ListQuery['sort'] = spec.defaultSort ?? ['id', 'ASC'];
  if (sortRaw !== undefined) {
    if (!Array.isArray(sortRaw) || sortRaw.length !== 2 || typeof sortRaw[0] !== 'string'
      || !['ASC', 'DESC'].includes(String(sortRaw[1]).toUpperCase())) {
      throw badRequest('sort 应为 ["字段","ASC|DESC"]', { sort: '格式错误' });
    }
    if (!(sortRaw[0] in spec.columns)) throw badRequest(`不能按 ${sortRaw[0]} 排序`, { sort: `未知字段 ${sortRaw[0]}` });
    sort = [sortRaw[0], String(sortRaw[1]).toUpperCase() as 'ASC' | 'DESC'];
  }

  let range: ListQuery['range'] = null;
  if (rangeRaw !== undefined) {
    if (!Array.isArray(rangeRaw) || rangeRaw.length !== 2 || !rangeRaw.every((n) => Number.isSafeInteger(n) && n >= 0)
      || rangeRaw[1] < rangeRaw[0]) {
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

function columnCondition(col: SQLiteColumn, op: 'eq' | 'gte' | 'lte', value: unknown, key: string): SQL {
  if (op === 'eq' && Array.isArray(value)) {
    if (!value.every(isScalar) || value.length > MAX_IDS) throw badRequest(`filter.${key} 数组有误`, { [key]: '格式错误' });
    const vals = value.filter((v) => v !== null);
    if (vals.length === 0) return sql`0`;
    return inArray(col, vals as never[]);
  }
  if (!isScalar(value)) throw badRequest(`filter.${key} 应为单个值或数组`, { [key]: '格式错误' });
  if (typeof value === 'string' && value.length > 200) throw badRequest(`filter.${key} 过长`, { [key]: '过长' });
  if (value === null) return isNull(col);
  if (op === 'gte') return gte(col, value as never);
  if (op === 'lte') return lte(col, value as never);
  return eq(col, value as never);
}

export function buildWhere(spec: ListSpec, filter: Record<string, unknown>, now: Date = new Date()): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    if (key === 'q') {
      if (typeof value !== 'string' || value.length > 100) throw badRequest('q 应为不超过 100 字的文本', { q: '格式错误' });
      const pattern = `%${value.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      const custom = spec.filters?.q;
      if (custom) { parts.push(custom(value, now)); continue; }
      if (!spec.search?.length) throw badRequest('此资源不支持文本搜索', { q: '不支持' });
      parts.push(or(...spec.search.map((col) => sql`${col} like ${pattern} escape '\\'`)));
      continue;
    }
    const custom = spec.filters?.[key];
    if (custom) { parts.push(custom(value, now)); continue; }
    const m = /^(.*?)(?:_(gte|lte))?$/.exec(key)!;
    const col = spec.columns[m[1]];
    if (!col) throw badRequest(`不能按 ${key} 筛选`, { [key]: `未知字段 ${key}` });
    parts.push(columnCondition(col, (m[2] as 'gte' | 'lte') ?? 'eq', value, key));
  }
  const defined = parts.filter(Boolean) as SQL[];
  return defined.length ? and(...defined) : undefined;
}

export interface ListResult<Row> { rows: Row[]; total: number; start: number; end: number }

/** One page and its total, scope and filter combined; a filter can only narrow the scope. */
export function runList<Row>(db: Db, spec: ListSpec, q: ListQuery, scope: SQL | undefined, now?: Date): ListResult<Row> {
  const where = and(scope, buildWhere(spec, q.filter, now));
  const sortCol = spec.columns[q.sort[0]];
  const order = q.sort[1] === 'ASC' ? asc : desc;
  const idCol = spec.columns.id;
  const isGetMany = Array.isArray(q.filter.id) && !q.range;
  const [start, end] = q.range ?? [0, isGetMany ? MAX_IDS - 1 : 24];
  const rows = db.select().from(spec.table as never).where(where)
    .orderBy(order(sortCol), ...(sortCol === idCol ? [] : [order(idCol)]))
    .limit(end - start + 1).offset(start).all() as Row[];
  // The count is skipped when the page itself shows the total (first page not full).
  const total = start === 0 && rows.length < end - start + 1
    ? rows.length
    : (db.select({ n: count() }).from(spec.table as never).where(where).get() as unknown as { n: number }).n;
  return { rows, total, start, end: rows.length ? start + rows.length - 1 : start };
}

export function setContentRange(c: Context, resource: string, r: ListResult<unknown>): void {
  c.header('Content-Range', `${resource} ${r.start}-${r.end}/${r.total}`);
}

export { like };
