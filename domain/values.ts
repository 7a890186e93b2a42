import * as t from 'io-ts';
import { DateTime, IANAZone } from 'luxon';

/** Value codecs shared by every boundary: each names what it expects when a value fails. */

/** A codec that narrows another: its base stays reachable, so a walk over a codec can see what it is built on. */
export type Refined<A> = t.Type<A, A, unknown> & { readonly _tag: 'Refined'; readonly base: t.Type<A, A, unknown> };

export const refined = <A>(name: string, base: t.Type<A, A, unknown>, holds: (a: A) => boolean): Refined<A> =>
  Object.assign(
    new t.Type<A, A, unknown>(
      name,
      (u): u is A => base.is(u) && holds(u),
      (u, c) => {
        const decoded = base.validate(u, c);
        if (decoded._tag === 'Left') return decoded;
        return holds(decoded.right) ? t.success(decoded.right) : t.failure(u, c, `expected ${name}`);
      },
      t.identity,
    ),
    { _tag: 'Refined' as const, base },
  );

/**
 * Every number the engine reads from a request or an event: JSON has no Infinity or NaN (`1e309`
 * parses to Infinity, and a stored Infinity comes back as null), and it cannot keep the sign of -0
 * (request bodies have -0 read as 0 before any codec sees them; io-ts would keep it, as -0 === 0).
 */
export const FiniteNumber: t.Type<number, number, unknown> & { readonly _tag: 'FiniteNumber' } = Object.assign(
  new t.Type<number, number, unknown>(
    'a finite number',
    (u): u is number => typeof u === 'number' && Number.isFinite(u) && !Object.is(u, -0),
    (u, c) => (typeof u === 'number' && Number.isFinite(u) && !Object.is(u, -0) ? t.success(u) : t.failure(u, c)),
    t.identity,
  ),
  { _tag: 'FiniteNumber' as const },
);

/** A count, revision or status: a whole number JSON carries exactly (within ±2^53 - 1). */
export const WholeNumber = refined('a whole number within ±9007199254740991', FiniteNumber, Number.isSafeInteger);

export const NonEmptyString = refined(
  'a non-empty string of at most 500 characters',
  t.string,
  (s) => s.trim().length > 0 && s.length <= 500,
);

/** Ids are UUIDv7 strings made by the engine; clients echo them back. */
export const Id = refined('an id', t.string, (s) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(s),
);

/**
 * The number messages show as an example: valid in the numbering plan (so it passes the engine's own
 * check) and in 555-0100..0199, the range reserved for fiction, so it reaches no one.
 */
export const EXAMPLE_PHONE = '+13125550100';

/** A phone number already normalised to E.164 (`+` and 8 to 15 digits). */
export const E164 = refined(`a phone number in E.164 form (${EXAMPLE_PHONE})`, t.string, (s) =>
  /^\+[1-9]\d{7,14}$/.test(s),
);

export const Email = refined(
  'an email address',
  t.string,
  (s) => s.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
);

export const HttpUrl = refined('an http(s) or ws(s) URL', t.string, (s) => {
  try {
    return ['http:', 'https:', 'ws:', 'wss:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
});

/** Checking a zone builds an Intl formatter (~0.2 ms); the few zones contacts share are remembered (bounded). */
const zoneChecks = new Map<string, boolean>();
const isZone = (s: string): boolean => {
  let valid = zoneChecks.get(s);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(s);
    if (zoneChecks.size < 10_000) zoneChecks.set(s, valid);
  }
  return valid;
};

export const TimeZone = refined('an IANA time zone such as America/Chicago', t.string, isZone);

/** A wall-clock time of day, `HH:mm`, 00:00 to 24:00. */
export const TimeOfDay = refined('a time of day HH:mm', t.string, (s) => /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/.test(s));

export const Weekday = t.keyof(
  { mon: null, tue: null, wed: null, thu: null, fri: null, sat: null, sun: null },
  'a weekday (mon..sun)',
);
export type Weekday = t.TypeOf<typeof Weekday>;

/** One business-hours slot: on these weekdays, from start to end (local time). */
export const TimeSlot = t.type({ days: t.array(Weekday), start: TimeOfDay, end: TimeOfDay });
export type TimeSlot = t.TypeOf<typeof TimeSlot>;

/** What a case is about (a matter type: "personal injury", "intake"); lists, cases and forms share it. */
export const CaseType = refined(
  'a case type (1 to 100 characters)',
  t.string,
  (s) => s.trim().length > 0 && s.length <= 100,
);

/** Minutes since midnight of an `HH:mm` time. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** An ISO-8601 instant with its offset (`Z` or `±hh:mm`), which every clock reads alike, on a day the calendar has. */
export const isIsoInstant = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(s) &&
  DateTime.fromISO(s, { setZone: true }).isValid;

export const IsoInstant = refined('an ISO-8601 time with offset (2026-03-02T15:04:05Z)', t.string, isIsoInstant);
