import type { AgentReport } from '../../commands/outreach/agentReports.ts';
import type { CallOwnerFinder } from '../../commands/outreach/reports/callOwner.ts';
import type { FormAnswerSettings } from '../../commands/outreach/reports/formAnswerFacts.ts';
import { fittingAnswers } from '../../domain/form/answerRules.ts';

type Settings = (campaignId: string, companyId: string) => Promise<FormAnswerSettings>;

/**
 * The simulated voice agent as a real one given the campaign's form behaves: it says only what the
 * form asks, so its fixed answers never refuse a whole report on a form of other fields.
 */
export const formFittingAgent =
  (agent: (report: AgentReport) => Promise<void>, ownerOf: CallOwnerFinder, settingsOf: Settings) =>
  async (report: AgentReport): Promise<void> => {
    if (report.kind !== 'form_answers') return agent(report);
    const owner = await ownerOf(report.callId);
    const { form } = await settingsOf(owner.campaignId, owner.companyId);
    const answers = form ? fittingAnswers(form.fields, report.answers) : report.answers;
    if (Object.keys(answers).length === 0) return;
    return agent({ ...report, answers });
  };
