/**
 * The workers' portal must load fast on a cheap phone over mobile data (issue 7): everything
 * admin/dist/portal.html makes the browser fetch up front, gzipped, JavaScript under 150 KB.
 * `npx tsx bench/bundle-size.ts` prints the files and fails over the bound; test/e2e/portal-bundle.test.ts
 * asserts the same after `npm run build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const PORTAL_JS_LIMIT = 150 * 1024;

export interface BundleFile { file: string; bytes: number; gzip: number; lazy: boolean }
export interface BundleReport { files: BundleFile[]; jsGzip: number; cssGzip: number; lazyJsGzip: number }

/** Follows portal.html's scripts, preloads and stylesheets, then every JS import (static and lazy). */
export function portalBundle(dist = path.resolve('admin/dist')): BundleReport {
  const html = fs.readFileSync(path.join(dist, 'portal.html'), 'utf8');
  const start = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const seen = new Map<string, boolean>();
  const queue: [string, boolean][] = start.map((f) => [f, false]);
  while (queue.length) {
    const [file, lazy] = queue.shift()!;
    if (seen.has(file) && (lazy || !seen.get(file))) continue;
    seen.set(file, lazy);
    if (!file.endsWith('.js')) continue;
    const code = fs.readFileSync(path.join(dist, file), 'utf8');
    const dir = path.posix.dirname(file);
    for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g)) queue.push([path.posix.join(dir, m[1]), lazy]);
    for (const m of code.matchAll(/import\(\s*"(\.\/[^"]+\.js)"\s*\)/g)) queue.push([path.posix.join(dir, m[1]), true]);
  }
  const files = [...seen].map(([file, lazy]) => {
    const buf = fs.readFileSync(path.join(dist, file));
    return { file, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length, lazy };
  });
  const sum = (f: (x: BundleFile) => boolean) => files.filter(f).reduce((s, x) => s + x.gzip, 0);
  return {
    files,
    jsGzip: sum((x) => x.file.endsWith('.js') && !x.lazy),
    cssGzip: sum((x) => x.file.endsWith('.css')),
    lazyJsGzip: sum((x) => x.file.endsWith('.js') && x.lazy),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = portalBundle();
  for (const f of r.files) console.log(`${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}${f.lazy ? '  (lazy)' : ''}`);
  console.log(`portal JavaScript (gzipped, loaded up front): ${kb(r.jsGzip)} of ${kb(PORTAL_JS_LIMIT)}; CSS ${kb(r.cssGzip)}; lazy JS ${kb(r.lazyJsGzip)}`);
  if (r.jsGzip > PORTAL_JS_LIMIT) {
    console.error('portal JavaScript is over its bound');
    process.exit(1);
  }
}
