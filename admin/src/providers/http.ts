import { fetchUtils, HttpError } from 'react-admin';

export const API_URL = '/api';

/**
 * Every call to the API: same origin, the HttpOnly session cookie sent along. Errors come back
 * as react-admin's HttpError whose message is the server's `{message}` and whose body keeps
 * `errors` for the form fields.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

export const apiUrl = (path: string) => `${API_URL}/${path.replace(/^\//, '')}`;

/** Extra headers of one call; money actions carry their `Idempotency-Key` here. */
export interface CallOptions {
  idempotencyKey?: string;
}

const headersOf = (opts?: CallOptions) =>
  new Headers(opts?.idempotencyKey ? { 'Idempotency-Key': opts.idempotencyKey } : {});

export async function postJson<T>(path: string, body?: unknown, opts?: CallOptions): Promise<T> {
  const headers = headersOf(opts);
  headers.set('Content-Type', 'application/json');
  const { json } = await httpClient(apiUrl(path), {
    method: 'POST',
    body: JSON.stringify(body ?? {}),
    headers,
  });
  return json as T;
}

export async function postForm<T>(path: string, form: FormData, opts?: CallOptions): Promise<T> {
  // No Content-Type: the browser writes the multipart boundary itself.
  const { json } = await httpClient(apiUrl(path), { method: 'POST', body: form, headers: headersOf(opts) });
  return json as T;
}

export async function getJson<T>(path: string): Promise<T> {
  const { json } = await httpClient(apiUrl(path));
  return json as T;
}

/** A file the API sends (a bank sheet): the bytes and the name from Content-Disposition. */
export async function getFile(path: string): Promise<{ blob: Blob; fileName: string | null }> {
  const res = await fetch(apiUrl(path), { credentials: 'include' });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new HttpError(body?.message ?? res.statusText, res.status, body);
  }
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  return { blob: await res.blob(), fileName: m ? decodeURIComponent(m[1]) : null };
}

/** The HTTP status of an error thrown by httpClient, if any. */
export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error
    ? Number((error as { status: unknown }).status)
    : undefined;

/** The server's field errors (`{errors: {field: message}}`) of a failed call. */
export const fieldErrorsOf = (error: unknown): Record<string, string> =>
  (error as { body?: { errors?: Record<string, string> } })?.body?.errors ?? {};
