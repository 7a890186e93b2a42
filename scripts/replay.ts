// `npm run replay -- [--stream <name>] [--after <position>] [--limit <n>]`: the events, in order, as
// JSON lines for auditors: one stream, or the whole store from a position.
import { engineRegistry } from '../domain/engineEvents.ts';
import type { RecordedEvent } from '../domain/events/event.ts';
import { ConfigurationError } from '../domain/errors.ts';
import { openStores } from './engine/openStores.ts';
import { scriptArgs } from './engine/scriptArgs.ts';

const line = (event: RecordedEvent): string =>
  JSON.stringify({
    position: String(event.position),
    stream: event.stream,
    revision: String(event.revision),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });

const main = async () => {
  const { flags, config } = scriptArgs(process.argv.slice(2), ['stream', 'after', 'limit']);
  const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
  if (!(limit > 0)) throw new ConfigurationError('--limit', `expected a positive number, got ${flags.limit}`);
  if (flags.after !== undefined && !/^\d+$/.test(flags.after)) throw new ConfigurationError('--after', `expected a position, got ${flags.after}`);
  const { eventStore, readStore } = await openStores(config, engineRegistry);
  try {
    const events = flags.stream
      ? eventStore.readStream(flags.stream, { maxCount: limit })
      : eventStore.readAll({ after: BigInt(flags.after ?? 0), maxCount: limit });
    for await (const event of events) process.stdout.write(`${line(event)}\n`);
  } finally {
    await readStore.close();
    await eventStore.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `configuration error: ${error.message}` : error);
  process.exit(error instanceof ConfigurationError ? 2 : 1);
});
