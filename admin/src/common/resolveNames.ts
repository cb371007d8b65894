import type { Identifier, RaRecord } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

/** getMany in chunks (the server answers at most 1,000 ids, and URLs stay short). */
export async function getManyChunked(
  dp: AppDataProvider,
  resource: string,
  ids: Identifier[],
  chunk = 300,
): Promise<Map<Identifier, RaRecord>> {
  const unique = [...new Set(ids.filter((id) => id !== null && id !== undefined))];
  const out = new Map<Identifier, RaRecord>();
  for (let i = 0; i < unique.length; i += chunk) {
    const { data } = await dp.getMany(resource, { ids: unique.slice(i, i + chunk) });
    for (const r of data) out.set(r.id, r);
  }
  return out;
}
