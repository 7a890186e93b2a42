import type { Draft } from '../../domain/campaign/draft.ts';
import type { LaunchFacts } from '../../domain/campaign/launchValidation.ts';
import type { EventStore } from '../eventStore.ts';
import { readAgentFacts, readCompanyFacts, readFormFacts } from './campaignFacts.ts';
import { readListFacts } from './listFacts.ts';
import { draftTemplateProblems } from './draftTemplates.ts';

/** Everything launch validation needs besides the draft, each read from its own stream, in parallel. */
export const launchFacts = async (eventStore: EventStore, draft: Draft, companyId: string): Promise<LaunchFacts> => {
  const [list, form, agent, company] = await Promise.all([
    draft.listId === undefined ? undefined : readListFacts(eventStore, draft.listId, companyId),
    draft.formId === undefined ? undefined : readFormFacts(eventStore, draft.formId, companyId),
    draft.agentId === undefined ? undefined : readAgentFacts(eventStore, draft.agentId, companyId),
    readCompanyFacts(eventStore, companyId),
  ]);
  const templates = draftTemplateProblems(draft);
  return {
    ...(list ? { list } : {}),
    ...(form ? { form } : {}),
    ...(agent ? { agent } : {}),
    ...(company ? { company: company.settings } : {}),
    ...(company?.postalAddress !== undefined ? { postalAddress: company.postalAddress } : {}),
    ...(templates.length > 0 ? { templates } : {}),
  };
};
