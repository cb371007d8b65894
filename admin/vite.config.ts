import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  server: {
    port: 5173,
    // No changeOrigin: the API's same-origin check compares Origin with Host, and both must
    // stay the dev server's for POST/PUT/DELETE to pass.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
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
});
