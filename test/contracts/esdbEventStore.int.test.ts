import { getEsdbEventStore } from '../../adapters/eventstore/esdb/esdbEventStore.ts';
import { tallyRegistry } from '../support/tally.ts';
import { appendRaw } from '../adapters/eventstore/esdb/appendRaw.ts';
import { eventStoreContract } from './eventStoreContract.ts';

// The client parses esdb:// only; kurrentdb:// names the same protocol.
const url = process.env.EVENTSTORE_URL?.replace(/^kurrentdb/, 'esdb');

if (url) {
  describe('EventStore contract: EventStoreDB', () => {
    eventStoreContract({
      open: async () => getEsdbEventStore({ connectionString: url, registry: tallyRegistry }),
      appendRaw,
    });
  });
} else {
  console.log(
    'EventStore contract: EventStoreDB skipped (set EVENTSTORE_URL=esdb://localhost:2113?tls=false to run it)',
  );
}
