import { fetchUtils } from 'react-admin';

export const API_URL = '/api';

/**
 * Every call to the API: same origin, the HttpOnly session cookie sent along. Errors come back
 * as react-admin's HttpError whose message is the server's `{message}` and whose body keeps
 * `errors` for the form fields.
 */
export const httpClient = (url: string, options: fetchUtils.Options = {}) =>
  fetchUtils.fetchJson(url, { ...options, credentials: 'include' });

export const apiUrl = (path: string) => `${API_URL}/${path.replace(/^\//, '')}`;

export async function postJson<T>(path: string, body?: unknown): Promise<T> {
  const { json } = await httpClient(apiUrl(path), { method: 'POST', body: JSON.stringify(body ?? {}) });
  return json as T;
}

export async function getJson<T>(path: string): Promise<T> {
  const { json } = await httpClient(apiUrl(path));
  return json as T;
}

/** The HTTP status of an error thrown by httpClient, if any. */
export const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error ? Number((error as { status: unknown }).status) : undefined;
