import { gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { compress } from 'hono/compress';

/**
 * Answers travel gzipped when the client accepts it. JSON (lists, statistics, timelines) is
 * compressed from 1 KB in one synchronous call at level 1 as `c.json` writes it — a compression stream
 * costs about three times as much CPU per list page, and reading an answer back to compress it builds
 * a full fetch Response per request. A page of 25 applications still shrinks from 14 KB to ~2 KB.
 * The panel's scripts and styles go through hono/compress.
 */
const MIN_BYTES = 1024;
const streamed = compress();

export const compression: MiddlewareHandler = (c, next) => {
  const gzip = /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
  const body = c.body;
  c.json = ((object: unknown, arg?: Parameters<typeof body>[1], headers?: Record<string, string>) => {
    const text = JSON.stringify(object);
    const h: Record<string, string> = {
      'Content-Type': 'application/json',
      Vary: 'Accept-Encoding',
      ...headers,
    };
    if (gzip && text.length >= MIN_BYTES)
      return body(gzipSync(text, { level: 1 }), arg as never, { ...h, 'Content-Encoding': 'gzip' });
    // A length below hono/compress's threshold: it lets the answer go as it is.
    return body(text, arg as never, { ...h, 'Content-Length': String(Buffer.byteLength(text)) });
  }) as unknown as typeof c.json;
  // The API's other answers are scans, photos and spreadsheets, already compressed: only the panel's
  // files go through the stream (it costs a getOne a sixth of its time even when it compresses nothing).
  return c.req.path.startsWith('/api/') ? next() : streamed(c, next);
};
