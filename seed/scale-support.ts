/** Shared by the scale seed's files: status codes, time helpers, the PRNG, the audit event log. */
import type Database from 'better-sqlite3';
import { STATUSES } from '../server/domain/lifecycle';
import { GENESIS, rowHash } from '../server/lib/audit';

/** The lifecycle's statuses, coded by their index for the typed arrays of the plan. */
export const STATUS = STATUSES;
export type Status = (typeof STATUS)[number];
export const S = Object.fromEntries(STATUS.map((s, i) => [s, i])) as Record<Status, number>;
export const HOLDING = new Set<number>([S.approved, S.process_paid, S.graduated, S.completed, S.lapsed]);
/** Covered by the process allocation of a historical round (the money moved before any later change). */
export const PAID_PROCESS = new Set<number>([
  S.process_paid,
  S.graduated,
  S.completed,
  S.dropped_out,
  S.lapsed,
]);
export const LEVELS = [null, 'associate', 'bachelor'] as const;

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const iso = (ms: number) => new Date(ms).toISOString();
export const ymd = (ms: number) => iso(ms).slice(0, 10);

export { Rng } from './rng';

/**
 * I7: the audit events of the whole history, gathered compactly (a time, a kind, a record, the JSON
 * after) and appended to the hash chain in time order at the end, by the system (no user) at the
 * event's time — as `audit()` would have written them as they happened.
 */
export class EventLog {
  private at = new Float64Array(1 << 20);
  private record = new Int32Array(1 << 20);
  private kind = new Uint8Array(1 << 20);
  private after: string[] = [];
  private kinds: Array<[string, string]> = [];
  private kindOf = new Map<string, number>();
  private n = 0;

  add(at: number, resource: string, action: string, recordId: number, after: string): void {
    if (this.n === this.at.length) {
      const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.at = grow(this.at);
      this.record = grow(this.record);
      this.kind = grow(this.kind);
    }
    const key = `${resource} ${action}`;
    let k = this.kindOf.get(key);
    if (k === undefined) {
      k = this.kinds.length;
      this.kinds.push([resource, action]);
      this.kindOf.set(key, k);
    }
    this.at[this.n] = at;
    this.record[this.n] = recordId;
    this.kind[this.n] = k;
    this.after.push(after);
    this.n++;
  }

  chain(raw: Database.Database): void {
    const order = new Uint32Array(this.n).map((_, i) => i).sort((x, y) => this.at[x] - this.at[y] || x - y);
    const ins =
      raw.prepare(`insert into audit_log (at, user_id, role, organization_id, action, resource, record_id, before, after, ip, request_id, prev_hash, hash)
      values (?, null, null, null, ?, ?, ?, null, ?, null, null, ?, ?)`);
    let prev =
      (raw.prepare('select hash from audit_log order by id desc limit 1').pluck().get() as
        string | undefined) ?? GENESIS;
    for (const i of order) {
      const [resource, action] = this.kinds[this.kind[i]];
      const at = iso(this.at[i]);
      const hash = rowHash(prev, {
        at,
        userId: null,
        role: null,
        organizationId: null,
        action,
        resource,
        recordId: this.record[i],
        before: null,
        after: this.after[i],
        ip: null,
        requestId: null,
      });
      ins.run(at, action, resource, this.record[i], this.after[i], prev, hash);
      prev = hash;
    }
  }
}

/** Largest-remainder split of `total` by weights. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]++;
  }
  return out;
}
