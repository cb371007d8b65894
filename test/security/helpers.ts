import { RESOURCES } from '../../server/domain/permissions';
import { q, type Client } from '../helpers/app';

/** Every list the API offers: the permission table's resources and the balances view. */
export const LIST_RESOURCES = [...RESOURCES, 'balances'];

/** All rows of a list this client may read, page by page (500 a page); [] when the role may not list it. */
export async function readAll(c: Client, resource: string, filter: Record<string, unknown> = {}) {
  const rows: Record<string, unknown>[] = [];
  for (let start = 0; ; start += 500) {
    const res = await c.get(
      `/api/${resource}${q({ range: [start, start + 499], sort: ['id', 'ASC'], filter })}`,
    );
    if (res.status !== 200) return rows;
    rows.push(...(res.body as Record<string, unknown>[]));
    const total = Number(res.headers.get('content-range')?.split('/')[1] ?? 0);
    if (start + 500 >= total) return rows;
  }
}
