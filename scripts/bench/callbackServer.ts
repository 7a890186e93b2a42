// The engine taking Twilio's callbacks, for callback_ingest: N placed calls on their streams, the real
// webhook routes with the Twilio configuration, PUBLIC_URL its own address. Prints `listening <url>`.
import { createServer } from 'node:net';
import { join } from 'node:path';
import { newEntityId, systemClock } from '../../adapters/clock/systemClock.ts';
import { systemScheduler } from '../../adapters/clock/scheduler.ts';
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { getSqliteReadStore } from '../../adapters/readstore/sqlite/sqliteReadStore.ts';
import { eventId } from '../../commands/eventIds.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { createLogger } from '../../http/logging.ts';
import { listen } from '../../http/server.ts';
import { engineApp } from '../engine/engineApp.ts';
import { outreachEngine } from '../engine/outreachEngine.ts';
import { benchCallId, benchCompanyId, benchAuthToken } from './callbackRequests.ts';

const [dir, countText] = process.argv.slice(2);
const count = Number(countText);
const eventStore = getSqliteEventStore({ path: join(dir!, 'callback-events.db'), registry: engineRegistry });
const readStore = getSqliteReadStore({ path: join(dir!, 'callback-read.db') });

// Each call placed, as the dispatcher records it: the company's, with the carrier's id.
const now = new Date();
let next = 0;
const lane = async () => {
  for (let i = next++; i < count; i = next++) {
    const callId = benchCallId(i);
    const commandId = `placed-${callId}`;
    const data = {
      callId,
      campaignId: '01900000-0000-7000-8000-00000000ca01',
      contactId: `contact-${i}`,
      carrierCallId: `CA${String(i).padStart(32, '0')}`,
      placedAt: now.toISOString(),
    };
    await eventStore.append(
      `call-${callId}`,
      [
        {
          id: eventId(commandId, 0, now),
          type: 'CallPlaced',
          data,
          metadata: {
            companyId: benchCompanyId,
            commandId,
            correlationId: commandId,
            causationId: commandId,
            actor: 'dispatcher',
            occurredAt: now.toISOString(),
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
  }
};
await Promise.all(Array.from({ length: 200 }, lane));

const port = await new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = probe.address() as { port: number };
    probe.close(() => resolve(free));
  });
});
const publicUrl = `http://127.0.0.1:${port}`;
const logger = createLogger({ level: 'silent' });
const outreach = outreachEngine({
  telephony: {
    carrier: 'twilio',
    accountSid: 'AC00000000000000000000000000000000',
    authToken: benchAuthToken,
    apiUrl: 'http://127.0.0.1:9',
    smsFrom: '+13125550111',
  },
  email: { carrier: 'simulated' },
  publicUrl,
  eventStore,
  readStore,
  registry: engineRegistry,
  scheduler: systemScheduler(() => {}),
  newId: newEntityId,
  unsubscribeSecret: 'bench-unsubscribe-secret-0123456789',
  waitForReadModels: async () => undefined,
  log: logger,
});
const { app } = await engineApp({
  eventStore,
  readStore,
  logger,
  adminToken: 'bench-admin-token-0123456789abcdef',
  clock: systemClock,
  outreach,
  publicUrl,
});
await listen(app, { port, host: '127.0.0.1' });
console.log(`listening ${publicUrl}`);
