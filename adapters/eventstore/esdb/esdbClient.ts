import type { EventStoreDBClient } from '@eventstore/db-client';

/** The part of the client this adapter calls; tests hand in a fake of the same shape. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/** Ends a read early; a read whose connection already failed has nothing left to cancel. */
export const cancel = (read: {
  cancel(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): unknown;
}): Promise<void> => {
  // A late error from a read we have left must not become an unhandled 'error' event.
  read.on('error', () => undefined);
  return read.cancel().catch(() => undefined);
};
