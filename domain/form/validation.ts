import type { ErrorDetail } from '../errors.ts';
import type { FormField } from './events.ts';

/** Bounds that keep a form something a voice agent can walk through in one call. */
export const MAX_FIELDS = 100;
export const MAX_OPTIONS = 100;

/** Agents report answers by key, so a key must be a plain identifier. */
const KEY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

const fieldProblems = (field: FormField, index: number, earlierKeys: ReadonlySet<string>): ErrorDetail[] => {
  const at = (name: string) => `fields.${index}.${name}`;
  const problems: ErrorDetail[] = [];
  if (!KEY.test(field.key))
    problems.push({ path: at('key'), message: 'expected 1 to 64 letters, digits, _ or -, starting with a letter' });
  else if (earlierKeys.has(field.key.toLowerCase()))
    problems.push({ path: at('key'), message: `the key "${field.key}" is used by another field of this form` });
  const options = field.options ?? [];
  if (field.type === 'choice') {
    if (options.length === 0)
      problems.push({ path: at('options'), message: 'a choice field needs at least one option' });
    if (options.length > MAX_OPTIONS) problems.push({ path: at('options'), message: `at most ${MAX_OPTIONS} options` });
    if (new Set(options.map((o) => o.trim().toLowerCase())).size !== options.length)
      problems.push({ path: at('options'), message: 'options must differ from each other' });
  } else if (options.length > 0) {
    problems.push({ path: at('options'), message: `only choice fields take options, this one is ${field.type}` });
  }
  return problems;
};

/** Every problem of a form's fields at once, each named by its path in the request. */
export const formFieldProblems = (fields: readonly FormField[]): ErrorDetail[] => {
  if (fields.length === 0) return [{ path: 'fields', message: 'a form needs at least one field' }];
  if (fields.length > MAX_FIELDS) return [{ path: 'fields', message: `a form has at most ${MAX_FIELDS} fields` }];
  const keys = new Set<string>();
  return fields.flatMap((field, index) => {
    const problems = fieldProblems(field, index, keys);
    keys.add(field.key.toLowerCase());
    return problems;
  });
};
