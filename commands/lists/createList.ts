import type { CreateList } from '../../domain/list/commands.ts';
import { listDecider } from '../../domain/list/decider.ts';
import { listStream } from '../../domain/list/events.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler } from '../handleCommand.ts';

/** Creates a list on its own stream; answers the position written. */
export const createList = (deps: { eventStore: EventStore; registry: EventRegistry }) => {
  const handle = commandHandler({ store: deps.eventStore, registry: deps.registry, decider: listDecider });
  return (data: CreateList['data'], context: CommandContext) => handle(listStream(data.listId), { type: 'CreateList', data }, context);
};
