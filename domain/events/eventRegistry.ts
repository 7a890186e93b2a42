import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { EventDecodingError } from '../errors.ts';
import { EventMetadataCodec, type Event, type RecordedEvent, type StoredEvent } from './event.ts';
import { describeErrors } from '../codecs/describeErrors.ts';

/** Turns the data of an older schema version into the next version's shape. */
export type Upcaster = (data: unknown) => unknown;

export type EventDefinition = {
  readonly type: string;
  readonly codec: t.Mixed;
  /** The version new events are written with; older stored versions are upcast step by step. */
  readonly schemaVersion: number;
  /** upcasters[v] turns version v into version v + 1. */
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
};

/** Every event type the engine knows, with its codec; decoding never guesses. */
export type EventRegistry = {
  readonly types: ReadonlySet<string>;
  schemaVersion(type: string): number;
  encode(event: Event): unknown;
  decode(stored: StoredEvent): RecordedEvent;
};

export const eventRegistry = (definitions: readonly EventDefinition[]): EventRegistry => {
  const byType = new Map(definitions.map((d) => [d.type, d]));
  if (byType.size !== definitions.length) throw new Error('event types must be registered once each');

  const definition = (type: string): EventDefinition => {
    const found = byType.get(type);
    if (!found) throw new Error(`unknown event type ${type}`);
    return found;
  };

  return {
    types: new Set(byType.keys()),
    schemaVersion: (type) => definition(type).schemaVersion,
    encode: (event) => definition(event.type).codec.encode(event.data),
    decode: (stored) => {
      const fail = (reason: string) => new EventDecodingError(stored.stream, stored.revision, stored.type, reason);
      const found = byType.get(stored.type);
      if (!found) throw fail('unknown event type');
      const metadata = EventMetadataCodec.decode(stored.metadata);
      if (isLeft(metadata)) throw fail(`metadata ${describeErrors(metadata.left)}`);
      let data = stored.data;
      for (let v = metadata.right.schemaVersion; v < found.schemaVersion; v++) {
        const upcast = found.upcasters?.[v];
        if (!upcast) throw fail(`no upcaster from schema version ${v}`);
        data = upcast(data);
      }
      if (metadata.right.schemaVersion > found.schemaVersion)
        throw fail(`schema version ${metadata.right.schemaVersion} is newer than this engine's ${found.schemaVersion}`);
      const decoded = found.codec.decode(data);
      if (isLeft(decoded)) throw fail(describeErrors(decoded.left));
      return {
        id: stored.id,
        stream: stored.stream,
        revision: stored.revision,
        position: stored.position,
        type: stored.type,
        data: decoded.right,
        metadata: metadata.right,
      };
    },
  };
};
