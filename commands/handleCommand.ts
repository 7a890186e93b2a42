import type { Command, Decider } from '../domain/decider.ts';
import type { Event, NewEvent } from '../domain/events/event.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import { AppendTooLargeError, ConcurrencyError, NotFoundError } from '../domain/errors.ts';
import type { AppendResult, EventStore, ExpectedRevision } from './eventStore.ts';
import { appendParts, encodedAppendSize } from './appendLimit.ts';
import type { CommandContext } from './commandContext.ts';
import { newEventOf } from './newEventOf.ts';
import { checkExpectedRevision } from './expectedRevision.ts';
import { pause, type Scheduler } from './scheduler.ts';
import { streamQueueOf } from './streamQueue.ts';
import { streamStatesOf, type StreamStates } from './streamStates.ts';

export type HandleResult<State, E extends Event> = {
  readonly newEvents: readonly E[];
  readonly newState: State;
  /** Global position of the last event written; commands answer it for read-your-writes. */
  readonly position: bigint;
  readonly nextExpectedRevision: bigint | undefined;
  /** True when this command had been handled before and nothing new was appended. */
  readonly repeated: boolean;
};

export type RetryPolicy = {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
};

export const defaultRetry: RetryPolicy = { attempts: 8, baseDelayMs: 2, maxDelayMs: 200 };

export type CommandHandlerOptions<State, C extends Command, E extends Event> = {
  readonly store: EventStore;
  readonly registry: EventRegistry;
  readonly decider: Decider<State, C, E>;
  readonly retry?: RetryPolicy;
  /** Randomness for the backoff jitter; injectable so tests can pin it. */
  readonly random?: () => number;
  /** The clock the backoff waits on: real time always, never a simulated one whose timers may wait on this command. */
  readonly realTime?: Scheduler | undefined;
  /** Folded streams kept between commands; the store's own by default, shared by every handler on it. */
  readonly states?: StreamStates;
};

/** What a command writes with: the store, the registry that encodes its events, and the clock a conflict's backoff waits on. */
export type CommandWriter = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly realTime?: Scheduler;
};

/** What one call of the handler asks beyond the command. */
export type HandleOptions = {
  /**
   * The revision the caller saw the stream at (If-Match): checked after reading, a mismatch is a
   * ConcurrencyError and is never retried, since deciding again would decide on a state the caller did not see.
   */
  readonly expectedRevision?: ExpectedRevision;
};

/** Whether any part of the command's events is recorded yet. */
type Progress = { appended: boolean };

/** Without a scheduler, the process's own timers. */
const processTimers: Scheduler = {
  now: () => new Date(),
  after: (delayMs, task) => {
    const timer = setTimeout(() => void task(), delayMs);
    return { cancel: () => clearTimeout(timer) };
  },
};

/**
 * A caller's expectation that fails is its answer, unless the decider would not find what the
 * command addresses at all: that is answered first, as HTTP answers 404 before 412.
 */
const refuseStale = <State, C extends Command, E extends Event>(
  decider: Decider<State, C, E>,
  stream: string,
  command: C,
  state: State,
  expected: ExpectedRevision,
  current: bigint | undefined,
): void => {
  try {
    checkExpectedRevision(stream, expected, current);
  } catch (stale) {
    try {
      decider.decide(command, state);
    } catch (refusal) {
      if (refusal instanceof NotFoundError) throw refusal;
    }
    throw stale;
  }
};

/**
 * Fold the stream to its head (the fold kept from the last command plus the events appended since,
 * see streamStates.ts), decide, append with the revision that was read; on a conflict before
 * anything was appended, drop the kept fold, read again and decide again with backoff, and give up with
 * ConcurrencyError. A caller's expected revision (HandleOptions) is checked after reading and never retried.
 * Commands on one stream take turns within the process (every handler on the same store shares
 * the turns), so a conflict can only come from another process. The turn covers reading, the pure
 * decider and appending only, never another command, so it cannot wait on itself.
 */
export const commandHandler = <State, C extends Command, E extends Event>(
  options: CommandHandlerOptions<State, C, E>,
) => {
  const { store, registry, decider } = options;
  const retry = options.retry ?? defaultRetry;
  const random = options.random ?? Math.random;
  const realTime = options.realTime ?? processTimers;
  const queue = streamQueueOf(store);
  const states = options.states ?? streamStatesOf(store);

  /**
   * One append when the events fit the store's limit; otherwise, for a divisible command only,
   * consecutive appends cut between events, each expecting the revision the previous one left.
   * Whatever is refused is refused before anything is appended.
   */
  const appendInParts = async (
    stream: string,
    command: C,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    progress: Progress,
  ): Promise<AppendResult> => {
    const limit = store.maxAppendBytes;
    const parts = appendParts(stream, events, limit);
    if (parts.length > 1 && decider.divisible?.(command) !== true)
      throw new AppendTooLargeError(stream, encodedAppendSize(events), limit, 'append');
    let result: AppendResult | undefined;
    for (const part of parts) {
      result = await store.append(stream, part, result?.nextExpectedRevision ?? expected);
      progress.appended = true;
    }
    return result!;
  };

  const attempt = async (
    stream: string,
    command: C,
    context: CommandContext,
    expected: ExpectedRevision | undefined,
    progress: Progress,
  ): Promise<HandleResult<State, E>> => {
    const folded = await states.fold(decider, stream);
    const { state, revision, position: lastPosition } = folded;
    const earlier = folded.commands.get(context.commandId);
    if (earlier !== undefined)
      return { newEvents: [], newState: state, position: earlier, nextExpectedRevision: revision, repeated: true };
    if (expected !== undefined) refuseStale(decider, stream, command, state, expected, revision);
    const decided = decider.decide(command, state);
    const newEvents: readonly E[] = Array.isArray(decided) ? decided : [decided as E];
    if (newEvents.length === 0) {
      const position = lastPosition ?? 0n;
      return { newEvents, newState: state, position, nextExpectedRevision: revision, repeated: false };
    }
    const result = await appendInParts(
      stream,
      command,
      newEvents.map((e, i) => newEventOf(registry, e, i, context)),
      revision ?? 'no_stream',
      progress,
    );
    const newState = newEvents.reduce(decider.evolve, state);
    states.recorded(decider, stream, folded, {
      state: newState,
      revision: result.nextExpectedRevision,
      position: result.position,
      commandId: context.commandId,
    });
    return {
      newEvents,
      newState,
      position: result.position,
      nextExpectedRevision: result.nextExpectedRevision,
      repeated: false,
    };
  };

  const retrying = async (
    stream: string,
    command: C,
    context: CommandContext,
    expected: ExpectedRevision | undefined,
  ): Promise<HandleResult<State, E>> => {
    const progress: Progress = { appended: false };
    for (let tries = 1; ; tries++) {
      try {
        return await attempt(stream, command, context, expected, progress);
      } catch (error) {
        // The stream moved on in a way this fold did not see: whatever comes next starts from the store.
        if (error instanceof ConcurrencyError) states.forget(decider, stream);
        // Once a part is recorded, deciding again would find it and answer the command as repeated.
        if (
          !(error instanceof ConcurrencyError) ||
          expected !== undefined ||
          progress.appended ||
          tries >= retry.attempts
        )
          throw error;
        const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** tries);
        await pause(realTime, random() * ceiling);
      }
    }
  };

  return (
    stream: string,
    command: C,
    context: CommandContext,
    handleOptions: HandleOptions = {},
  ): Promise<HandleResult<State, E>> =>
    queue.run(stream, () => retrying(stream, command, context, handleOptions.expectedRevision));
};

/** The handler of one decider, writing with `writer`. */
export const handlerOf = <State, C extends Command, E extends Event>(
  writer: CommandWriter,
  decider: Decider<State, C, E>,
) => commandHandler({ store: writer.eventStore, registry: writer.registry, decider, realTime: writer.realTime });
