import { formDecider } from '../../domain/form/decider.ts';
import { formStream } from '../../domain/form/events.ts';
import type { CreateForm } from '../../domain/form/commands.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';

/** Creates a form on its own stream; answers the position written. */
export const createForm = (deps: CommandWriter) => {
  const handle = handlerOf(deps, formDecider);
  return (data: CreateForm['data'], context: CommandContext) =>
    handle(formStream(data.formId), { type: 'CreateForm', data }, context);
};
