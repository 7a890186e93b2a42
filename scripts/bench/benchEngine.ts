// The engine as a bench case drives it: embedded stores of its own in `dir`, the HTTP API on
// 127.0.0.1, and a company with one empty list.
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { createLogger } from '../../http/logging.ts';
import { listen } from '../../http/server.ts';
import { demoClient } from '../demo/demoClient.ts';
import { engineApp } from '../engine/engineApp.ts';

export const benchAdminToken = 'bench-admin-token-0123456789abcdef';
export const benchCaseType = 'personal injury';

export const benchEngine = async (dir: string, name: string) => {
  const eventStore = getSqliteEventStore({ path: join(dir, `${name}-events-${process.pid}.db`), registry: engineRegistry });
  const readStore = getSqliteReadStore({ path: join(dir, `${name}-read-${process.pid}.db`) });
  const { app, runner } = await engineApp({ eventStore, readStore, logger: createLogger({ level: 'silent' }), adminToken: benchAdminToken, limits: { csvBytes: 256 * 1024 * 1024 } });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  const client = demoClient(server.url);
  const opened = await client.post('/v1/companies', benchAdminToken, { name: 'Bench & Co' });
  const list = await client.post('/v1/lists', opened.apiKey, { name: 'Everyone', caseType: benchCaseType });
  return {
    eventStore,
    readStore,
    runner,
    client,
    url: server.url,
    key: opened.apiKey as string,
    companyId: opened.company.id as string,
    listId: list.id as string,
    close: async () => {
      await server.close(100);
      await runner.stop();
      await readStore.close();
      await eventStore.close();
    },
  };
};
