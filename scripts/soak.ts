/**
 * npm run soak -- [--seconds 180] [--sessions 24] [--think-ms 600] [--max-requests 400000]
 *
 * A bounded soak of the real server over loopback (see scripts/lib/soak.ts). 24 sessions
 * pausing 0–1.2 s between actions make ~70 requests/s — far more than a city's clerks — with
 * reads held to the bench's p99s. Prints the figures; exits 1 on any problem.
 */
import { runSoak } from './lib/soak';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const report = await runSoak({
  seconds: Math.min(arg('seconds', 180), 1800),
  sessions: Math.min(arg('sessions', 24), 64),
  thinkMs: arg('think-ms', 600),
  maxRequests: arg('max-requests', 400_000),
  log: (line) => console.log(line),
});
console.log(JSON.stringify(report, null, 2));
if (report.problems.length) {
  console.error(`soak FAILED:\n  ${report.problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `soak ok: ${report.requests} requests in ${report.seconds} s (${report.rps}/s), RSS ${report.memory.rssStartMb} → ${report.memory.rssEndMb} MB, heap floor ${report.memory.heapFloorStartMb} → ${report.memory.heapFloorEndMb} MB`,
);
