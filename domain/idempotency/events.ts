import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { WholeNumber } from '../values.ts';

/** One Idempotency-Key of one company: the request it was first used with, and the answer it got. */
export const idempotencyEvents = {
  IdempotentRequestStarted: t.type({ method: t.string, path: t.string, requestHash: t.string }),
  IdempotentResponseRecorded: t.type({ status: WholeNumber, contentType: t.string, body: t.string }),
  /** The first attempt failed on the server's side, so the key may be used again. */
  IdempotentRequestReleased: t.type({ status: WholeNumber }),
};

export type IdempotencyEvent = EventsOf<typeof idempotencyEvents>;

export const idempotencyEventDefinitions = eventDefinitions(idempotencyEvents);

export type IdempotencyState =
  | { readonly status: 'unused' }
  | { readonly status: 'in_progress'; readonly requestHash: string; readonly startedAt: string }
  | {
      readonly status: 'answered';
      readonly requestHash: string;
      readonly answer: { status: number; contentType: string; body: string };
    };

/** Folds a key's stream; `occurredAt` comes from each event's metadata. */
export const evolveIdempotency = (
  state: IdempotencyState,
  event: IdempotencyEvent,
  occurredAt: string,
): IdempotencyState => {
  switch (event.type) {
    case 'IdempotentRequestStarted':
      return { status: 'in_progress', requestHash: event.data.requestHash, startedAt: occurredAt };
    case 'IdempotentResponseRecorded':
      return state.status === 'in_progress'
        ? { status: 'answered', requestHash: state.requestHash, answer: event.data }
        : state;
    case 'IdempotentRequestReleased':
      return { status: 'unused' };
  }
};

export const idempotencyStream = (scope: string, keyHash: string): string => `idempotency-${scope}.${keyHash}`;
