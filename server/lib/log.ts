/** Structured JSON lines; callers pass ids, never personal data. */
let silent = false;
export const log = {
  silence(on = true) {
    silent = on;
  },
  info(fields: Record<string, unknown>) {
    if (!silent)
      process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'info', ...fields })}\n`);
  },
  error(fields: Record<string, unknown>) {
    if (!silent)
      process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'error', ...fields })}\n`);
  },
};
