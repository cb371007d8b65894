import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureServer } from './helpers';

/**
 * A graceful SIGTERM with an upload in flight. Timing-bound (in `npm run test:reliability`): the signal
 * must land while the upload is half sent, and a busy machine may take a while to deliver it.
 */
describe('graceful shutdown', () => {
  it('SIGTERM finishes the upload in flight, refuses new connections, closes the database cleanly and exits 0', async () => {
    const fx = await fixtureServer(undefined, { logs: true });
    const draft = await fx.as('worker1').post('/api/applications', { roundId: fx.f.open.id });
    expect(draft.status).toBe(201);
    const boundary = 'xBOUNDARYx';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="applicationId"\r\n\r\n${draft.body.id}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nid_card\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="id.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const tail = Buffer.from(`% slow scan\n%%EOF\n\r\n--${boundary}--\r\n`);
    const cookie = fx.as('worker1').cookie;
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${fx.server.url}/api/documents`,
        {
          method: 'POST',
          headers: {
            cookie,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': head.length + tail.length,
          },
        },
        (res) => {
          let body = '';
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        },
      );
      req.on('error', reject);
      req.write(head);
      setTimeout(async () => {
        fx.server.proc.kill('SIGTERM');
        // Not accepting anymore while the upload is still coming in (polled: a busy machine may take a moment to deliver the signal).
        let refused = false;
        for (let i = 0; i < 50 && !refused; i++) {
          refused = await fetch(`${fx.server.url}/api/health`).then(
            (r) => r.arrayBuffer().then(() => false),
            () => true,
          );
          if (!refused) await new Promise((r) => setTimeout(r, 100));
        }
        expect(refused).toBe(true);
        req.end(tail);
      }, 300);
    });
    const res = await answer;
    expect(res.status, res.body).toBe(201);
    const exit = await fx.server.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    // A clean close checkpoints and removes the WAL; the pid file goes with the process.
    expect(fs.existsSync(`${fx.dbFile}-wal`)).toBe(false);
    expect(fs.existsSync(path.join(fx.env.dataDir, 'server.pid'))).toBe(false);
    expect(fx.read('select kind from documents where id = ?', JSON.parse(res.body).id)).toEqual([
      { kind: 'id_card' },
    ]);
    expect(fx.server.lines.some((l) => l.includes('stopped: database closed'))).toBe(true);
  });
});
