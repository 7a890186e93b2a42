import { caseDecider } from '../../../domain/case/decider.ts';
import { caseStream } from '../../../domain/case/events.ts';
import { taskFieldsOf, type FormAnswers } from '../../../domain/form/answerRules.ts';
import type { ReadStore } from '../../../projections/readStore.ts';
import type { CommandContext } from '../../commandContext.ts';
import { handlerOf, type CommandWriter } from '../../handleCommand.ts';
import type { AgentReport } from '../agentReports.ts';
import { enrollmentHandler, type CallHandler } from '../enrollmentHandler.ts';
import type { CallOwner } from './callOwner.ts';
import { formAnswerFacts } from './formAnswerFacts.ts';

export type FormAnswerRecorderDeps = CommandWriter & { readonly readStore: ReadStore; readonly calls: CallHandler };

type Report = Extract<AgentReport, { kind: 'form_answers' }>;

/**
 * The agent's answers: judged against the campaign's form and recorded on the call (nothing at all
 * when one does not fit), then written through the campaign's field mappings onto the case, then,
 * when the campaign says so and the form is complete, the contact completed. Each step decides
 * from its own stream, so a repeated report mends a step a crash left undone and repeats none.
 */
export const formAnswerRecorder = (deps: FormAnswerRecorderDeps) => {
  const facts = formAnswerFacts(deps.eventStore, deps.readStore);
  const cases = handlerOf(deps, caseDecider);
  const enrollments = enrollmentHandler(deps);

  return async (call: CallOwner, report: Report, contextOf: (what: string) => CommandContext): Promise<void> => {
    const { callId, campaignId, contactId, companyId } = call;
    const at = report.reportedAt;
    const settings = await facts.settingsOf(campaignId, companyId);
    const form = settings.form;
    const recorded = await deps.calls(
      {
        type: 'RecordFormAnswers',
        data: { callId, campaignId, contactId, at, answers: report.answers, ...(form ? { form: form.fields } : {}) },
      },
      contextOf('answers'),
    );
    if (!form) return;
    // The answers as the call keeps them (a choice in its option's spelling), for the fields this report named.
    const held = recorded.newState.answers;
    const taken: FormAnswers = Object.fromEntries(
      Object.keys(report.answers)
        .filter((key) => Object.hasOwn(held, key))
        .map((key) => [key, held[key]!]),
    );
    const caseId =
      settings.mappings.length > 0 && settings.listId !== undefined
        ? await facts.caseIdOf(campaignId, contactId, companyId)
        : undefined;
    if (caseId !== undefined && settings.listId !== undefined) {
      const source = { campaignId, callId, formId: form.formId, contactId };
      await cases(
        caseStream(settings.listId, caseId),
        {
          type: 'ApplyFormAnswers',
          data: { listId: settings.listId, caseId, answers: taken, mappings: settings.mappings, source, at },
        },
        contextOf('case-fields'),
      );
    }
    if (settings.completeOnFormComplete) {
      const answers = await facts.contactAnswers(campaignId, contactId, callId);
      await enrollments(
        {
          type: 'CompleteOnCompleteForm',
          data: { campaignId, contactId, at, taskFields: taskFieldsOf(form.fields), answers },
        },
        contextOf('form-complete'),
      );
    }
  };
};

export type FormAnswerRecorder = ReturnType<typeof formAnswerRecorder>;
