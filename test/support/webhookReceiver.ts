import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Received = {
  readonly at: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
};

/** How the receiver answers its `n`th request (from 1): a status, after an optional delay in real ms. */
export type Answering = (n: number) => { status: number; delayMs?: number };

/** A webhook receiver on 127.0.0.1 that keeps every request it got and how it answered. */
export const webhookReceiver = async (answering: Answering = () => ({ status: 200 })) => {
  const received: Received[] = [];
  let current = answering;
  let open = 0;
  let mostOpen = 0;
  const server = createServer((req, res) => {
    open += 1;
    mostOpen = Math.max(mostOpen, open);
    res.on('close', () => (open -= 1));
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const { status, delayMs } = current(received.length + 1);
      received.push({ at: Date.now(), headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), status });
      const answer = () => res.writeHead(status, { 'content-type': 'text/plain' }).end('ok');
      if (delayMs) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** The most requests it had open at once. */
    mostOpen: () => mostOpen,
    /** Answers from now on as `next` says. */
    answerWith: (next: Answering) => void (current = next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/**
 * What the Standard Webhooks library makes of a request, verified as at the moment it was sent: on a
 * virtual clock the signed timestamp is virtual time, which the library would otherwise call too old.
 */
export const verifiedAsSent = (secret: string, request: Received): unknown => {
  const realNow = Date.now;
  Date.now = () => Number(request.headers['webhook-timestamp']) * 1000;
  try {
    return new Webhook(secret).verify(request.body, request.headers as Record<string, string>);
  } finally {
    Date.now = realNow;
  }
};
