import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, ValidationError } from '../errors.ts';
import type { AgentCommand } from './commands.ts';
import type { AgentEvent } from './events.ts';
import { agentProblems } from './validation.ts';

export type AgentState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'created';
      readonly agentId: string;
      readonly name: string;
      readonly voice: string;
      readonly streamUrl: string;
      readonly callerNumber: string;
      /** A pre-built agent: campaigns that choose it get this form too. */
      readonly formId?: string;
    };

export const agentDecider: Decider<AgentState, AgentCommand, AgentEvent> = {
  initialState: () => ({ status: 'absent' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'CreateAgent': {
        if (state.status !== 'absent')
          throw new IllegalStateError('AGENT.ALREADY_EXISTS', `agent ${state.agentId} already exists`);
        const problems = agentProblems(command.data);
        if (problems.length > 0)
          throw new ValidationError('AGENT.INVALID', 'The agent settings are invalid.', problems);
        const { agentId, name, voice, streamUrl, callerNumber, form } = command.data;
        return {
          type: 'AgentCreated',
          data: { agentId, name, voice, streamUrl, callerNumber, ...(form ? { formId: form.formId } : {}) },
        };
      }
      default:
        return assertNever(command.type);
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'AgentCreated':
        return { status: 'created', ...event.data };
      default:
        return assertNever(event.type);
    }
  },
};
