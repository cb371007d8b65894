import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vendor code split by how often it changes, so a release of our own code re-downloads little. */
const VENDOR_GROUPS: [name: string, test: RegExp][] = [
  ['react', /node_modules[\\/](react|react-dom|scheduler)[\\/]/],
  ['mui', /node_modules[\\/](@mui|@emotion|@popperjs|react-transition-group|stylis)[\\/]/],
  [
    'react-admin',
    /node_modules[\\/](react-admin|ra-[a-z-]+|react-hook-form|@tanstack|react-router|react-router-dom)[\\/]/,
  ],
  // Loaded only by the performance view and by an .xlsx export: each its own lazy chunk.
  [
    'charts',
    /node_modules[\\/](recharts|d3-[a-z-]+|victory-vendor|internmap|@reduxjs|redux|redux-thunk|reselect|immer|react-redux|es-toolkit|decimal\.js-light|eventemitter3|tiny-invariant)[\\/]/,
  ],
  ['exceljs', /node_modules[\\/]exceljs[\\/]/],
  ['vendor', /node_modules[\\/]/],
];

/**
 * One closing line instead of Vite's table of every chunk (seventy of them): the count, the total
 * and the largest files, which are the ones worth watching.
 */
const buildSummary = (): Plugin => ({
  name: 'build-summary',
  apply: 'build',
  writeBundle(options, bundle) {
    const files = Object.values(bundle).map((f) => ({
      name: f.fileName,
      bytes: f.type === 'chunk' ? Buffer.byteLength(f.code) : Buffer.from(f.source).byteLength,
    }));
    const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en')} KB`;
    const total = files.reduce((s, f) => s + f.bytes, 0);
    const largest = [...files].sort((a, b) => b.bytes - a.bytes).slice(0, 3);
    console.log(
      `built ${path.relative(process.cwd(), options.dir ?? 'dist') || '.'}: ${files.length} files, ${kb(total)} (largest ${largest.map((f) => `${f.name.replace(/^assets\//, '').replace(/-[\w-]{8}\./, '.')} ${kb(f.bytes)}`).join(', ')})`,
    );
  },
});

export default defineConfig(({ command }) => ({
  root,
  base: '/',
  // A build says warnings and errors only (the summary plugin says what was built, in one line);
  // the dev server keeps its address line.
  logLevel: command === 'build' ? 'warn' : 'info',
  plugins: [react(), buildSummary()],
  server: {
    port: 5173,
    // No changeOrigin: the API's same-origin check compares Origin with Host, and both must
    // stay the dev server's for POST/PUT/DELETE to pass.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The one chunk over 500 kB is exceljs (~930 kB), imported only when a user asks for an .xlsx
    // (common/exportTable.ts, the performance view): the panel's first load never fetches it.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      // Two pages: the staff panel and the workers' own light portal (it never loads react-admin).
      input: { index: `${root}index.html`, portal: `${root}portal.html` },
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map(([name, test], i) => ({
            name,
            test,
            priority: VENDOR_GROUPS.length - i,
          })),
        },
      },
    },
  },
}));
