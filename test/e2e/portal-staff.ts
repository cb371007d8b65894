import { PASSWORD } from './harness';

/** A staff member acting through the API beside the worker's browser, as the real clerks would. */
export interface Staff {
  call: <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;
}

export async function staff(url: string, username: string): Promise<Staff> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    call: async <T>(method: string, path: string, body?: unknown) => {
      const r = await fetch(`${url}/api${path}`, {
        method,
        headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${username} ${method} ${path}: ${r.status} ${text}`);
      return JSON.parse(text) as T;
    },
  };
}

export const listQuery = (filter: Record<string, unknown>) =>
  `?filter=${encodeURIComponent(JSON.stringify(filter))}`;
