import type { Command, Decider } from '../domain/decider.ts';
import type { Event } from '../domain/events/event.ts';
import type { CommandContext } from './commandContext.ts';
import type { CommandWriter } from './handleCommand.ts';
import { newEventOf } from './newEventOf.ts';
import { streamQueueOf } from './streamQueue.ts';

/** A stream as its writer last knew it: the state folded, and the revision of the last event in it (undefined: no stream). */
export type KnownStream<State> = { readonly state: State; readonly revision: bigint | undefined };

/** The stream after a step, and how many events the step recorded (at `position`, when any). */
export type Stepped<State> = KnownStream<State> & { readonly recorded: number; readonly position?: bigint };

/**
 * Decides one command on a state the caller already holds (folded once, then moved on by its own
 * steps) and appends its events, encoded once, at that state's revision, in the stream's turn. A long
 * piece of work (a launch's enrolment) goes step by step without folding the stream again for each.
 * A ConcurrencyError means another writer moved the stream: the caller reads it again.
 */
export const stepHandler = <State, C extends Command, E extends Event>(
  writer: CommandWriter,
  decider: Decider<State, C, E>,
) => {
  const store = writer.eventStore;
  const queue = streamQueueOf(store);
  return (stream: string, known: KnownStream<State>, command: C, context: CommandContext): Promise<Stepped<State>> =>
    queue.run(stream, async () => {
      const decided = decider.decide(command, known.state);
      const events: readonly E[] = Array.isArray(decided) ? decided : [decided as E];
      if (events.length === 0) return { ...known, recorded: 0 };
      const appended = await store.append(
        stream,
        events.map((event, i) => newEventOf(writer.registry, event, i, context)),
        known.revision ?? 'no_stream',
      );
      return {
        state: events.reduce(decider.evolve, known.state),
        revision: appended.nextExpectedRevision,
        recorded: events.length,
        position: appended.position,
      };
    });
};
