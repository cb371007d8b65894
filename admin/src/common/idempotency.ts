/**
 * A fresh `Idempotency-Key` for one click of a money button: a retried or doubled request with the
 * same key gets the first answer back instead of moving money twice (server/lib/idempotency.ts).
 * `crypto.randomUUID` exists only in secure contexts (https, localhost); an office intranet on
 * plain http still has `getRandomValues`, so the UUID is built from that when needed.
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40; // version 4
  b[8] = (b[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
