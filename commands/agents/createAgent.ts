import { agentDecider } from '../../domain/agent/decider.ts';
import { agentStream } from '../../domain/agent/events.ts';
import type { CreateAgent } from '../../domain/agent/commands.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';
import { formOfCompany } from '../forms/formOfCompany.ts';

export type AgentSettings = Omit<CreateAgent['data'], 'form'> & { readonly formId?: string };

/** Creates an agent, looking its linked form up in the caller's company first. */
export const createAgent = (deps: CommandWriter) => {
  const handle = handlerOf(deps, agentDecider);
  const findForm = formOfCompany(deps.eventStore);
  return async ({ formId, ...settings }: AgentSettings, context: CommandContext) => {
    const form =
      formId === undefined ? undefined : { formId, found: (await findForm(formId, context.companyId)) !== undefined };
    const data: CreateAgent['data'] = { ...settings, ...(form ? { form } : {}) };
    return handle(agentStream(settings.agentId), { type: 'CreateAgent', data }, context);
  };
};
