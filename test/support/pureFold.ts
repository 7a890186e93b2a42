import { expect } from 'chai';
import type { Decider } from '../../domain/decider.ts';
import type { Event } from '../../domain/events/event.ts';

/** A decider seen only through its evolve and initial state, whatever its commands. */
export type AnyDecider = Decider<unknown, never, Event>;

/** Freezes a state and everything it holds, so that writing to it throws (Maps and Sets are compared instead). */
const deepFrozen = <A>(value: A): A => {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of value instanceof Map ? value.values() : value instanceof Set ? value : Object.values(value))
      deepFrozen(member);
  }
  return value;
};

/** Folds events one at a time from `from`, checking that no step changes the state or event it was given. */
export const foldChecked = (decider: AnyDecider, from: unknown, events: readonly Event[]): unknown =>
  events.reduce((state, event) => {
    const stateBefore = structuredClone(state);
    const eventBefore = structuredClone(event);
    const next = decider.evolve(deepFrozen(state), deepFrozen(event));
    expect(state, `${event.type} changed the state it was given`).to.deep.equal(stateBefore);
    expect(event, `${event.type} changed its event`).to.deep.equal(eventBefore);
    return next;
  }, from);
