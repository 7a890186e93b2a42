import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, ValidationError } from '../errors.ts';
import type { FormCommand } from './commands.ts';
import type { FormEvent, FormField } from './events.ts';
import { formFieldProblems } from './validation.ts';

export type FormState =
  | { readonly status: 'absent' }
  | {
      readonly status: 'created';
      readonly formId: string;
      readonly name: string;
      readonly caseType: string;
      readonly fields: readonly FormField[];
    };

/** Options only mean something on choice fields; an empty list elsewhere is dropped rather than kept as noise. */
const tidy = (field: FormField): FormField => {
  if (field.type === 'choice' || field.options === undefined) return field;
  const { options: _dropped, ...rest } = field;
  return rest;
};

export const formDecider: Decider<FormState, FormCommand, FormEvent> = {
  initialState: () => ({ status: 'absent' }),

  decide: (command, state) => {
    switch (command.type) {
      case 'CreateForm': {
        if (state.status !== 'absent')
          throw new IllegalStateError('FORM.ALREADY_EXISTS', `form ${state.formId} already exists`);
        const problems = formFieldProblems(command.data.fields);
        if (problems.length > 0)
          throw new ValidationError('FORM.INVALID_FIELDS', 'The form fields are invalid.', problems);
        const { formId, name, caseType, fields } = command.data;
        return { type: 'FormCreated', data: { formId, name, caseType, fields: fields.map(tidy) } };
      }
      default:
        return assertNever(command.type);
    }
  },

  evolve: (state, event) => {
    switch (event.type) {
      case 'FormCreated':
        return { status: 'created', ...event.data };
      default:
        return assertNever(event.type);
    }
  },
};
