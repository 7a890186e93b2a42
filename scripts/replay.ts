// `npm run replay -- --help`: the event log read back for auditors, one campaign's timeline or raw events.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { engineRegistry } from '../domain/engineEvents.ts';
import type { RecordedEvent } from '../domain/events/event.ts';
import { ConfigurationError, ValidationError } from '../domain/errors.ts';
import { asOfPoint } from '../http/campaigns/campaignRequests.ts';
import { campaignLog } from './replay/campaignLog.ts';
import { inboundCallIdsOf } from './replay/inboundCallIds.ts';
import { eventLine } from './replay/eventLine.ts';
import { openStores } from './engine/openStores.ts';
import { scriptArgs } from './engine/scriptArgs.ts';

const usage = `Usage: npm run replay -- [flags]

  --campaign <id>         one campaign's timeline: its own events and those of every contact it
                          enrolled (enrolment, workflow, calls, messages, texts received, consent),
                          interleaved in global order, one line each:
                          #position  recorded at  stream  type  key facts
  --as-of <position|time> with --campaign: stop at a global position (digits) or an ISO-8601 time
  --stream <name>         the events of one stream, as JSON lines
  --after <position>      every event after a global position, as JSON lines (the default: from the start)
  --limit <n>             at most n events (JSON lines only)
  --data-dir <dir>        the embedded store to read (default ./data); EVENTSTORE_URL reads EventStoreDB
  --help                  this text

Exit codes: 0 done, 2 bad flags or an unknown campaign, 1 anything else.`;

const jsonLine = (event: RecordedEvent): string =>
  JSON.stringify({
    position: String(event.position),
    stream: event.stream,
    revision: String(event.revision),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });

/** One line out, waiting while stdout is full: a long log goes out as fast as its reader takes it. */
const emit = async (line: string): Promise<void> => {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
};

// A reader that stops early (`| head`) is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const main = async () => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) return void process.stdout.write(`${usage}\n`);
  const { flags, config } = scriptArgs(argv, ['campaign', 'as-of', 'stream', 'after', 'limit']);
  const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
  if (!(limit > 0)) throw new ConfigurationError('--limit', `expected a positive number, got ${flags.limit}`);
  if (flags.after !== undefined && !/^\d+$/.test(flags.after)) throw new ConfigurationError('--after', `expected a position, got ${flags.after}`);
  if (flags.campaign !== undefined && (flags.stream !== undefined || flags.after !== undefined)) throw new ConfigurationError('--campaign', 'reads its own streams: leave out --stream and --after');
  if (flags['as-of'] !== undefined && flags.campaign === undefined) throw new ConfigurationError('--as-of', 'goes with --campaign');
  const asOf = flags['as-of'] === undefined ? undefined : asOfOf(flags['as-of']);
  // Reading must not leave an empty store behind where there was none.
  if (config.eventStore.engine === 'sqlite' && !existsSync(join(config.dataDir, 'events.db'))) throw new ConfigurationError('--data-dir', `no event store in ${config.dataDir}`);
  const { eventStore, readStore } = await openStores(config, engineRegistry);
  try {
    if (flags.campaign !== undefined) {
      const lines = await campaignLog(eventStore, flags.campaign, asOf, eventLine, inboundCallIdsOf(readStore));
      if (!lines) throw new ConfigurationError('--campaign', `no campaign ${flags.campaign} in the event store${asOf ? ' as of that point' : ''}`);
      for (const line of lines) await emit(line);
      return;
    }
    const events = flags.stream ? eventStore.readStream(flags.stream, { maxCount: limit }) : eventStore.readAll({ after: BigInt(flags.after ?? 0), maxCount: limit });
    for await (const event of events) await emit(jsonLine(event));
  } finally {
    await readStore.close();
    await eventStore.close();
  }
};

const asOfOf = (text: string) => {
  try {
    return asOfPoint(text);
  } catch (error) {
    if (error instanceof ValidationError) throw new ConfigurationError('--as-of', `expected a global position (digits) or an ISO-8601 time, got ${text}`);
    throw error;
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? `replay: ${error.message}\n\n${usage}` : error);
  process.exit(error instanceof ConfigurationError ? 2 : 1);
});
