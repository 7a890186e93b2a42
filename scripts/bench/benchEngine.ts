// The engine as a bench case drives it: embedded stores of its own in `dir`, the HTTP API on
// 127.0.0.1, and a company with one empty list.
import { join } from 'node:path';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { createLogger } from '../../http/logging.ts';
import { listen } from '../../http/server.ts';
import { demoClient, type DemoClient } from '../demo/demoClient.ts';
import { engineApp } from '../engine/engineApp.ts';

export const benchAdminToken = 'bench-admin-token-0123456789abcdef';
export const benchCaseType = 'personal injury';

/** The engine on the embedded stores `<files>-events.db` and `<files>-read.db` in `dir`, new or left by an earlier process. */
export const openBenchEngine = async (dir: string, files: string) => {
  const eventStore = getSqliteEventStore({ path: join(dir, `${files}-events.db`), registry: engineRegistry });
  const readStore = getSqliteReadStore({ path: join(dir, `${files}-read.db`) });
  const { app, runner } = await engineApp({
    eventStore,
    readStore,
    logger: createLogger({ level: 'silent' }),
    adminToken: benchAdminToken,
    limits: { csvBytes: 256 * 1024 * 1024 },
  });
  const server = await listen(app, { port: 0, host: '127.0.0.1' });
  return {
    eventStore,
    readStore,
    runner,
    client: demoClient(server.url),
    url: server.url,
    close: async () => {
      await server.close(100);
      await runner.stop();
      await readStore.close();
      await eventStore.close();
    },
  };
};

/** The engine with a new company and one empty list in it. */
export const withBenchCompany = async (engine: Awaited<ReturnType<typeof openBenchEngine>>) => {
  const opened = await engine.client.post('/v1/companies', benchAdminToken, { name: 'Bench & Co' });
  const list = await engine.client.post('/v1/lists', opened.apiKey, { name: 'Everyone', caseType: benchCaseType });
  return {
    ...engine,
    key: opened.apiKey as string,
    companyId: opened.company.id as string,
    listId: list.id as string,
  };
};

/** A fresh engine of this process's own, with a company and one empty list. */
export const benchEngine = async (dir: string, name: string) =>
  withBenchCompany(await openBenchEngine(dir, `${name}-${process.pid}`));

/**
 * A voice campaign over the bench list, one run from now on weekdays 09:00-17:00, with the agent
 * (and form, when given) it calls with; answers the draft's id.
 */
export const benchVoiceDraft = async (
  client: DemoClient,
  key: string,
  listId: string,
  form?: { readonly id: string },
): Promise<string> => {
  const agent = await client.post('/v1/agents', key, {
    name: 'Ava',
    voice: 'warm',
    streamUrl: 'wss://voice.example.com/ava',
    callerNumber: '+13125550111',
    ...(form ? { formId: form.id } : {}),
  });
  const draft = await client.post('/v1/campaigns', key, { name: 'Everyone, once' });
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
  await client.patch(`/v1/campaigns/${draft.id}`, key, {
    type: 'voice',
    listId,
    agentId: agent.id,
    ...(form ? { formId: form.id } : {}),
    schedule: { mode: 'custom', slots: [{ days: weekdays, start: '09:00', end: '17:00' }] },
    runs: [
      {
        start: new Date().toISOString(),
        slots: [{ days: weekdays, start: '09:00', end: '17:00' }],
        channels: ['voice'],
      },
    ],
  });
  return draft.id as string;
};
