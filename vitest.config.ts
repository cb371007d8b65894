import { defineConfig } from 'vitest/config';

/**
 * The tests whose outcome depends on the machine's speed: SIGKILLs that land after a random wait or
 * kill a child process at its own pace, a soak, a backup taken while load runs, a signal raced against
 * an upload, answers held to a time. They are `npm run test:reliability` (vitest.reliability.config.ts),
 * so that `npm test` gives the same answer on a loaded machine as on a quiet one.
 */
export const TIMING_BOUND = [
  'test/reliability/crash.test.ts',
  'test/api/money-crash.test.ts',
  'test/reliability/sms-crash.test.ts',
  'test/reliability/soak.test.ts',
  'test/reliability/backup-load.test.ts',
  'test/reliability/shutdown.test.ts',
  'test/reliability/latency.test.ts',
];

/** `npm test`: every test whose answer does not depend on how fast the machine is. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', ...TIMING_BOUND],
    pool: 'forks',
    // Generous: a loaded two-core machine runs the same work several times slower; a timeout is not a
    // performance check (those are latency.test.ts).
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
