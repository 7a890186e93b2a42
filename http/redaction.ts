// Logs carry no client contact details: phone numbers and email addresses are masked wherever they appear.

const email = /([A-Z0-9._%+-])[A-Z0-9._%+-]*(?:@|%40)([A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,})/gi;
// E.164, also percent-encoded as it appears in query strings.
const e164 = /(\+|%2B)[1-9]\d{5,12}(\d{2})(?!\d)/gi;

/** `+15551234567` becomes `+*********67`; `jane.doe@example.com` becomes `j***@example.com`. */
export const maskContactDetails = (text: string): string =>
  text
    .replace(email, (_match, first: string, domain: string) => `${first}***@${domain}`)
    .replace(e164, (match: string, plus: string, last: string) => `${plus}${'*'.repeat(match.length - plus.length - 2)}${last}`);

/**
 * Masks every string inside plain objects and arrays; anything else (errors, requests, buffers)
 * is left to its serializer.
 */
export const maskDeep = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return maskContactDetails(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, maskDeep(item, depth + 1)]));
};
