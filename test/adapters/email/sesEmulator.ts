import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import emulator from 'aws-ses-v2-local';

export type StoredEmail = {
  readonly messageId: string;
  readonly from: string;
  readonly destination: { readonly to: readonly string[] };
  readonly subject: string;
  readonly body: { readonly text?: string; readonly html?: string };
  readonly attachments: readonly {
    readonly filename?: string;
    readonly contentType: string;
    readonly content: string;
  }[];
};

// A CommonJS module: its default import is `module.exports`, whose `default` starts the server.
const startEmulator = emulator.default;

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * aws-ses-v2-local on a free port of 127.0.0.1, behind a front that keeps each SendRawEmail's raw
 * MIME bytes as received: the emulator parses them and stores bodies and attachments, not headers.
 */
export const startSesEmulator = async () => {
  const backend = await startEmulator({ host: '127.0.0.1', port: 0 });
  const backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  // The emulator's store is one per process: a fresh emulator must not show an earlier test's emails.
  await fetch(`${backendUrl}/clear-store`, { method: 'POST' });
  const raw: Buffer[] = [];
  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const data = new URLSearchParams(body.toString('utf8')).get('RawMessage.Data');
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host'),
    );
    const answer = await fetch(`${backendUrl}${req.url ?? '/'}`, {
      method: req.method ?? 'GET',
      headers,
      body: chunks.length ? body : undefined,
    });
    if (data !== null && answer.ok) raw.push(Buffer.from(data, 'base64'));
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  };
  // A forward that fails ends its own request, not the test process with an unhandled rejection.
  const front = createServer((req, res) => {
    forward(req, res).catch((error: unknown) => res.destroy(error instanceof Error ? error : new Error(String(error))));
  });
  const endpoint = await listen(front);
  return {
    endpoint,
    /** Raw messages in the order the emulator accepted them. */
    rawMessages: (): readonly Buffer[] => raw,
    storedEmails: async (): Promise<readonly StoredEmail[]> =>
      ((await (await fetch(`${backendUrl}/store`)).json()) as { emails: StoredEmail[] }).emails,
    clear: async () => {
      raw.length = 0;
      await fetch(`${backendUrl}/clear-store`, { method: 'POST' });
    },
    stop: async () => {
      await close(front);
      await close(backend);
    },
  };
};
