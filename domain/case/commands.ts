import type { Command } from '../decider.ts';
import type { CrmFieldMapping } from '../campaign/draft.ts';
import type { FormAnswers } from '../form/answerRules.ts';
import type { CaseFieldSource } from './events.ts';

/** Write a form answer's mapped fields onto the case; `at` is when the agent took the answer down. */
export type ApplyFormAnswers = Command<
  'ApplyFormAnswers',
  {
    listId: string;
    caseId: string;
    answers: FormAnswers;
    mappings: readonly CrmFieldMapping[];
    source: CaseFieldSource;
    at: string;
  }
>;

export type CaseCommand = ApplyFormAnswers;
