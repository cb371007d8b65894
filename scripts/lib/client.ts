import { createHash } from 'node:crypto';
/**
 * A session against a running server over loopback HTTP: keeps its cookie, tags every request with
 * its own X-Request-Id, a UUID (the audit log keeps it as `client_request_id`, so an acknowledged
 * write can be found after a crash), and times each call.
 */
export interface Answer {
  status: number;
  body: any;
  headers: Headers;
  ms: number;
  rid: string;
  method: string;
  path: string;
  replayed: boolean;
}

let seq = 0;
/**
 * The server keeps a client's X-Request-Id only when it is a UUID (apart from its own request id), so
 * ours are UUIDs: the run's tag in the first group, a counter in the last. `label` is for the reader.
 */
export const runTag = createHash('sha256')
  .update(`${process.pid}-${Date.now()}-${Math.random()}`)
  .digest('hex')
  .slice(0, 8);
export const newRid = (_label?: string) =>
  `${runTag}-0000-4000-8000-${(++seq).toString(16).padStart(12, '0')}`;
/** A LIKE pattern for the audit rows of this run's requests (`client_request_id`). */
export const ridsOf = (tag: string) => `${tag}-%`;

export class Session {
  constructor(
    readonly base: string,
    readonly name: string,
    public cookie = '',
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    signal?: AbortSignal,
  ): Promise<Answer> {
    const rid = headers['x-request-id'] ?? newRid(this.name.replace(/[^\w]/g, '_'));
    const h: Record<string, string> = { ...headers, 'x-request-id': rid };
    if (this.cookie) h.cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['content-type'] = 'application/json';
    }
    const started = performance.now();
    const res = await fetch(this.base + path, { method, headers: h, body: payload, signal });
    const text = await res.text();
    const ms = performance.now() - started;
    const set = res.headers.get('set-cookie');
    const m = set ? /sid=([^;]*)/.exec(set) : null;
    if (m) this.cookie = m[1] ? `sid=${m[1]}` : '';
    let json: unknown = text;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return {
      status: res.status,
      body: json,
      headers: res.headers,
      ms,
      rid,
      method,
      path,
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  }

  get = (path: string, signal?: AbortSignal) => this.request('GET', path, undefined, {}, signal);
  post = (path: string, body: unknown = {}, headers?: Record<string, string>, signal?: AbortSignal) =>
    this.request('POST', path, body, headers, signal);

  async login(username: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

export const q = (o: Record<string, unknown>) =>
  '?' +
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
    .join('&');
