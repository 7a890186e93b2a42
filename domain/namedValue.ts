/**
 * A value the caller gave, as a message names it: a plain word or id as it is, anything else quoted,
 * and an empty one in words (`with an empty id`), so no message reads with a gap or empty quotes where it was.
 */
/** Words a reader would take for a value that went missing on the way into the message, rather than the caller's own. */
const readsAsNoValue = /^(undefined|null|NaN)$/;

export const named = (value: string, what: 'id' | 'key' | 'name' = 'id'): string =>
  value === ''
    ? `with an empty ${what}`
    : /^[\w.:@+-]{1,100}$/.test(value) && !readsAsNoValue.test(value)
      ? value
      : JSON.stringify(value.slice(0, 100));
