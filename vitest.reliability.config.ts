import { defineConfig } from 'vitest/config';
import { TIMING_BOUND } from './vitest.config.js';

/**
 * `npm run test:reliability`: the timing-bound tests that `npm test` leaves out (the list is in
 * vitest.config.ts). One file at a time: each is a load of its own, and two at once would measure
 * each other.
 */
export default defineConfig({
  test: {
    include: TIMING_BOUND,
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
