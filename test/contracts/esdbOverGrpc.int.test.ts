import { getEsdbEventStore } from '../../adapters/eventstore/esdb/esdbEventStore.ts';
import { tallyRegistry } from '../support/tally.ts';
import { appendRaw } from '../adapters/eventstore/esdb/appendRaw.ts';
import { startEsdbNode, type EsdbNode } from '../support/esdbServer/esdbServer.ts';
import { eventStoreContract } from './eventStoreContract.ts';

// The real client over the wire to an in-process node that keeps EventStoreDB's rules, appending as
// it does with servers from 21.10 (BatchAppend) and with older ones (Append).
for (const batchAppend of [true, false])
describe(`EventStore contract: EventStoreDB protocol, real client, in-process node (${batchAppend ? 'BatchAppend' : 'Append'})`, () => {
  let node: EsdbNode;
  before(async () => {
    node = await startEsdbNode({ batchAppend });
  });
  after(async () => {
    await node.close();
  });

  eventStoreContract({
    open: async () => getEsdbEventStore({ connectionString: node.connectionString, registry: tallyRegistry }),
    appendRaw,
  });
});
