import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { CallProgress } from '../../../commands/outreach/carrierReports.ts';
import type { PlaceCall } from '../../../commands/outreach/telephony.ts';
import type { CallScript } from './callScript.ts';

/** One line of the log: a call as dialled, or the note that its final report was taken in. */
export type PlacedCallEntry =
  | {
      readonly kind: 'placed';
      readonly call: PlaceCall & {
        readonly carrierCallId: string;
        readonly placedAt: string;
        readonly script: CallScript;
      };
    }
  | { readonly kind: 'ended'; readonly callId: string; readonly progress: CallProgress };

export type PlacedCallLog = {
  /** What earlier runs of the carrier wrote; a line torn by a crash mid-write is dropped. */
  readonly entries: readonly PlacedCallEntry[];
  /** Appends one entry and forces it to disk before returning, so a dial is never forgotten. */
  append(entry: PlacedCallEntry): void;
  close(): void;
};

const parse = (line: string): PlacedCallEntry | undefined => {
  try {
    return JSON.parse(line) as PlacedCallEntry;
  } catch {
    return undefined;
  }
};

/** A JSON-lines file of the simulated carrier's calls, so a restarted carrier still knows what it dialled. */
export const placedCallLog = (path: string): PlacedCallLog => {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  // The last piece is empty or a line torn by a crash: every other one was synced before the next was written.
  const complete = text.split('\n').slice(0, -1);
  const entries = complete.flatMap((line) => {
    const entry = line.trim() ? parse(line) : undefined;
    return entry ? [entry] : [];
  });
  const fd = openSync(path, 'a');
  // A torn tail is ended with a newline so the next entry starts on a line of its own.
  if (!text.endsWith('\n') && text.length > 0) writeSync(fd, '\n');
  return {
    entries,
    append: (entry) => {
      writeSync(fd, `${JSON.stringify(entry)}\n`);
      fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
};
