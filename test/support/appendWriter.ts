// A writer process for the crash test: appends 5-event batches with many appends in flight and
// prints each acknowledged append, until it is killed.
import { getSqliteEventStore } from '../../adapters/eventstore/sqlite/sqliteEventStore.ts';
import { tallyEvents, tallyRegistry } from './tally.ts';

const path = process.argv[2]!;
const store = getSqliteEventStore({ path, registry: tallyRegistry });
let sequence = 0;

const appendForever = async (lane: number): Promise<never> => {
  for (;;) {
    const stream = `tally-crash${lane}`;
    const commandId = `crash-${process.pid}-${lane}-${++sequence}`;
    const events = tallyEvents(stream, 5, commandId);
    await store.append(stream, events, 'any');
    process.stdout.write(`ack ${commandId} ${events.map((e) => e.id).join(',')}\n`);
  }
};

for (let lane = 0; lane < 64; lane++) void appendForever(lane);
