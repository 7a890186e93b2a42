import { getEsdbEventStore } from '../../adapters/eventstore/esdb/esdbEventStore.ts';
import { tallyRegistry } from '../support/tally.ts';
import { appendRaw } from '../adapters/eventstore/esdb/appendRaw.ts';
import { startEsdbNode, type EsdbNode } from '../support/esdbServer/esdbServer.ts';
import { eventStoreContract } from './eventStoreContract.ts';

// The real client over the wire to an in-process node that keeps EventStoreDB's rules.
describe('EventStore contract: EventStoreDB protocol, real client, in-process node', () => {
  let node: EsdbNode;
  before(async () => {
    node = await startEsdbNode();
  });
  after(async () => {
    await node.close();
  });

  eventStoreContract({
    open: async () => getEsdbEventStore({ connectionString: node.connectionString, registry: tallyRegistry }),
    appendRaw,
  });
});
