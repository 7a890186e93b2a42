import { getEsdbEventStore } from '../../adapters/eventstore/esdb/esdbEventStore.ts';
import { tallyRegistry } from '../support/tally.ts';
import { appendRaw } from '../adapters/eventstore/esdb/appendRaw.ts';
import { startEsdbNode, type EsdbNode, type EsdbNodeOptions } from '../support/esdbServer/esdbServer.ts';
import { eventStoreContract } from './eventStoreContract.ts';

// The real client over the wire to an in-process node that keeps EventStoreDB's rules: as servers
// from 21.10 (BatchAppend), and as older ones (Append; repeats answered with or without a position).
const servers: [name: string, options: EsdbNodeOptions][] = [
  ['BatchAppend', {}],
  ['Append', { batchAppend: false }],
  ['Append, repeats answered without a position', { batchAppend: false, repeatsWithoutPosition: true }],
];

for (const [name, options] of servers)
  describe(`EventStore contract: EventStoreDB protocol, real client, in-process node (${name})`, () => {
    let node: EsdbNode;
    before(async () => {
      node = await startEsdbNode(options);
    });
    after(async () => {
      await node.close();
    });

    eventStoreContract({
      open: async () => getEsdbEventStore({ connectionString: node.connectionString, registry: tallyRegistry }),
      appendRaw,
    });
  });
