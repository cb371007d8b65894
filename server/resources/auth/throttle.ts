import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A sliding window of login attempts per IP, in memory: enough for one process. */
export class Throttle {
  private hits = new Map<string, number[]>();
  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; false when the IP is over its limit. */
  take(key: string, now: number): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.hits.delete(this.hits.keys().next().value!);
    return true;
  }
}

interface BackoffState {
  fails: number;
  until: number;
  last: number;
}

/**
 * A progressive delay per key (OWASP ASVS 5.0 V6.3.1, NIST SP 800-63B §5.2.2): the first `free`
 * failures cost nothing, each further one doubles the wait before the key may try again, up to
 * `maxMs`. Never a lock: one try is let through whenever the wait is over. A key is forgotten
 * `forgetMs` after its last failure; the oldest keys go first when there are too many.
 */
export class Backoff {
  private keys = new Map<string, BackoffState>();
  constructor(
    private readonly o: { free: number; baseMs: number; maxMs: number; forgetMs: number; maxKeys?: number },
  ) {}

  private state(key: string, now: number): BackoffState | undefined {
    const s = this.keys.get(key);
    if (s && now - s.last > this.o.forgetMs && now >= s.until) {
      this.keys.delete(key);
      return undefined;
    }
    return s;
  }

  /** Milliseconds before the key may try again; 0 now. */
  wait(key: string, now: number): number {
    const s = this.state(key, now);
    return s ? Math.max(0, s.until - now) : 0;
  }

  /** Counts a failure; answers the wait it starts. */
  fail(key: string, now: number): number {
    const s = this.state(key, now) ?? { fails: 0, until: 0, last: now };
    s.fails++;
    s.last = now;
    const over = s.fails - this.o.free;
    if (over > 0) s.until = now + Math.min(this.o.maxMs, this.o.baseMs * 2 ** Math.min(over - 1, 30));
    this.keys.delete(key); // re-inserted last: the map's order is the eviction order
    this.keys.set(key, s);
    if (this.keys.size > (this.o.maxKeys ?? 50_000)) this.keys.delete(this.keys.keys().next().value!);
    return Math.max(0, s.until - now);
  }

  /** Takes back one counted failure (an attempt counted while in flight that succeeded). */
  refund(key: string, now: number): void {
    const s = this.state(key, now);
    if (!s) return;
    s.fails = Math.max(0, s.fails - 1);
    if (s.fails <= this.o.free) s.until = 0;
  }

  clear(key: string): void {
    this.keys.delete(key);
  }
}

export const DEVICE_COOKIE = 'did';
export const DEVICE_MAX_AGE_S = 180 * 86_400;

/**
 * Who may try a password now. Every attempt counts against its client and against the identifier it
 * names — the same for an identifier nobody has as for a real account, so the answers tell nothing
 * about who exists. A browser that signed in to the account before carries a device cookie (OWASP's
 * "device cookies"); from it, attempts count against that device instead of the account, so a flood
 * of guesses at `city` from elsewhere slows the guesser, never the city admin at its own desk.
 *
 * Attempts are counted as failures when they start and refunded when they succeed: twenty guesses
 * sent at once do not all slip in before the first one is judged.
 */
export class LoginGuard {
  private readonly client = new Backoff({ free: 30, baseMs: 1000, maxMs: 60_000, forgetMs: 3_600_000 });
  private readonly account = new Backoff({ free: 5, baseMs: 2000, maxMs: 300_000, forgetMs: 3_600_000 });
  private readonly secret = randomBytes(32);

  /** The keys an attempt counts against. */
  keys(ip: string | null | undefined, identifier: string, device: string | null): string[] {
    return [
      `client:${ip ?? 'unknown'}`,
      device ? `device:${device}` : `id:${identifier.trim().toLowerCase()}`,
    ];
  }

  private of(key: string) {
    return key.startsWith('client:') ? this.client : this.account;
  }

  /** Milliseconds the attempt must wait (0: it may go on, and is counted). */
  begin(keys: string[], now: number): number {
    const wait = Math.max(...keys.map((k) => this.of(k).wait(k, now)));
    if (wait > 0) return wait;
    for (const k of keys) this.of(k).fail(k, now);
    return 0;
  }

  /** The attempt succeeded: the account (or device) starts afresh, the client gets its try back. */
  succeed(keys: string[], now: number): void {
    for (const k of keys) {
      if (k.startsWith('client:')) this.client.refund(k, now);
      else this.account.clear(k);
    }
  }

  /** The wait the failures so far impose on the next attempt. */
  waitAfter(keys: string[], now: number): number {
    return Math.max(...keys.map((k) => this.of(k).wait(k, now)));
  }

  /** A device cookie for this user: `userId.nonce.mac`. */
  deviceToken(userId: number): string {
    const body = `${userId}.${randomBytes(12).toString('base64url')}`;
    return `${body}.${this.mac(body)}`;
  }

  /** The device's own key if the cookie is genuine and was given to `userId`; otherwise null. */
  device(token: string | undefined, userId: number | undefined): string | null {
    if (!token || userId === undefined) return null;
    const [id, nonce, mac] = token.split('.');
    if (!id || !nonce || !mac || Number(id) !== userId) return null;
    const want = Buffer.from(this.mac(`${id}.${nonce}`));
    const got = Buffer.from(mac);
    return want.length === got.length && timingSafeEqual(want, got) ? `${id}.${nonce}` : null;
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}
