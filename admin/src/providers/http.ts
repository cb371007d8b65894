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

/**
 * A multipart upload that reports its progress (fetch cannot): `onProgress(percent)` while the file
 * goes up, then `onProgress(null)` while the server works on it. Errors as httpClient's.
 */
export function postFormWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (percent: number | null) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path));
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) =>
      onProgress(e.lengthComputable ? Math.round((100 * e.loaded) / e.total) : null);
    xhr.upload.onload = () => onProgress(null);
    xhr.onerror = () => reject(new HttpError('网络错误，请重试', 0, {}));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new HttpError((body as { message?: string }).message ?? xhr.statusText, xhr.status, body));
    };
    xhr.send(form);
  });
}
