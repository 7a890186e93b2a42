import { DateTime } from 'luxon';
import { ValidationError, type ErrorDetail } from '../errors.ts';
import { E164, Email, EXAMPLE_PHONE } from '../values.ts';
import type { FormField } from './events.ts';
import { named } from '../namedValue.ts';

/** One answer as the agent reports it; `null` clears the field. */
export type FormAnswer = string | number | boolean | null;
export type FormAnswers = Readonly<Record<string, FormAnswer>>;

type Judged = { readonly value: FormAnswer } | { readonly problem: string };

/** A number may come as text: JSON cannot carry an integer past 2^53 (an account number) as a number. */
const NUMERAL = /^-?\d+(\.\d+)?$/;
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The answer as the form keeps it (a choice in the option's own spelling), or what is wrong with it. */
const judged = (field: FormField, value: FormAnswer): Judged => {
  if (value === null) return { value };
  const blank =
    typeof value === 'string' && value.trim() === ''
      ? { problem: 'an empty answer; send `null` to clear the field' }
      : undefined;
  switch (field.type) {
    case 'text':
      return blank ?? (typeof value === 'string' ? { value } : { problem: `expected text, got ${typeof value}` });
    case 'number':
      if (typeof value === 'number') return { value };
      return typeof value === 'string' && NUMERAL.test(value.trim())
        ? { value: value.trim() }
        : { problem: 'expected a number (or its digits as text)' };
    case 'boolean':
      return typeof value === 'boolean' ? { value } : { problem: `expected true or false, got ${typeof value}` };
    case 'date':
      return typeof value === 'string' && CALENDAR_DATE.test(value) && DateTime.fromISO(value, { zone: 'utc' }).isValid
        ? { value }
        : { problem: 'expected a calendar date YYYY-MM-DD' };
    case 'phone':
      return (
        blank ??
        (typeof value === 'string' && E164.is(value)
          ? { value }
          : { problem: `expected a phone number in E.164 form (${EXAMPLE_PHONE})` })
      );
    case 'email':
      return (
        blank ??
        (typeof value === 'string' && Email.is(value.trim())
          ? { value: value.trim() }
          : { problem: 'expected an email address' })
      );
    case 'choice': {
      const wanted = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
      const option = (field.options ?? []).find((o) => o.trim().toLowerCase() === wanted);
      return option !== undefined
        ? { value: option }
        : { problem: `expected one of ${(field.options ?? []).join(', ')}` };
    }
  }
};

const unknownField = (fields: readonly FormField[], key: string): string => {
  const near = fields.find((field) => field.key.toLowerCase() === key.toLowerCase());
  return `the form has no field ${named(key, 'key')}${near ? ` (did you mean ${near.key}?)` : ''}`;
};

/** Each answer judged by its field: those that fit as the form keeps them, and what is wrong with the rest, by path. */
const sortedAnswers = (
  fields: readonly FormField[],
  answers: FormAnswers,
): { kept: FormAnswers; problems: ErrorDetail[] } => {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const problems: ErrorDetail[] = [];
  const kept: Record<string, FormAnswer> = {};
  for (const [key, value] of Object.entries(answers)) {
    const field = byKey.get(key);
    const verdict = field ? judged(field, value) : { problem: unknownField(fields, key) };
    if ('problem' in verdict) problems.push({ path: `answers.${key}`, message: verdict.problem });
    else kept[key] = verdict.value;
  }
  return { kept, problems };
};

/**
 * The answers as the form keeps them, each judged by its field's type; every answer that does not
 * fit (an unknown field, a value of the wrong type) is refused at once, each named by its path.
 */
export const checkedAnswers = (fields: readonly FormField[], answers: FormAnswers): FormAnswers => {
  const { kept, problems } = sortedAnswers(fields, answers);
  if (problems.length > 0)
    throw new ValidationError(
      'FORM.ANSWERS_DO_NOT_FIT',
      `${problems.length} answer(s) do not fit the campaign's form.`,
      problems,
    );
  return kept;
};

/** The answers that fit the form, as it keeps them; the rest left out rather than refused. */
export const fittingAnswers = (fields: readonly FormField[], answers: FormAnswers): FormAnswers =>
  sortedAnswers(fields, answers).kept;

/** The fields a complete form has answered: the required ones, or every field when none is required. */
export const taskFieldsOf = (fields: readonly FormField[]): string[] => {
  const required = fields.filter((field) => field.required);
  return (required.length > 0 ? required : fields).map((field) => field.key);
};

/** True when every task field holds an answer (a cleared one does not count). */
export const formComplete = (taskFields: readonly string[], answers: FormAnswers): boolean =>
  taskFields.length > 0 && taskFields.every((key) => answers[key] !== undefined && answers[key] !== null);
