import type { Account } from './fixture';
import { newRid, q, Session, type Answer } from './client';
import { WORK } from './work';

/**
 * A random walk through the program's daily work against a running server: reviews at every level,
 * new applications with their scans, allocations transferred and received, payments paid or failed,
 * dropouts and their refunds, fund returns, graduations. Work is found through the API, the way the
 * clerks find it. Every write is tracked: answered 2xx (acknowledged), refused, or unanswered (in
 * flight when the server died). Money actions carry an Idempotency-Key, so an unanswered one can be
 * retried safely.
 */
export interface Write {
  rid: string;
  kind: string;
  session: string;
  method: string;
  path: string;
  body: unknown;
  headers: Record<string, string>;
  sentAt: number;
  status?: number;
  answer?: any;
  replayed?: boolean;
  at?: number;
}

export type Kind =
  | 'review'
  | 'bulk-review'
  | 'apply'
  | 'allocate'
  | 'transfer'
  | 'receive'
  | 'pay'
  | 'fail'
  | 'reissue'
  | 'dropout'
  | 'refund-receive'
  | 'refund-confirm'
  | 'fund-return'
  | 'return-confirm'
  | 'quota'
  | 'graduate'
  | 'verify'
  | 'read';

export const CRASH_MIX: Partial<Record<Kind, number>> = {
  review: 8,
  'bulk-review': 1,
  apply: 2,
  allocate: 3,
  transfer: 3,
  receive: 3,
  pay: 6,
  fail: 1,
  reissue: 1,
  dropout: 2,
  'refund-receive': 2,
  'refund-confirm': 2,
  'fund-return': 2,
  'return-confirm': 2,
  quota: 1,
  graduate: 1,
  verify: 1,
  read: 2,
};

export const SOAK_MIX: Partial<Record<Kind, number>> = { ...CRASH_MIX, read: 60 };

export class ServerGone extends Error {}

/** mulberry32: a seeded PRNG, so a failing run can be replayed with its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PASSWORD = 'Kunming@2019';
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export interface Latency {
  kind: string;
  ms: number;
  status: number;
}

export class Driver {
  readonly acked: Write[] = [];
  readonly refused: Write[] = [];
  readonly unanswered: Write[] = [];
  readonly inflight = new Map<string, Write>();
  readonly errors: string[] = [];
  readonly latencies: Latency[] = [];
  readonly counts: Record<string, number> = {};
  openRound: { id: number } | null = null;
  readonly sessions = new Map<string, { s: Session; a: Account }>();
  institutions: number[] = [];
  quotas: { id: number; roundId: number; organizationId: number }[] = [];

  constructor(
    readonly base: string,
    accounts: Account[],
    readonly random: () => number,
    readonly mix: Partial<Record<Kind, number>> = CRASH_MIX,
  ) {
    for (const a of accounts)
      this.sessions.set(a.username, { s: new Session(base, a.username, `sid=${a.token}`), a });
  }

  pick<T>(xs: readonly T[]): T | undefined {
    return xs.length ? xs[Math.floor(this.random() * xs.length)] : undefined;
  }
  by(pred: (a: Account) => boolean) {
    return [...this.sessions.values()].filter((x) => pred(x.a));
  }
  get city() {
    return this.by((a) => a.role === 'city_admin')[0];
  }
  unions() {
    return this.by(
      (a) => (a.role === 'org_admin' && a.orgLevel === 2) || (a.role === 'unit_admin' && a.orgLevel === 2),
    );
  }

  /** A read; network failure means the server is gone. */
  async read(x: { s: Session; a: Account }, path: string, kind = 'read'): Promise<Answer> {
    let res: Answer;
    try {
      res = await x.s.get(path);
    } catch (e) {
      throw new ServerGone((e as Error).message);
    }
    if (res.status === 401) {
      await x.s.login(x.a.username, PASSWORD).catch(() => undefined);
      res = await x.s.get(path).catch((e) => {
        throw new ServerGone((e as Error).message);
      });
    }
    this.latencies.push({ kind, ms: res.ms, status: res.status });
    if (res.status >= 500)
      this.errors.push(`${res.status} GET ${path}: ${JSON.stringify(res.body).slice(0, 200)}`);
    return res;
  }

  async list(
    x: { s: Session; a: Account },
    resource: string,
    filter: Record<string, unknown>,
    range: [number, number] = [0, 24],
    sort?: [string, string],
  ): Promise<any[]> {
    const res = await this.read(
      x,
      `/api/${resource}${q({ filter, range, ...(sort ? { sort } : {}) })}`,
      `list:${resource}`,
    );
    return res.status === 200 && Array.isArray(res.body) ? res.body : [];
  }

  /** A tracked write: in flight until answered; 2xx acknowledged, other answers refused. */
  async write(
    x: { s: Session; a: Account },
    kind: string,
    method: string,
    path: string,
    body: unknown,
    money = false,
  ): Promise<Answer | null> {
    const rid = newRid(kind);
    const headers: Record<string, string> = { 'x-request-id': rid };
    if (money) headers['idempotency-key'] = `k-${rid}`;
    const w: Write = {
      rid,
      kind,
      session: x.a.username,
      method,
      path,
      body: body instanceof FormData ? '(multipart)' : body,
      headers,
      sentAt: Date.now(),
    };
    this.inflight.set(rid, w);
    let res: Answer;
    try {
      res = await x.s.request(method, path, body, headers);
    } catch (e) {
      this.inflight.delete(rid);
      this.unanswered.push(w);
      throw new ServerGone((e as Error).message);
    }
    this.inflight.delete(rid);
    Object.assign(w, { status: res.status, answer: res.body, replayed: res.replayed, at: Date.now() });
    this.latencies.push({ kind: `write:${kind}`, ms: res.ms, status: res.status });
    this.counts[`${kind}:${res.status}`] = (this.counts[`${kind}:${res.status}`] ?? 0) + 1;
    if (res.status >= 200 && res.status < 300) this.acked.push(w);
    else this.refused.push(w);
    if (res.status >= 500 || [400, 401, 413].includes(res.status))
      this.errors.push(`${res.status} ${method} ${path}: ${JSON.stringify(res.body).slice(0, 300)}`);
    return res;
  }

  async setup(): Promise<void> {
    const rounds = await this.list(this.city, 'rounds', {}, [0, 99]);
    const t = today();
    this.openRound = rounds.find((r) => r.opensOn <= t && t <= r.closesOn) ?? null;
    this.institutions = (await this.list(this.city, 'institutions', {}, [0, 99])).map((i) => i.id);
    this.quotas = await this.list(this.city, 'quotas', {}, [0, 499]);
  }

  private chooseKind(): Kind {
    const entries = Object.entries(this.mix) as [Kind, number][];
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.random() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r <= 0) return k;
    }
    return entries[0][0];
  }

  /** One random piece of work; resolves when it is done or found nothing to do. */
  async step(kind: Kind = this.chooseKind()): Promise<void> {
    await WORK[kind](this);
  }

  /** `concurrency` loops of random steps until the signal aborts or the count runs out; stops at the first sign the server is gone. */
  async run(o: {
    concurrency: number;
    signal: AbortSignal;
    maxSteps?: number;
    thinkMs?: number;
  }): Promise<{ steps: number; gone: boolean }> {
    let steps = 0;
    let gone = false;
    const loop = async () => {
      while (!o.signal.aborted && !gone && (o.maxSteps === undefined || steps < o.maxSteps)) {
        steps++;
        try {
          await this.step();
        } catch (e) {
          if (e instanceof ServerGone) {
            gone = true;
            return;
          }
          this.errors.push(`driver: ${(e as Error).stack}`);
        }
        // A clerk reads before the next click: uniform 0 to twice the mean.
        if (o.thinkMs) await new Promise((r) => setTimeout(r, this.random() * 2 * o.thinkMs!));
      }
    };
    await Promise.all(Array.from({ length: o.concurrency }, loop));
    return { steps, gone };
  }
}
