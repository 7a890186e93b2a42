import type { AgentEvent } from '../../../domain/agent/events.ts';
import { agentsProjection } from '../../../projections/agents/agentsProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';

const spec = projectionSpecification(agentsProjection);
const agent = {
  name: 'Ava',
  voice: 'alloy',
  streamUrl: 'https://voice.example.com/stream',
  callerNumber: '+13125550199',
};
const created = (agentId: string, formId?: string): AgentEvent => ({
  type: 'AgentCreated',
  data: { agentId, ...agent, ...(formId ? { formId } : {}) },
});

describe('agents read model', () => {
  it('given no agent, when one is created with its form, then its document holds its voice, number, form and creation time', () =>
    spec
      .given([])
      .when([created('agent-1', 'form-1')])
      .then({
        agents: [
          { _id: 'agent-1', companyId: 'company-1', ...agent, formId: 'form-1', createdAt: '2026-03-02T15:00:00.000Z' },
        ],
      }));

  it('given an agent, when another is created without a form, then both are listed and the second names no form', () =>
    spec
      .given([created('agent-1', 'form-1')])
      .when([{ ...created('agent-2'), metadata: { occurredAt: '2026-03-04T09:00:00.000Z' } }])
      .then({
        agents: [
          { _id: 'agent-1', companyId: 'company-1', ...agent, formId: 'form-1', createdAt: '2026-03-02T15:00:00.000Z' },
          { _id: 'agent-2', companyId: 'company-1', ...agent, createdAt: '2026-03-04T09:00:00.000Z' },
        ],
      }));
});
