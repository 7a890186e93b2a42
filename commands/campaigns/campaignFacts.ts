import { agentDecider } from '../../domain/agent/decider.ts';
import { agentStream } from '../../domain/agent/events.ts';
import type { CampaignSettings } from '../../domain/company/events.ts';
import { loadCompany } from '../company/loadCompany.ts';
import { formDecider, type FormState } from '../../domain/form/decider.ts';
import { taskFieldsOf } from '../../domain/form/answerRules.ts';
import { formStream } from '../../domain/form/events.ts';
import type { AgentFacts, FormFacts } from '../../domain/campaign/launchValidation.ts';
import { aggregateStream } from '../aggregateStream.ts';
import type { EventStore } from '../eventStore.ts';

/**
 * Facts a campaign takes from other streams, read from the streams themselves (the source of truth)
 * and only when every event belongs to the caller's company: another company's entity is absent.
 */
export const readAgentFacts = async (
  eventStore: EventStore,
  agentId: string,
  companyId: string,
): Promise<AgentFacts | undefined> => {
  const { state: agent } = await aggregateStream(eventStore, agentDecider, agentStream(agentId), { companyId });
  if (agent.status !== 'created') return undefined;
  return { agentId: agent.agentId, ...(agent.formId !== undefined ? { formId: agent.formId } : {}) };
};

/** The company's form as its stream tells it; another company's form is absent. */
export const readForm = async (eventStore: EventStore, formId: string, companyId: string): Promise<FormState> => {
  return (await aggregateStream(eventStore, formDecider, formStream(formId), { companyId })).state;
};

export const readFormFacts = async (
  eventStore: EventStore,
  formId: string,
  companyId: string,
): Promise<FormFacts | undefined> => {
  const form = await readForm(eventStore, formId, companyId);
  if (form.status !== 'created') return undefined;
  return {
    formId: form.formId,
    caseType: form.caseType,
    fieldKeys: form.fields.map((field) => field.key),
    taskFields: taskFieldsOf(form.fields),
  };
};

/** The company's campaign defaults: its own once set, the engine's defaults (as GET /v1/settings shows) before. */
export const readCompanySettings = async (
  eventStore: EventStore,
  companyId: string,
): Promise<CampaignSettings | undefined> => (await readCompanyFacts(eventStore, companyId))?.settings;

/** The company's campaign defaults and its postal address (none until set), from one read of its stream. */
export const readCompanyFacts = async (
  eventStore: EventStore,
  companyId: string,
): Promise<{ settings: CampaignSettings; postalAddress?: string } | undefined> => {
  const company = await loadCompany(eventStore, companyId);
  if (company.status === 'None') return undefined;
  return {
    settings: company.campaignSettings,
    ...(company.postalAddress !== undefined ? { postalAddress: company.postalAddress } : {}),
  };
};
