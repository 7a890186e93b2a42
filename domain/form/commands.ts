import type { Command } from '../decider.ts';
import type { FormField } from './events.ts';

/** Create a form: the answers an agent collects for one case type. The id is chosen by the caller. */
export type CreateForm = Command<
  'CreateForm',
  { formId: string; name: string; caseType: string; fields: readonly FormField[] }
>;

export type FormCommand = CreateForm;
