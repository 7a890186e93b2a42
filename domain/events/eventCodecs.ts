import type * as t from 'io-ts';
import type { EventDefinition } from './eventRegistry.ts';

/** A boundary's events as a map from event type to the codec of its data. */
export type EventCodecs = Record<string, t.Mixed>;

/** The union of `{type, data}` events a codec map describes. */
export type EventsOf<C extends EventCodecs> = { [K in keyof C & string]: { type: K; data: t.TypeOf<C[K]> } }[keyof C &
  string];

/** Registry definitions for a codec map, at schema version 1 unless an event says otherwise. */
export const eventDefinitions = (
  codecs: EventCodecs,
  overrides: Partial<Record<string, Omit<EventDefinition, 'type' | 'codec'>>> = {},
): EventDefinition[] =>
  Object.entries(codecs).map(([type, codec]) => ({ type, codec, schemaVersion: 1, ...overrides[type] }));
