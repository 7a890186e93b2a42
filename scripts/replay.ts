// `npm run replay -- --help`: the event log read back for auditors, one campaign's timeline or raw events.
import { createWriteStream, existsSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { engineRegistry } from '../domain/engineEvents.ts';
import type { RecordedEvent } from '../domain/events/event.ts';
import { ConfigurationError, ValidationError } from '../domain/errors.ts';
import { asOfPoint } from '../http/campaigns/campaignRequests.ts';
import { campaignLog } from './replay/campaignLog.ts';
import { inboundCallIdsOf } from './replay/inboundCallIds.ts';
import { eventLine } from './replay/eventLine.ts';
import { openStores } from './engine/openStores.ts';
import { scriptArgs, scriptFailed } from './engine/scriptArgs.ts';

const spec = {
  usage: 'npm run -s replay -- [flags]',
  summary:
    "The event log read back for an auditor, one line per event: a campaign's timeline, one stream, or the whole log. " +
    'Run it as `npm run -s replay` (or `npx tsx scripts/replay.ts`): without -s, npm writes its own banner lines to stdout before the events.',
  flags: {
    campaign: {
      value: 'id',
      description:
        "one campaign's timeline: its own events and those of every contact it enrolled (enrolment, workflow, calls, messages, texts received, consent), in global order",
      default: 'none: the whole log',
    },
    'as-of': {
      value: 'position|time',
      description: 'with --campaign: stop at a global position (digits) or an ISO-8601 time',
      default: 'the head of the log',
    },
    stream: { value: 'name', description: 'the events of one stream', default: 'every stream' },
    after: { value: 'position', description: 'every event after a global position', default: '0, from the start' },
    limit: { value: 'n', description: 'at most n events (with --stream or --after)', default: 'no limit' },
    format: {
      value: 'json|text',
      description:
        'json: one JSON object a line {position, stream, revision, type, data, metadata}, for jq; text: #position, recorded at, stream, type and key facts, two spaces apart',
      default: 'json',
    },
    out: {
      value: 'file',
      description: 'write the lines to this file instead of stdout; an existing file is refused',
      default: 'stdout',
    },
    force: { description: 'with --out: overwrite an existing file', default: 'off' },
  },
  notes: [
    'Examples:',
    '  npm run -s replay -- --campaign <id> | jq -c \'select(.type == "CallPlaced")\'',
    '  npm run -s replay -- --campaign <id> --format text',
    '  npm run -s replay -- --campaign <id> --out audit.log',
    '',
    'Exit codes: 0 done, 2 bad flags, an unknown campaign or an existing --out file, 1 anything else.',
  ],
} as const;

const jsonLine = (event: RecordedEvent): string =>
  JSON.stringify({
    position: String(event.position),
    stream: event.stream,
    revision: String(event.revision),
    type: event.type,
    data: event.data,
    metadata: event.metadata,
  });

type Output = { emit(line: string): Promise<void>; end(): Promise<void> };

/** Lines out, waiting while the reader is full: a long log goes out as fast as its reader takes it. */
const output = (sink: NodeJS.WritableStream): Output => ({
  emit: async (line) => {
    if (!sink.write(`${line}\n`)) await new Promise((resolve) => sink.once('drain', resolve));
  },
  end: () =>
    sink === process.stdout
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => sink.once('error', reject).end(resolve)),
});

/** The file --out names, created now, so a file already there is refused before anything is read. */
const outFile = (file: string, force: boolean): NodeJS.WritableStream => {
  if (!force && existsSync(file))
    throw new ConfigurationError('--out', `${file} already exists; pass --force to overwrite it`);
  // 'wx' still refuses a file created since the check.
  return createWriteStream(file, { fd: openSync(file, force ? 'w' : 'wx') });
};

// A reader that stops early (`| head`) is no error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => process.exit(error.code === 'EPIPE' ? 0 : 1));

const main = async () => {
  const { flags, config } = scriptArgs(process.argv.slice(2), spec);
  const limit = flags.limit === undefined ? Infinity : Number(flags.limit);
  if (!(limit > 0)) throw new ConfigurationError('--limit', `expected a positive number, got ${flags.limit}`);
  if (flags.after !== undefined && !/^\d+$/.test(flags.after!))
    throw new ConfigurationError('--after', `expected a position, got ${flags.after}`);
  if (flags.campaign !== undefined && (flags.stream !== undefined || flags.after !== undefined))
    throw new ConfigurationError('--campaign', 'reads its own streams: leave out --stream and --after');
  if (flags['as-of'] !== undefined && flags.campaign === undefined)
    throw new ConfigurationError('--as-of', 'goes with --campaign');
  const format = flags.format ?? 'json';
  if (format !== 'json' && format !== 'text')
    throw new ConfigurationError('--format', `expected json or text, got ${format}`);
  if (flags.force && flags.out === undefined) throw new ConfigurationError('--force', 'goes with --out');
  const asOf = flags['as-of'] === undefined ? undefined : asOfOf(flags['as-of']!);
  const line = format === 'json' ? jsonLine : eventLine;
  // Reading must not leave an empty store behind where there was none.
  if (config.eventStore.engine === 'sqlite' && !existsSync(join(config.dataDir, 'events.db')))
    throw new ConfigurationError('--data-dir', `no event store in ${config.dataDir}`);
  const out = output(flags.out === undefined ? process.stdout : outFile(flags.out!, flags.force === true));
  const { eventStore, readStore } = await openStores(config, engineRegistry);
  try {
    if (flags.campaign !== undefined) {
      const lines = await campaignLog(eventStore, flags.campaign!, asOf, line, inboundCallIdsOf(readStore));
      if (!lines)
        throw new ConfigurationError(
          '--campaign',
          `no campaign ${flags.campaign} in the event store${asOf ? ' as of that point' : ''}`,
        );
      for (const each of lines) await out.emit(each);
      return;
    }
    const events = flags.stream
      ? eventStore.readStream(flags.stream!, { maxCount: limit })
      : eventStore.readAll({ after: BigInt(flags.after ?? 0), maxCount: limit });
    for await (const event of events) await out.emit(line(event));
  } catch (error) {
    // A refused replay leaves no half-written or empty file behind.
    if (flags.out !== undefined) rmSync(flags.out, { force: true });
    throw error;
  } finally {
    await out.end();
    await readStore.close();
    await eventStore.close();
  }
};

const asOfOf = (text: string) => {
  try {
    return asOfPoint(text);
  } catch (error) {
    if (error instanceof ValidationError)
      throw new ConfigurationError('--as-of', `expected a global position (digits) or an ISO-8601 time, got ${text}`);
    throw error;
  }
};

main().catch(scriptFailed('replay'));
