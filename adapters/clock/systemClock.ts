import { v7 } from 'uuid';

/** The wall clock, for the composition root; domain code receives time, it never reads it. */
export const systemClock = (): Date => new Date();

/** Entity ids are UUIDv7: time-ordered, so the indexes that hold them grow at one edge. */
export const newEntityId = (): string => v7();
