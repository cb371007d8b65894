/** A tiny same-origin client for /api: JSON in and out, errors as ApiError {status, message, errors}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Called on 401 anywhere: the session ran out, so the app goes back to the sign-in page. */
let onUnauthorized: () => void = () => {};
export const setUnauthorizedHandler = (fn: () => void) => {
  onUnauthorized = fn;
};

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network');
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) {
    if (res.status === 401 && path !== '/auth/login') onUnauthorized();
    throw new ApiError(res.status, data.message ?? res.statusText, data.errors ?? {});
  }
  return data as T;
}

/** The total of a simple-rest list (its Content-Range), without its rows: the unread badge asks this. */
async function total(resource: string, filter: Record<string, unknown>): Promise<number> {
  const query = new URLSearchParams({ filter: JSON.stringify(filter), range: JSON.stringify([0, 0]) });
  const res = await fetch(`/api/${resource}?${query}`, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, res.statusText);
  return Number(/\/(\d+)$/.exec(res.headers.get('Content-Range') ?? '')?.[1] ?? 0);
}

export const api = {
  total,
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** ra-data-simple-rest list: filter, sort and range as JSON query parameters. */
  list: <T>(
    resource: string,
    filter: Record<string, unknown> = {},
    sort: [string, 'ASC' | 'DESC'] = ['id', 'DESC'],
  ) =>
    request<T[]>(
      'GET',
      `/${resource}?${new URLSearchParams({
        filter: JSON.stringify(filter),
        sort: JSON.stringify(sort),
        range: JSON.stringify([0, 99]),
      })}`,
    ),
};

/**
 * Multipart upload with progress: fetch cannot report it, and on mobile data a 3 MB photo takes long
 * enough that a worker needs to see it move.
 */
export function upload<T>(
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/documents');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.onload = () => {
      let data: { message?: string; errors?: Record<string, string> } = {};
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        if (xhr.status === 401) onUnauthorized();
        reject(new ApiError(xhr.status, data.message ?? xhr.statusText, data.errors ?? {}));
      }
    };
    xhr.send(form);
  });
}
