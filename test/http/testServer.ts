import { Registry } from 'prom-client';
import { createApp, type AppDeps } from '../../http/app.ts';
import { createLogger } from '../../http/logging.ts';
import type { ProjectionStatus, Readiness } from '../../http/readiness.ts';
import type { RunningServer } from '../../http/server.ts';
import { listenWatched } from '../support/problemMessages.ts';

export type TestServer = RunningServer & {
  /** Every log line written so far, parsed. */
  logs(): Record<string, unknown>[];
  /** Every log line written so far, as written. */
  logText(): string;
  metrics: Registry;
};

export const healthyReadiness = (projections: ProjectionStatus[] = []): Readiness => ({
  eventStore: async () => true,
  readStore: async () => true,
  projections: async () => projections,
});

/** The app on 127.0.0.1 with an ephemeral port, logging into memory. */
export const startTestServer = async (deps: Partial<AppDeps> = {}): Promise<TestServer> => {
  const lines: string[] = [];
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void lines.push(line) } });
  const metrics = new Registry();
  const app = createApp({ logger, metrics, readiness: healthyReadiness(), ...deps });
  const server = await listenWatched(app);
  return {
    ...server,
    metrics,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    logText: () => lines.join(''),
  };
};
