import { eventId } from '../../commands/eventIds.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { Event, NewEvent } from '../../domain/events/event.ts';

/** Events as a test seeds them straight into a stream: one command of `companyId`, at `at`, with the registry's schema versions. */
export const seededEvents = (events: readonly Event[], companyId: string, commandId: string, at: Date): NewEvent[] =>
  events.map((event, i) => ({
    id: eventId(commandId, i, at),
    type: event.type,
    data: engineRegistry.encode(event),
    metadata: {
      companyId,
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: 'test',
      occurredAt: at.toISOString(),
      schemaVersion: engineRegistry.schemaVersion(event.type),
    },
  }));
