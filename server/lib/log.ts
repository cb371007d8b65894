/**
 * One line per event; callers pass ids, never personal data. JSON lines in production (or with
 * LOG_FORMAT=json) for a log collector; short readable lines in development:
 * `10:04:05 GET /api/payments 200 12 ms  rid=… user=3`.
 */
export type LogFormat = 'json' | 'text';
type Level = 'info' | 'error';

let silent = false;
let format: LogFormat = 'json';

const REQUEST_KEYS = ['method', 'path', 'status', 'ms'] as const;

/** A readable line: the time, the message (or a request's method, path, status, time), then the rest as key=value. */
export function textLine(t: Date, level: Level, fields: Record<string, unknown>): string {
  const { msg, ...rest } = fields;
  const head: string[] = [t.toISOString().slice(11, 19)];
  if (level === 'error') head.push('ERROR');
  if (msg !== undefined) head.push(String(msg));
  else if ('method' in rest && 'path' in rest) {
    head.push(
      `${rest.method as string} ${rest.path as string} ${rest.status as number} ${rest.ms as number} ms`,
    );
    for (const k of REQUEST_KEYS) delete rest[k];
  }
  const tail = Object.entries(rest)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)}`);
  return [head.join(' '), ...tail].join('  ');
}

function write(level: Level, fields: Record<string, unknown>) {
  if (silent) return;
  const t = new Date();
  const line =
    format === 'text' ? textLine(t, level, fields) : JSON.stringify({ t: t.toISOString(), level, ...fields });
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  silence(on = true) {
    silent = on;
  },
  /** `text` in development, `json` in production or when LOG_FORMAT=json (server/env.ts decides). */
  setFormat(f: LogFormat) {
    format = f;
  },
  info(fields: Record<string, unknown>) {
    write('info', fields);
  },
  error(fields: Record<string, unknown>) {
    write('error', fields);
  },
};
