/**
 * A value the caller gave, as a message names it: a plain word or id as it is, anything else quoted,
 * and an empty one in words (`with an empty id`), so no message reads with a gap or empty quotes where it was.
 */
export const named = (value: string, what: 'id' | 'key' | 'name' = 'id'): string =>
  value === '' ? `with an empty ${what}` : /^[\w.:@+-]{1,100}$/.test(value) ? value : JSON.stringify(value.slice(0, 100));
