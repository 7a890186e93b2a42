import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RunningServer = {
  readonly url: string;
  readonly port: number;
  /** Stops accepting, lets requests in flight finish for `graceMs`, then cuts what is left. */
  close(graceMs?: number): Promise<void>;
};

/** Listens on `port` (0 for any free one) and resolves once the socket is bound. */
export const listen = (app: RequestListener, options: { port: number; host?: string }): Promise<RunningServer> =>
  new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      const { port, address, family } = server.address() as AddressInfo;
      const host = family === 'IPv6' ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        port,
        close: (graceMs = 5000) =>
          new Promise<void>((done, fail) => {
            const force = setTimeout(() => server.closeAllConnections(), graceMs);
            server.close((error) => {
              clearTimeout(force);
              if (error) fail(error);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
