import type { Draft } from '../../domain/campaign/draft.ts';
import type { LaunchFacts } from '../../domain/campaign/launchValidation.ts';
import type { EventStore } from '../eventStore.ts';
import { readAgentFacts, readCompanyFacts, readFormFacts } from './campaignFacts.ts';
import { readListFacts } from './listFacts.ts';
import { draftTemplateProblems } from './draftTemplates.ts';
import { reportFilterProblems } from '../../projections/reports/reportQuery.ts';
import { reportNamed } from '../../projections/reports/reports.ts';
import { HttpUrl } from '../../domain/values.ts';
import { webhookUrlProblems } from '../webhooks/webhookAddresses.ts';
import type { LocalHours } from '../../domain/outreach/callingHoursRules.ts';

/** Saved filters a report schedule's report does not take; a report not yet offered is judged when it runs. */
const scheduleFilterProblems = (draft: Draft) =>
  (draft.reportSchedules ?? []).flatMap((schedule, i) => {
    const report = reportNamed(schedule.report);
    return report
      ? reportFilterProblems(report, schedule.filters ?? {}).map((p) => ({
          path: `reportSchedules.${i}.filters.${p.path}`,
          message: p.message,
        }))
      : [];
  });

/** The webhook URL's address problems; a URL that is not http(s) at all is named by launch validation itself. */
const webhookAddressProblems = (draft: Draft, allowPrivate: boolean) => {
  const url = draft.externalInvocation?.enabled ? draft.externalInvocation.webhookUrl : undefined;
  return url !== undefined && HttpUrl.is(url)
    ? webhookUrlProblems('externalInvocation.webhookUrl', url, allowPrivate)
    : [];
};

/**
 * Everything launch validation needs besides the draft, each read from its own stream, in parallel;
 * `federalHours`, the federal calling window in force, comes from configuration.
 */
export const launchFacts = async (
  eventStore: EventStore,
  draft: Draft,
  companyId: string,
  options: { readonly federalHours: LocalHours; readonly allowPrivateWebhooks?: boolean },
): Promise<LaunchFacts> => {
  const [list, form, agent, company] = await Promise.all([
    draft.listId === undefined ? undefined : readListFacts(eventStore, draft.listId, companyId),
    draft.formId === undefined ? undefined : readFormFacts(eventStore, draft.formId, companyId),
    draft.agentId === undefined ? undefined : readAgentFacts(eventStore, draft.agentId, companyId),
    readCompanyFacts(eventStore, companyId),
  ]);
  const templates = draftTemplateProblems(draft);
  const reportFilters = scheduleFilterProblems(draft);
  const webhookUrl = webhookAddressProblems(draft, options.allowPrivateWebhooks === true);
  return {
    federalHours: options.federalHours,
    ...(list ? { list } : {}),
    ...(form ? { form } : {}),
    ...(agent ? { agent } : {}),
    ...(company ? { company: company.settings } : {}),
    ...(company?.postalAddress !== undefined ? { postalAddress: company.postalAddress } : {}),
    ...(templates.length > 0 ? { templates } : {}),
    ...(reportFilters.length > 0 ? { reportFilters } : {}),
    ...(webhookUrl.length > 0 ? { webhookUrl } : {}),
  };
};
