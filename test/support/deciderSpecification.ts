import { expect } from 'chai';
import type { Command, Decider } from '../../domain/decider.ts';
import type { Event } from '../../domain/events/event.ts';

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Decider tests read as specifications:
 * `spec.given([events]).when(command).then([events])` or `.thenThrows(ErrorClass, /message/)`.
 */
export const deciderSpecification = <State, C extends Command, E extends Event>(decider: Decider<State, C, E>) => ({
  given: (history: readonly E[]) => ({
    when: (command: C) => {
      const run = () => {
        const state = history.reduce(decider.evolve, decider.initialState());
        const decided = decider.decide(command, state);
        return Array.isArray(decided) ? (decided as readonly E[]) : [decided as E];
      };
      return {
        then: (expected: readonly E[]) => expect(run()).to.deep.equal(expected),
        thenState: (check: (state: State) => void) =>
          check([...history, ...run()].reduce(decider.evolve, decider.initialState())),
        thenThrows: (errorClass: ErrorClass, message?: RegExp, code?: string) => {
          let thrown: unknown;
          try {
            run();
          } catch (error) {
            thrown = error;
          }
          expect(thrown, 'the command should be refused').to.be.instanceOf(errorClass);
          if (message) expect((thrown as Error).message).to.match(message);
          if (code) expect((thrown as { code?: string }).code).to.equal(code);
        },
      };
    },
  }),
});
