import { getEsdbEventStore } from '../../../../adapters/eventstore/esdb/esdbEventStore.ts';
import { eventStoreContract } from '../../../contracts/eventStoreContract.ts';
import { tallyRegistry } from '../../../support/tally.ts';
import { appendRaw } from './appendRaw.ts';
import { fakeEsdb } from './fakeEsdbClient.ts';

// The adapter's own logic against the whole contract, with the server replaced by an in-memory fake.
for (const positionOnRepeat of [true, false]) {
  describe(`EventStore contract: EventStoreDB adapter over an in-memory client (${positionOnRepeat ? 'server answers repeats with a position' : 'server answers repeats without a position'})`, () => {
    const fake = fakeEsdb({ positionOnRepeat, systemEventAfterAppend: true, maxAppendSize: 1024 * 1024 });
    eventStoreContract({
      open: async () => getEsdbEventStore({ client: fake.client, registry: tallyRegistry }),
      appendRaw,
    });
  });
}
