import type { CreateList } from '../../domain/list/commands.ts';
import { listDecider } from '../../domain/list/decider.ts';
import { listStream } from '../../domain/list/events.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';

/** Creates a list on its own stream; answers the position written. */
export const createList = (deps: CommandWriter) => {
  const handle = handlerOf(deps, listDecider);
  return (data: CreateList['data'], context: CommandContext) =>
    handle(listStream(data.listId), { type: 'CreateList', data }, context);
};
