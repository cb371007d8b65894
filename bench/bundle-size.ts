/**
 * The workers' portal must load fast on a cheap phone over mobile data: everything
 * admin/dist/portal.html makes the browser fetch up front, gzipped, JavaScript under 150 KB; the
 * panel's first load (index.html) under 450 KB, the rest lazy.
 * `npx tsx bench/bundle-size.ts` prints the files and fails over a bound; test/e2e/portal-bundle.test.ts
 * asserts the portal's after `npm run build`; `npm run bench` reports both.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const PORTAL_JS_LIMIT = 150 * 1024;
export const PANEL_JS_LIMIT = 450 * 1024;

export interface BundleFile {
  file: string;
  bytes: number;
  gzip: number;
  lazy: boolean;
}
export interface BundleReport {
  files: BundleFile[];
  jsGzip: number;
  cssGzip: number;
  lazyJsGzip: number;
}

export const portalBundle = (dist = path.resolve('admin/dist')) => bundleOf('portal.html', dist);
export const panelBundle = (dist = path.resolve('admin/dist')) => bundleOf('index.html', dist);

/** Follows the page's scripts, preloads and stylesheets, then every JS import (static and lazy). */
export function bundleOf(page: string, dist = path.resolve('admin/dist')): BundleReport {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
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
    for (const m of code.matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g))
      queue.push([path.posix.join(dir, m[1]), lazy]);
    for (const m of code.matchAll(/import\(\s*"(\.\/[^"]+\.js)"\s*\)/g))
      queue.push([path.posix.join(dir, m[1]), true]);
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

export const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (import.meta.url === `file://${process.argv[1]}`) {
  let over = false;
  for (const [name, r, limit] of [
    ['portal', portalBundle(), PORTAL_JS_LIMIT],
    ['panel', panelBundle(), PANEL_JS_LIMIT],
  ] as const) {
    for (const f of r.files)
      console.log(
        `${f.file.padEnd(48)} ${kb(f.bytes).padStart(10)}  gzip ${kb(f.gzip).padStart(9)}${f.lazy ? '  (lazy)' : ''}`,
      );
    console.log(
      `${name} JavaScript (gzipped, loaded up front): ${kb(r.jsGzip)} of ${kb(limit)}; CSS ${kb(r.cssGzip)}; lazy JS ${kb(r.lazyJsGzip)}\n`,
    );
    if (r.jsGzip > limit) {
      console.error(`${name} JavaScript is over its bound`);
      over = true;
    }
  }
  if (over) process.exit(1);
}
