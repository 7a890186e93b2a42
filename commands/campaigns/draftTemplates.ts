import type { Draft } from '../../domain/campaign/draft.ts';
import type { ErrorDetail } from '../../domain/errors.ts';
import { templateProblems } from '../messages/messageTemplates.ts';

/** Every message template of a draft checked before launch, each problem at the template's path. */
export const draftTemplateProblems = (draft: Draft): ErrorDetail[] => {
  const templates: [string, string | undefined][] = [
    ...(draft.workflows ?? []).flatMap((workflow, w) =>
      workflow.steps.flatMap((step, s): [string, string | undefined][] => [
        [`workflows.${w}.steps.${s}.body`, step.body],
        [`workflows.${w}.steps.${s}.subject`, step.subject],
      ]),
    ),
    ['voicemail.message', draft.voicemail?.message],
  ];
  return templates.flatMap(([path, template]) =>
    template === undefined ? [] : templateProblems(template).map((message) => ({ path, message })),
  );
};
