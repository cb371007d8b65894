import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/** scrypt, salted, parameters stored with the hash: `scrypt$N$r$p$salt$hash`. */
const N = 1 << 15,
  R = 8,
  P = 1;
const MAXMEM = 64 * 1024 * 1024;

const scryptAsync = (password: string, salt: Buffer, length: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/**
 * Hashes run in libuv's thread pool, never on the event loop (a hash is ~0.1 s of CPU: on the loop,
 * every login stalled every other request). At most one fewer than the cores at a time (one on two
 * cores, at most two): a hash takes a whole core, and the event loop keeps one to itself, so a morning
 * rush of logins queues here, 32 MB each, instead of slowing every page of the panel.
 */
const MAX_PARALLEL = Math.min(2, Math.max(1, os.availableParallelism() - 1));
let running = 0;
const queue: (() => void)[] = [];
async function gated<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

const format = (salt: Buffer, hash: Buffer) =>
  `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;

function parse(stored: string) {
  const [alg, n, r, p, salt, hash] = stored.split('$');
  if (alg !== 'scrypt') return null;
  const expected = Buffer.from(hash, 'base64');
  const options = { N: Number(n), r: Number(r), p: Number(p), maxmem: MAXMEM };
  return { salt: Buffer.from(salt, 'base64'), expected, options };
}

/** For seeds and command-line tools, which have no requests to keep answering. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  return format(salt, scryptSync(password, salt, 32, { N, r: R, p: P, maxmem: MAXMEM }));
}

export function verifyPassword(password: string, stored: string): boolean {
  const s = parse(stored);
  if (!s) return false;
  return timingSafeEqual(s.expected, scryptSync(password, s.salt, s.expected.length, s.options));
}

/** The server's: off the event loop. */
export async function hashPasswordAsync(password: string): Promise<string> {
  const salt = randomBytes(16);
  return format(salt, await gated(() => scryptAsync(password, salt, 32, { N, r: R, p: P, maxmem: MAXMEM })));
}

export async function verifyPasswordAsync(password: string, stored: string): Promise<boolean> {
  const s = parse(stored);
  if (!s) return false;
  const actual = await gated(() => scryptAsync(password, s.salt, s.expected.length, s.options));
  return timingSafeEqual(s.expected, actual);
}

/** Used to spend the same time on an unknown user as on a wrong password. */
export const DUMMY_HASH = hashPassword(randomBytes(12).toString('hex'));

/** Shipped with the code (server/lib/common-passwords.txt), lower case. */
const COMMON = new Set(
  fs
    .readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);

/** What a password must not contain: the account's own identifiers. */
export interface PasswordContext {
  username?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

/**
 * OWASP ASVS 5.0 V6.2 and NIST SP 800-63B §3.1.1.2: long enough, not a known common password (nor one
 * with digits or symbols tacked on), not one character or one chunk repeated, and none of the account's
 * own identifiers inside (`worker1worker1`, a phone, an ID number). Letters and digits both, as before.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < 10) return '密码至少 10 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  const lower = password.toLowerCase();
  if (new Set(lower).size < 5) return '密码过于简单：不同的字符太少';
  if (/^(.{1,})\1+$/.test(lower)) return '密码过于简单：由同一段字符重复组成';
  const stem = lower.replace(/[\d\W_]+$/, '');
  if (COMMON.has(lower) || (stem.length >= 2 && COMMON.has(stem))) return '密码过于常见，请换一个';
  const own = [context.username, context.phone, context.idNumber, context.idNumber?.slice(-6)].filter(
    (v): v is string => !!v && v.length >= 3,
  );
  if (own.some((v) => lower.includes(v.toLowerCase()))) return '密码不能包含用户名、手机号或身份证号';
  return null;
}
