import type { Event } from './events/event.ts';

/** A command as it reaches a decider: what to do, with the time it happens, passed in. */
export type Command<Type extends string = string, Data = unknown> = {
  readonly type: Type;
  readonly data: Data;
};

/**
 * The whole of a consistency boundary's behaviour: `decide` refuses or answers a command with
 * events, `evolve` folds events into state. Both are pure.
 */
export type Decider<State, C extends Command, E extends Event> = {
  decide(command: C, state: State): E | readonly E[];
  evolve(state: State, event: E): State;
  initialState(): State;
  /**
   * Whether the command's events may be recorded in consecutive appends when they are too large for
   * one: true only where every prefix of them, cut between events, is itself a state the decider
   * accepts and can carry on from. Unset: never.
   */
  divisible?(command: C): boolean;
};

/** Compile-time exhaustiveness for switches over discriminated unions. */
export const assertNever = (value: never): never => {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
};
