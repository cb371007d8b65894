import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../lib/errors';
import { parseRosterFile, type RosterSheet } from './roster-file';

/**
 * The worker thread of roster.ts's `readRoster`: unpacks and parses one roster per message, its heap
 * capped (server/lib/off-thread.ts JobThread). A refusal travels back as data.
 */
export type RosterParse =
  RosterSheet | { refused: { status: number; message: string; errors?: Record<string, string> } };

parentPort!.on('message', async ({ id, input }: { id: number; input: Uint8Array }) => {
  let result: RosterParse;
  try {
    result = await parseRosterFile(input);
  } catch (e) {
    if (!(e instanceof ApiError)) {
      parentPort!.postMessage({ id, ok: false, error: (e as Error).message });
      return;
    }
    result = { refused: { status: e.status, message: e.message, errors: e.errors } };
  }
  parentPort!.postMessage({ id, ok: true, result });
});
