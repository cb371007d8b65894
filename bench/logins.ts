/**
 * A morning rush: 20 sign-ins in flight (scrypt, ~0.1 s of CPU each) while one clerk reads a list
 * page. The hashes run in libuv's pool, two at a time (server/lib/password.ts), so the list's p99 under
 * the rush stays within 3× of its p99 alone (OWASP ASVS 5.0 V6.3 without a frozen event loop).
 */
import http from 'node:http';
import { load, type Sample } from './measure';

export interface LoginStorm {
  alone: Sample;
  rush: Sample;
  logins: number;
  loginErrors: number;
}

/** One sign-in over its own connection from `localAddress` (each stream its own client address). */
function signIn(url: string, username: string, password: string, localAddress: string): Promise<number> {
  const body = JSON.stringify({ username, password });
  const u = new URL('/api/auth/login', url);
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        localAddress,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

export async function loginStorm(
  url: string,
  cookie: string,
  next: () => string,
  users: string[],
  password: string,
  seconds: number,
  inFlight = 20,
): Promise<LoginStorm> {
  const alone = await load(url, cookie, next, 1, seconds);
  let stop = false;
  let logins = 0,
    loginErrors = 0;
  // Each stream is one clerk at its own desk: its own account, its own loopback address.
  const streams = Array.from({ length: inFlight }, async (_, i) => {
    while (!stop) {
      const status = await signIn(url, users[i % users.length], password, `127.0.0.${i + 2}`);
      if (status === 200) logins++;
      else loginErrors++;
    }
  });
  await new Promise((r) => setTimeout(r, 300)); // the rush is on before the clerk reads
  const rush = await load(url, cookie, next, 1, seconds);
  stop = true;
  await Promise.all(streams);
  return { alone, rush, logins, loginErrors };
}
