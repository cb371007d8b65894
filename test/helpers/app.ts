import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, type Db } from '../../db/client';
import { migrateDb } from '../../db/migrate';
import { createApp } from '../../server/app';
import { log } from '../../server/lib/log';
import { Pii } from '../../server/lib/pii';
import { seedDemo } from '../../seed/demo';

log.silence();

export const TEST_KEY = Buffer.alloc(32, 7);

/** A settable clock: tests move time instead of waiting. */
export class FakeClock {
  constructor(public current = new Date('2026-11-20T02:00:00Z')) {}
  now = () => new Date(this.current);
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(iso: string) {
    this.current = new Date(iso);
  }
}

export interface TestEnv {
  db: Db;
  pii: Pii;
  clock: FakeClock;
  dataDir: string;
  app: ReturnType<typeof createApp>;
}

/** A fresh migrated database (a file, so WAL and locking are real) and the app over it. */
export function testEnv(dbFile?: string): TestEnv {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'subsidy-test-'));
  const file = path.join(dataDir, 'app.db');
  if (dbFile) fs.copyFileSync(dbFile, file);
  const db = openDb(file);
  migrateDb(db);
  const pii = new Pii(TEST_KEY);
  const clock = new FakeClock();
  const app = createApp({ db, clock: clock.now, pii, dataDir, secureCookies: false });
  return { db, pii, clock, dataDir, app };
}

/** A logged-in HTTP client over app.request, keeping the session cookie. */
export class Client {
  cookie = '';
  constructor(private readonly env: TestEnv) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const init: RequestInit = {
      method,
      headers: { ...headers, ...(this.cookie ? { cookie: this.cookie } : {}) },
    };
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] = 'application/json';
    }
    const res = await this.env.app.request(url, init);
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      const m = /sid=([^;]*)/.exec(setCookie);
      if (m) this.cookie = m[1] ? `sid=${m[1]}` : '';
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, body: json as any };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  del = (url: string) => this.request('DELETE', url);

  async login(username: string, password = 'Kunming@2019') {
    const res = await this.post('/api/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return this;
  }
}

export const q = (o: Record<string, unknown>) =>
  '?' +
  Object.entries(o)
    .map(([k, v]) => `${k}=${encodeURIComponent(JSON.stringify(v))}`)
    .join('&');

/** The demo city seeded once into a database file, for tests that copy it (`testEnv(file)`). */
export function demoTemplate(label: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${label}-`)), 'app.db');
  const db = openDb(file);
  migrateDb(db);
  seedDemo(db, new Pii(TEST_KEY), new FakeClock().now());
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
  return file;
}
