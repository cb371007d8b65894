import type { GetListParams, GetListResult, RaRecord } from 'react-admin';

/**
 * Filter (equality), sort and page rows already in memory, for the few endpoints that answer a
 * whole set at once (balances). Keeps react-admin's list controls working on them.
 */
export function listLocally<T extends RaRecord>(rows: T[], params: Partial<GetListParams>): GetListResult<T> {
  const filter = Object.entries(params.filter ?? {}).filter(([, v]) => v !== undefined && v !== '');
  let out = rows.filter((r) => filter.every(([k, v]) => (Array.isArray(v) ? v.includes(r[k]) : r[k] === v)));
  const sort = params.sort;
  if (sort?.field) {
    const dir = sort.order === 'DESC' ? -1 : 1;
    out = [...out].sort((a, b) => {
      const x = a[sort.field],
        y = b[sort.field];
      if (x === y) return 0;
      if (x === null || x === undefined) return 1;
      if (y === null || y === undefined) return -1;
      return (x < y ? -1 : 1) * dir;
    });
  }
  const total = out.length;
  const { page = 1, perPage = total || 1 } = params.pagination ?? {};
  return { data: out.slice((page - 1) * perPage, page * perPage), total };
}
