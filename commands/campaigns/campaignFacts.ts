import { agentDecider } from '../../domain/agent/decider.ts';
import { agentStream, type AgentEvent } from '../../domain/agent/events.ts';
import type { CampaignSettings } from '../../domain/company/events.ts';
import { loadCompany } from '../company/loadCompany.ts';
import { formDecider, type FormState } from '../../domain/form/decider.ts';
import { taskFieldsOf } from '../../domain/form/answerRules.ts';
import { formStream, type FormEvent } from '../../domain/form/events.ts';
import type { AgentFacts, FormFacts } from '../../domain/campaign/launchValidation.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { EventStore } from '../eventStore.ts';

/**
 * Facts a campaign takes from other streams, read from the streams themselves (the source of truth)
 * and only when every event belongs to the caller's company: another company's entity is absent.
 */
const ownEvents = async (eventStore: EventStore, stream: string, companyId: string): Promise<RecordedEvent[] | undefined> => {
  const events: RecordedEvent[] = [];
  for await (const event of eventStore.readStream(stream)) {
    if (event.metadata.companyId !== companyId) return undefined;
    events.push(event);
  }
  return events;
};

export const readAgentFacts = async (eventStore: EventStore, agentId: string, companyId: string): Promise<AgentFacts | undefined> => {
  const events = await ownEvents(eventStore, agentStream(agentId), companyId);
  const agent = (events ?? []).reduce((state, event) => agentDecider.evolve(state, event as unknown as AgentEvent), agentDecider.initialState());
  if (agent.status !== 'created') return undefined;
  return { agentId: agent.agentId, ...(agent.formId !== undefined ? { formId: agent.formId } : {}) };
};

/** The company's form as its stream tells it; another company's form is absent. */
export const readForm = async (eventStore: EventStore, formId: string, companyId: string): Promise<FormState> => {
  const events = await ownEvents(eventStore, formStream(formId), companyId);
  return (events ?? []).reduce((state, event) => formDecider.evolve(state, event as unknown as FormEvent), formDecider.initialState());
};

export const readFormFacts = async (eventStore: EventStore, formId: string, companyId: string): Promise<FormFacts | undefined> => {
  const form = await readForm(eventStore, formId, companyId);
  if (form.status !== 'created') return undefined;
  return { formId: form.formId, caseType: form.caseType, fieldKeys: form.fields.map((field) => field.key), taskFields: taskFieldsOf(form.fields) };
};

/** The company's campaign defaults: its own once set, the engine's defaults (as GET /v1/settings shows) before. */
export const readCompanySettings = async (eventStore: EventStore, companyId: string): Promise<CampaignSettings | undefined> =>
  (await readCompanyFacts(eventStore, companyId))?.settings;

/** The company's campaign defaults and its postal address (none until set), from one read of its stream. */
export const readCompanyFacts = async (eventStore: EventStore, companyId: string): Promise<{ settings: CampaignSettings; postalAddress?: string } | undefined> => {
  const company = await loadCompany(eventStore, companyId);
  if (company.status === 'None') return undefined;
  return { settings: company.campaignSettings, ...(company.postalAddress !== undefined ? { postalAddress: company.postalAddress } : {}) };
};
