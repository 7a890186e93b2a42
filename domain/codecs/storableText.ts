/** A NUL, or half of a surrogate pair with no other half: neither is valid text for SQLite, EventStoreDB, logs or UTF-8. */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const unstorable = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why a string cannot be stored as text, or undefined when it can. */
export const unstorableText = (text: string): string | undefined => {
  const found = unstorable.exec(text);
  if (!found) return undefined;
  return found[0] === '\u0000'
    ? `text with a NUL character at ${found.index}`
    : `text with an unpaired surrogate (\\u${found[0].charCodeAt(0).toString(16)}) at ${found.index}`;
};
