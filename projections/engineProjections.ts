import type { Projection } from './projection.ts';

/** The read models the engine keeps; each one's runner follows the event store from its checkpoint. */
export const engineProjections: readonly Projection[] = [];
