import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  id: string;
  raw: string;
  body: { to: string; template: string; params: Record<string, unknown>; text: string; id: string };
  signature: string | undefined;
  idempotencyKey: string | undefined;
}

/**
 * An SMS gateway on a real socket at 127.0.0.1: records each POST and answers as `reply` says — a
 * status, or `hang` (never answers: the dispatcher's timeout). It deduplicates by id as a real one must.
 */
export async function smsGateway(reply: (r: Received, n: number) => number | 'hang' = () => 200) {
  const received: Received[] = [];
  const hanging: http.ServerResponse[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (raw += d));
    req.on('end', () => {
      const body = JSON.parse(raw) as Received['body'];
      const r: Received = {
        id: body.id,
        raw,
        body,
        signature: req.headers['x-signature'] as string | undefined,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      };
      received.push(r);
      const answer = reply(r, received.length);
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
  return {
    url,
    received,
    /** What a deduplicating gateway delivers: each id once. */
    delivered: () => new Set(received.map((r) => r.id)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
