import type { Db } from '../../../db/client';
import type { Clock } from '../../lib/context';
import { log } from '../../lib/log';
import { digestRound } from './digest';
import { dispatchRound, type Gateway } from './dispatch';

export interface Notifier {
  /** One round now: the morning digest when due, then the SMS outbox (tests drive it with their clock). */
  tick: () => Promise<void>;
  /** No new round; resolves when the one under way has finished (shutdown, before the database closes). */
  stop: () => Promise<void>;
}

/**
 * The digest and the SMS dispatcher, inside the server process on an unref'd timer: each round
 * runs after the previous one ended, never two at once. Without a gateway messages stay in-app.
 */
export function startNotifier(
  db: Db,
  clock: Clock,
  opts: { gateway?: Gateway; everyMs?: number } = {},
): Notifier {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const round = async () => {
    try {
      const digests = digestRound(db, clock);
      if (digests) log.info({ msg: 'daily digest', accounts: digests });
      if (opts.gateway) {
        const r = await dispatchRound(db, clock, opts.gateway, () => stopped);
        if (r.sent || r.failed || r.dead) log.info({ msg: 'sms outbox', ...r });
      }
    } catch (e) {
      log.error({ msg: 'notifier round failed', error: (e as Error).message });
    }
  };
  const tick = () => (running = running.then(round));
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick().then(schedule), opts.everyMs ?? 30_000);
    timer.unref();
  };
  schedule();
  return {
    tick,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
