import { maskSecretsAndContacts, maskDigits } from './redaction.ts';

/**
 * A request URL as it may be logged. Query values are where callers put what they search for and,
 * by mistake, their keys: only parameters known to hold no one's details (statuses, pages, positions,
 * our own ids) keep their values, and even there a run of seven or more digits keeps only its last two;
 * every other value is `[redacted]`. Path segments are decoded and masked like any logged text, and
 * one that is neither a lower-case word or id (as routes and ids are) nor masked so (a name, `jane.roe`) is `[redacted]` too.
 */

const kept = new Set([
  'status',
  'limit',
  'after',
  'before',
  'minPosition',
  'asOf',
  'format',
  'callId',
  'messageId',
  'direction',
  'outcome',
  'channel',
  'since',
  'until',
  'sort',
  'order',
  'type',
  'from',
  'to',
  'timezone',
  'contactId',
  'source',
  'taskStatus',
  'appStatus',
]);
// Positions are long numbers that name no one.
const positional = new Set(['minPosition', 'asOf']);
const longDigitRun = /\d{7,}/g;

/** Decoded until it no longer changes (a few rounds), so `%252B1312...` cannot hide a number. */
const decoded = (text: string, rounds = 3): string => {
  try {
    const once = decodeURIComponent(text);
    return once === text || rounds === 1 ? once : decoded(once, rounds - 1);
  } catch {
    return text;
  }
};

/** Percent-encoded as a URL needs, but `[redacted]` and `j***@example.com` stay readable. */
const encoded = (text: string): string =>
  encodeURIComponent(text).replaceAll('%5B', '[').replaceAll('%5D', ']').replaceAll('%40', '@');

const plainSegment = /^[a-z0-9_-]*$|^[a-z]+\.json$/;

// A segment of digits alone, long enough to be a phone number in any country's spelling.
const digitsAlone = /^[\d\s().+-]*\d{3}[\d\s().+-]*\d{4}$/;

const loggedSegment = (segment: string): string => {
  const text = decoded(segment);
  const masked = digitsAlone.test(text) ? maskDigits(text) : maskSecretsAndContacts(text);
  return encoded(masked !== text || plainSegment.test(text) ? masked : '[redacted]');
};

const formDecoded = (text: string): string => decoded(text.replaceAll('+', ' '));

const loggedValue = (name: string, value: string): string => {
  if (!kept.has(name)) return '[redacted]';
  const masked = maskSecretsAndContacts(value);
  return positional.has(name) ? masked : masked.replace(longDigitRun, maskDigits);
};

/** The request's path and query as a log line may hold them. */
export const loggedUrl = (url: string): string => {
  const at = url.indexOf('?');
  const path = (at < 0 ? url : url.slice(0, at)).split('/').map(loggedSegment).join('/');
  if (at < 0) return path;
  const query = url
    .slice(at + 1)
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [rawName = '', ...rest] = pair.split('=');
      const name = formDecoded(rawName);
      const value = rest.length > 0 ? `=${encoded(loggedValue(name, formDecoded(rest.join('='))))}` : '';
      return `${encoded(maskSecretsAndContacts(name))}${value}`;
    });
  return `${path}?${query.join('&')}`;
};
