import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, wherever the script runs from. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerOptions {
  dataDir: string;
  port?: number;
  piiKey?: string;
  /** Keep the JSON log lines (LOG_LEVEL=info) in `lines`. */
  logs?: boolean;
  env?: Record<string, string>;
  /** Extra node flags for diagnosis, e.g. ['--trace-gc'] or ['--cpu-prof']. */
  nodeArgs?: string[];
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  proc: ChildProcess;
  /** stdout and stderr lines, when `logs` was asked for; stderr always. */
  lines: string[];
  stderr: string;
  exited: Promise<Exit>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<Exit>;
  /** SIGKILL and wait for the exit. */
  kill(): Promise<Exit>;
  /** Resident memory of the server process, from /proc (Linux). */
  rssBytes(): number | null;
}

/**
 * `npm start`'s entry point as a child process, on loopback only, API only (no panel build), the
 * node process itself (no npx/tsx wrapper), so a SIGKILL lands on the process holding the database.
 */
export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const port = o.port ?? (await freePort());
  const proc = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', 'server/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: o.dataDir,
      NODE_ENV: 'test',
      API_ONLY: '1',
      LOG_LEVEL: o.logs ? 'info' : 'silent',
      // The harnesses read the log lines as JSON.
      LOG_FORMAT: 'json',
      ...(o.piiKey ? { PII_KEY: o.piiKey } : {}),
      ...o.env,
    },
    stdio: ['ignore', o.logs ? 'pipe' : 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  let stderr = '';
  const collect = (buf: { rest: string }) => (d: Buffer) => {
    buf.rest += d.toString('utf8');
    const parts = buf.rest.split('\n');
    buf.rest = parts.pop()!;
    lines.push(...parts.filter(Boolean));
  };
  proc.stdout?.on('data', collect({ rest: '' }));
  const errBuf = { rest: '' };
  proc.stderr!.on('data', (d: Buffer) => {
    stderr += d;
    if (o.logs) collect(errBuf)(d);
  });
  // Never outlive the harness: a failing script must not leave a server behind.
  const orphanGuard = () => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  };
  process.once('exit', orphanGuard);
  const exited = new Promise<Exit>((resolve) =>
    proc.once('exit', (code, signal) => {
      process.off('exit', orphanGuard);
      resolve({ code, signal });
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  let ready = false;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) break;
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) {
        ready = true;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready) {
    proc.kill('SIGKILL');
    throw new Error(`server did not start on ${o.dataDir}: ${stderr.slice(-2000)}`);
  }
  const server: RunningServer = {
    url,
    port,
    pid: proc.pid!,
    dataDir: o.dataDir,
    proc,
    lines,
    get stderr() {
      return stderr;
    },
    exited,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      return exited;
    },
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      return exited;
    },
    rssBytes: () => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        return m ? Number(m[1]) * 1024 : null;
      } catch {
        return null;
      }
    },
  };
  return server;
}
