import type { AppendResult as EsdbAppendResult } from '@eventstore/db-client';
import type { NewEvent } from '../../../domain/events/event.ts';
import { AppendTooLargeError, ConcurrencyError } from '../../../domain/errors.ts';
import type { AppendResult, ExpectedRevision } from '../../../commands/eventStore.ts';
import { checkExpectedRevision } from '../../../commands/expectedRevision.ts';
import type { EsdbClient } from './esdbClient.ts';
import type { EsdbReads } from './esdbReads.ts';
import { isMaxAppendSizeExceeded, isWrongExpectedVersion, toConcurrencyError } from './errors.ts';
import { encodedAppendSize } from '../../../commands/appendLimit.ts';
import { fromEsdbPosition } from './positions.ts';
import { toEventData } from './recordedEvents.ts';
import { toEsdbExpectedRevision } from './revisions.ts';

/** Where the events of an earlier identical append would be, if the expected revision says. */
const repeatStart = (expected: ExpectedRevision): bigint | undefined =>
  expected === 'no_stream' ? 0n : typeof expected === 'bigint' ? expected + 1n : undefined;

/** The server checks the expected revision; our deterministic ids let it recognise a re-sent append. */
export const esdbAppend = (client: EsdbClient, reads: EsdbReads) => {
  /** The result of an earlier append of these very events from revision `from`, found by id. */
  const earlierAppend = async (
    stream: string,
    events: readonly NewEvent[],
    from: bigint,
  ): Promise<AppendResult | undefined> => {
    const found = await reads.storedFrom(stream, from, events.length);
    if (found.length === 0 || found[0]!.id !== events[0]!.id) return undefined;
    if (found.length !== events.length || found.some((stored, i) => stored.id !== events[i]!.id))
      throw new ConcurrencyError(stream, 'the same events as before', 'a partial repeat of an earlier append');
    const last = found[found.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  };

  /** A refused append is a conflict, unless it was these same events sent again. */
  const refused = async (
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    conflict: ConcurrencyError,
  ) => {
    const from = repeatStart(expected);
    const repeat = from === undefined ? undefined : await earlierAppend(stream, events, from);
    if (repeat) return repeat;
    throw conflict;
  };

  /** Some server versions answer a repeat without a position: the first append's events carry it. */
  const repeated = async (
    stream: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    result: EsdbAppendResult,
  ) => {
    const from = repeatStart(expected) ?? result.nextExpectedRevision - BigInt(events.length) + 1n;
    const repeat = await earlierAppend(stream, events, from);
    if (repeat) return repeat;
    const [last] = await reads.storedFrom(stream, result.nextExpectedRevision, 1);
    if (!last) throw new Error(`EventStoreDB accepted an append to ${stream} but reported no position for it`);
    return { nextExpectedRevision: result.nextExpectedRevision, position: last.position };
  };

  /** Appending nothing still checks the expected revision, as the embedded store does. */
  const appendNothing = async (stream: string, expected: ExpectedRevision): Promise<AppendResult> => {
    const current = await reads.lastRevision(stream);
    checkExpectedRevision(stream, expected, current);
    return { nextExpectedRevision: current ?? -1n, position: await reads.headPosition() };
  };

  return async (stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> => {
    if (events.length === 0) return appendNothing(stream, expected);
    let result: EsdbAppendResult;
    try {
      result = await client.appendToStream(stream, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expected),
      });
    } catch (error) {
      // The server counts as encodedEventSize does, so the size named is the one it refused.
      if (isMaxAppendSizeExceeded(error))
        throw new AppendTooLargeError(
          stream,
          encodedAppendSize(events),
          error.maxAppendSize,
          events.length === 1 ? 'event' : 'append',
        );
      if (!isWrongExpectedVersion(error)) throw error;
      return refused(stream, events, expected, toConcurrencyError(stream, expected, error.actualVersion));
    }
    // Only when the connection string sets throwOnAppendFailure=false does a refusal arrive as a result;
    // the client misreads BatchAppend's revision there (it reports 0 or 1), so the stream is asked.
    if (!result.success)
      return refused(
        stream,
        events,
        expected,
        toConcurrencyError(stream, expected, (await reads.lastRevision(stream)) ?? 'no_stream'),
      );
    const position = fromEsdbPosition(result.position);
    if (position === undefined) return repeated(stream, events, expected, result);
    return { nextExpectedRevision: result.nextExpectedRevision, position };
  };
};
