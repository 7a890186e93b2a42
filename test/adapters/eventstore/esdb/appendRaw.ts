import { jsonEvent, type JSONType } from '@eventstore/db-client';
import type { EventStore } from '../../../../commands/eventStore.ts';
import type { EsdbEventStore } from '../../../../adapters/eventstore/esdb/esdbEventStore.ts';
import { eventId } from '../../../../commands/eventIds.ts';

/** Writes one event straight through the client, bypassing codecs, for the contract's bad-history cases. */
export const appendRaw = async (
  store: EventStore,
  stream: string,
  type: string,
  data: unknown,
  schemaVersion: number,
): Promise<void> => {
  const metadata = {
    companyId: 'company-1',
    commandId: stream,
    correlationId: stream,
    causationId: stream,
    actor: 'test',
    occurredAt: new Date().toISOString(),
    schemaVersion,
  };
  await (store as EsdbEventStore).client.appendToStream(
    stream,
    jsonEvent({ id: eventId(stream, 0, new Date()), type, data: data as JSONType, metadata }),
    { expectedRevision: 'no_stream' },
  );
};
