import * as t from 'io-ts';
import { CaseType, NonEmptyString } from '../../domain/values.ts';
import { FormFieldType } from '../../domain/form/events.ts';

/** One question of a form; unknown properties are dropped. */
const FormFieldRequest = t.exact(
  t.intersection([
    t.type({ key: NonEmptyString, label: NonEmptyString, type: FormFieldType, required: t.boolean }),
    t.partial({ options: t.array(NonEmptyString), description: t.string }),
  ]),
);

/** `POST /v1/forms`; the rules between fields (unique keys, options on choices) are the decider's. */
export const CreateFormRequest = t.exact(
  t.type({ name: NonEmptyString, caseType: CaseType, fields: t.array(FormFieldRequest) }),
);

export const FormsQuery = t.partial({ caseType: CaseType });

const fieldSchema = {
  type: 'object',
  required: ['key', 'label', 'type', 'required'],
  properties: {
    key: { type: 'string', description: 'unique within the form: a letter, then letters, digits, _ or - (64 at most)' },
    label: { type: 'string' },
    type: { enum: Object.keys(FormFieldType.keys) },
    required: { type: 'boolean' },
    options: {
      type: 'array',
      items: { type: 'string' },
      description: 'choice fields only: one or more distinct options',
    },
    description: { type: 'string' },
  },
};

export const formSchema = {
  type: 'object',
  required: ['id', 'companyId', 'name', 'caseType', 'fields', 'createdAt'],
  properties: {
    id: { type: 'string' },
    companyId: { type: 'string' },
    name: { type: 'string' },
    caseType: { type: 'string' },
    fields: { type: 'array', items: fieldSchema },
    createdAt: { type: 'string', format: 'date-time' },
  },
};
