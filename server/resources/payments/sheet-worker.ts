import { parentPort } from 'node:worker_threads';
import { ApiError } from '../../lib/errors';
import { parseResultSheet, SHEET_LIMITS, type SheetResult } from './bank-sheet';

/**
 * The worker thread of bank-file.ts's `readResultSheet`: unpacks and parses one sheet per message,
 * its heap capped (server/lib/off-thread.ts JobThread). A refusal travels back as data.
 */
parentPort!.on('message', async ({ id, input }: { id: number; input: Uint8Array }) => {
  let result: SheetResult;
  try {
    result = await parseResultSheet(input, SHEET_LIMITS);
  } catch (e) {
    if (!(e instanceof ApiError)) {
      parentPort!.postMessage({ id, ok: false, error: (e as Error).message });
      return;
    }
    result = { refused: { status: e.status, message: e.message, errors: e.errors } };
  }
  parentPort!.postMessage({ id, ok: true, result });
});
