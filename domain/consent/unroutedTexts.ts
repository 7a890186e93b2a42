import * as t from 'io-ts';
import { assertNever, type Command, type Decider } from '../decider.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { InboundIntent } from '../conversation/events.ts';

/**
 * A text to one of our numbers that no company could be found for (no company uses the number
 * alone, and none that does had reached the sender). It is the person's own words, so it is kept;
 * a revocation among them binds every company that later reaches the sender and uses that number.
 */
const UnroutedText = t.type({
  from: t.string,
  to: t.string,
  body: t.string,
  carrierMessageId: t.string,
  receivedAt: t.string,
  intent: InboundIntent,
});
export type UnroutedText = t.TypeOf<typeof UnroutedText>;

export const unroutedTextEvents = { UnroutedTextReceived: UnroutedText };

export type UnroutedTextEvent = EventsOf<typeof unroutedTextEvents>;

export const unroutedTextEventDefinitions = eventDefinitions(unroutedTextEvents);

export type RecordUnroutedText = Command<'RecordUnroutedText', UnroutedText>;

/** Every unrouted text from one phone number, whatever number it was sent to: what a dispatch to that person reads first. */
export const unroutedTextStream = (from: string): string => `unrouted-${from}`;

/** The company id unrouted texts are recorded under: they belong to no company yet. */
export const UNROUTED_SCOPE = 'platform';

/** The intents a dispatch must honour: the person asked to stop. */
export const isRevocation = (intent: InboundIntent): boolean => intent === 'opt_out' || intent === 'opt_out_request';

export type UnroutedTextsState = { readonly texts: readonly UnroutedText[] };

const decide = (command: RecordUnroutedText, state: UnroutedTextsState): UnroutedTextEvent[] => {
  switch (command.type) {
    case 'RecordUnroutedText':
      // Carriers deliver an inbound text more than once.
      if (state.texts.some((text) => text.carrierMessageId === command.data.carrierMessageId)) return [];
      return [{ type: 'UnroutedTextReceived', data: command.data }];
    default:
      return assertNever(command.type);
  }
};

const evolve = (state: UnroutedTextsState, event: UnroutedTextEvent): UnroutedTextsState => {
  switch (event.type) {
    case 'UnroutedTextReceived':
      return { texts: [...state.texts, event.data] };
    default:
      return assertNever(event.type);
  }
};

/** One sender's texts that reached no company, each recorded once, in the order they came. */
export const unroutedTextsDecider: Decider<UnroutedTextsState, RecordUnroutedText, UnroutedTextEvent> = {
  decide,
  evolve,
  initialState: () => ({ texts: [] }),
};
