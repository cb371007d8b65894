/**
 * npm run test:crash -- [--kills N] [--seed S] [--concurrency C]
 *
 * Crash safety: the real server, a random mix of reviews, allocations, payments, refunds and returns,
 * SIGKILL at a random moment, N times in a row (200 by default); after each kill the database is
 * checked. Exits 1 on the first broken check, with the seed to replay it.
 */
import { runCrash } from './lib/crash';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const report = await runCrash({
  kills: arg('kills', 200),
  seed: arg('seed', Date.now() % 1_000_000),
  concurrency: arg('concurrency', 4),
  log: (line) => console.log(line),
});
console.log(JSON.stringify({ ...report, driverErrors: report.driverErrors.slice(0, 20) }, null, 2));
if (report.problems.length || report.survived !== report.kills) {
  console.error(
    `FAILED after ${report.survived} kills (seed ${report.seed}):\n  ${report.problems.slice(0, 20).join('\n  ')}`,
  );
  process.exit(1);
}
console.log(
  `crash harness: ${report.survived}/${report.kills} kills survived, ${report.acknowledged} acknowledged writes all present, ${report.seconds} s`,
);
