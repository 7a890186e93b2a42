import * as t from 'io-ts';
import { CaseType, NonEmptyString } from '../values.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

export const FormFieldType = t.keyof({
  text: null,
  number: null,
  date: null,
  boolean: null,
  choice: null,
  phone: null,
  email: null,
});

export const FormField = t.intersection([
  t.type({ key: NonEmptyString, label: NonEmptyString, type: FormFieldType, required: t.boolean }),
  t.partial({ options: t.array(NonEmptyString), description: t.string }),
]);
export type FormField = t.TypeOf<typeof FormField>;

export const formEvents = {
  FormCreated: t.type({ formId: t.string, name: NonEmptyString, caseType: CaseType, fields: t.array(FormField) }),
};

export type FormEvent = EventsOf<typeof formEvents>;

export const formEventDefinitions = eventDefinitions(formEvents);

export const formStream = (formId: string): string => `form-${formId}`;
