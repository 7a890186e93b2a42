import type { Event, NewEvent } from '../domain/events/event.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import type { CommandContext } from './commandContext.ts';
import { eventId } from './eventIds.ts';

/** The index-th event a command decided, encoded by its codec and stamped with who, why and when. */
export const newEventOf = (
  registry: EventRegistry,
  event: Event,
  index: number,
  context: CommandContext,
): NewEvent => ({
  id: eventId(context.commandId, index, context.now),
  type: event.type,
  data: registry.encode(event),
  metadata: {
    companyId: context.companyId,
    commandId: context.commandId,
    correlationId: context.correlationId ?? context.commandId,
    causationId: context.causationId ?? context.commandId,
    actor: context.actor,
    occurredAt: context.now.toISOString(),
    schemaVersion: registry.schemaVersion(event.type),
  },
});
