import { systemScheduler } from '../../adapters/clock/scheduler.ts';

/** The system's clock, for tests whose timers need not be told when to run; a failing timer fails the run. */
export const realTime = systemScheduler((error) => {
  throw error;
});
