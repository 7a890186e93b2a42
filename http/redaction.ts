// Logs carry no client contact details and no bearer secrets, wherever they appear.

const email = /([A-Z0-9._%+-])[A-Z0-9._%+-]*(?:@|%40)([A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,})/gi;
// E.164, also percent-encoded as it appears in query strings.
const e164 = /(\+|%2B)[1-9]\d{5,12}(\d{2})(?!\d)/gi;
// A bare US number: ten digits, or eleven with the leading 1, plain or with the usual separators.
const usNumber = /(?<![\w+])(?:1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]?\d{3}[\s.-]?\d{4}(?!\w)/g;
// API keys (`oek_<company>_<key>_<secret>`) and unsubscribe tokens (`u1.<claims>.<signature>`) are bearer secrets.
const apiKey = /oek_[\w-]+/g;
const unsubscribeToken = /\bu1\.[\w-]+\.[\w-]+/g;

/** Every digit but the last two becomes `*`, separators stay: `(312) 555-0111` reads `(***) ***-**11`. */
export const maskDigits = (text: string): string => text.replace(/\d(?=(?:\D*\d){2})/g, '*');

/** Masks API keys, unsubscribe tokens, phone numbers and email addresses in any text. */
export const maskSecretsAndContacts = (text: string): string =>
  text
    .replace(apiKey, 'oek_[redacted]')
    .replace(unsubscribeToken, 'u1.[redacted]')
    .replace(email, (_match, first: string, domain: string) => `${first}***@${domain}`)
    .replace(
      e164,
      (match: string, plus: string, last: string) => `${plus}${'*'.repeat(match.length - plus.length - 2)}${last}`,
    )
    .replace(usNumber, maskDigits);

// Store positions grow past ten digits; under these keys a string of digits is a position, not a phone.
const positionKeys = new Set(['position', 'checkpoint', 'minPosition']);

/**
 * Masks every string inside plain objects and arrays; anything else (errors, requests, buffers)
 * is left to its serializer.
 */
export const maskDeep = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return maskSecretsAndContacts(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      positionKeys.has(key) && /^\d+$/.test(String(item)) ? item : maskDeep(item, depth + 1),
    ]),
  );
};
