import { formDecider } from '../../domain/form/decider.ts';
import { formStream } from '../../domain/form/events.ts';
import type { CreateForm } from '../../domain/form/commands.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler } from '../handleCommand.ts';

/** Creates a form on its own stream; answers the position written. */
export const createForm = (deps: { eventStore: EventStore; registry: EventRegistry }) => {
  const handle = commandHandler({ store: deps.eventStore, registry: deps.registry, decider: formDecider });
  return (data: CreateForm['data'], context: CommandContext) => handle(formStream(data.formId), { type: 'CreateForm', data }, context);
};
