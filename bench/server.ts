/**
 * The real server as a child process (`node --import tsx server/index.ts`, one process, so its
 * /proc status is the server's own), its peak memory, and logged-in sessions on it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

export interface Server {
  url: string;
  child: ChildProcess;
  /** Highest resident set size (kB) sampled every 50 ms since the last `resetPeak()`. */
  peakRssKb: () => number;
  resetPeak: () => void;
  /** The kernel's high-water mark (kB) over the process's whole life, start-up included. */
  hwmKb: () => number;
  startSeconds: number;
  stop: () => Promise<void>;
}

const statusKb = (pid: number, field: 'VmRSS' | 'VmHWM') => {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
};

export async function startServer(
  root: string,
  dataDir: string,
  port: number,
  piiKey: string,
): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PII_KEY: piiKey,
      LOG_LEVEL: 'silent',
      NODE_ENV: 'production',
      API_ONLY: '1',
      // The daily audit archive (a worker thread) would copy the whole seeded history on a first start,
      // on the same two cores as the requests: the benchmark measures the request path, so it is held off.
      AUDIT_RETENTION_DAYS: '36500',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, statusKb(child.pid!, 'VmRSS'));
  }, 50);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 180_000; // a fresh clone builds the admin panel on first start
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before answering`);
    try {
      if ([200, 503].includes((await fetch(`${url}/api/health`)).status)) break; // 503 (low disk, old backup) still serves
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error('the server did not answer /api/health within 180 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let hwm = 0;
  return {
    url,
    child,
    startSeconds: (performance.now() - t0) / 1000,
    peakRssKb: () => peak,
    resetPeak: () => {
      peak = statusKb(child.pid!, 'VmRSS');
    },
    hwmKb: () => hwm || statusKb(child.pid!, 'VmHWM'),
    stop: async () => {
      hwm = statusKb(child.pid!, 'VmHWM');
      clearInterval(sampler);
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** POST /api/auth/login; answers the `sid` cookie to send with every request. */
export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const m = /sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  if (!m) throw new Error(`login ${username}: no session cookie`);
  return `sid=${m[1]}`;
}

/**
 * One JSON request with a session, timed; throws on an error status. A fresh connection each time: a
 * pooled one may be closed by the server's keep-alive timeout just as a slow write goes out on it.
 */
export function call(
  url: string,
  cookie: string,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<{ ms: number; json: unknown }> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${url}${pathname}`,
      {
        method,
        agent: false,
        headers: {
          cookie,
          ...(data ? { 'content-type': 'application/json', 'content-length': data.length } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const ms = performance.now() - t0;
          const text = Buffer.concat(chunks).toString();
          if ((res.statusCode ?? 500) >= 400)
            return reject(new Error(`${method} ${pathname}: ${res.statusCode} ${text.slice(0, 300)}`));
          try {
            resolve({ ms, json: JSON.parse(text) });
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Waits until the server answers a cheap request quickly: requests a closed load left queued (a
 * slow case leaves seconds of work behind) must not be billed to the next case.
 */
export async function drained(url: string, cookie: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const t0 = performance.now();
    await call(url, cookie, 'GET', '/api/auth/me').catch(() => undefined);
    if (performance.now() - t0 < 20) return;
  }
}
