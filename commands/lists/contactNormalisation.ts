import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { errorDetails } from '../../domain/codecs/describeErrors.ts';
import type { ErrorDetail } from '../../domain/errors.ts';
import { Email, NonEmptyString } from '../../domain/values.ts';
import { contactTimeZone } from '../../domain/list/contactTimeZone.ts';
import { usStateCode } from '../../domain/list/stateTimeZones.ts';
import { readTimeZone } from '../../domain/list/timeZoneNames.ts';
import type { Contact } from '../../domain/list/events.ts';
import { normalisePhone } from './phoneNumbers.ts';

/** A contact as clients send it: a phone in any common format, a state by code or name, a zone by IANA or US name. */
export const ContactInput = t.intersection([
  t.type({ name: NonEmptyString, phone: NonEmptyString }),
  t.partial({ email: Email, timezone: NonEmptyString, state: NonEmptyString, mobileAppStatus: NonEmptyString }),
]);
export type ContactInput = t.TypeOf<typeof ContactInput>;

/** What normalising needs from outside: the company's zone for the last fallback, and new ids. */
export type NormalisationDeps = { readonly companyZone: string; readonly newId: () => string };

export type Normalised<A> =
  { readonly ok: true; readonly value: A } | { readonly ok: false; readonly problems: readonly ErrorDetail[] };

/** Strings trimmed; blank strings and nulls dropped, as spreadsheets and JSON clients send both for "none". */
export const withoutBlanks = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return typeof value === 'string' ? value.trim() : value;
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field: unknown = (value as Record<string, unknown>)[key];
    const trimmed = typeof field === 'string' ? field.trim() : field;
    if (trimmed === '' || trimmed === null) continue;
    // A "__proto__" key is kept as a field, never taken as the object's prototype.
    if (key === '__proto__')
      Object.defineProperty(kept, key, { value: trimmed, enumerable: true, writable: true, configurable: true });
    else kept[key] = trimmed;
  }
  return kept;
};

export const decoded = <C extends t.Mixed>(codec: C, value: unknown): Normalised<t.TypeOf<C>> => {
  const result = codec.decode(value);
  return isLeft(result) ? { ok: false, problems: errorDetails(result.left) } : { ok: true, value: result.right };
};

/** One contact in the form events keep: E.164 phone, state code, a zone and where it came from. */
export const normaliseContact = (input: ContactInput, deps: NormalisationDeps): Normalised<Contact> => {
  const phone = normalisePhone(input.phone);
  const state = input.state === undefined ? undefined : usStateCode(input.state);
  const timezone = input.timezone === undefined ? undefined : readTimeZone(input.timezone);
  const problems: ErrorDetail[] = [
    ...('problem' in phone ? [{ path: 'phone', message: phone.problem }] : []),
    ...(input.timezone !== undefined && timezone === undefined
      ? [
          {
            path: 'timezone',
            message: `'${input.timezone}' is not a time zone (an IANA zone such as America/Chicago, or Eastern, Central, Mountain, Pacific)`,
          },
        ]
      : []),
    ...(input.state !== undefined && state === undefined
      ? [{ path: 'state', message: `'${input.state}' is not a US state or territory` }]
      : []),
  ];
  if ('problem' in phone || problems.length > 0) return { ok: false, problems };
  const zone = contactTimeZone(
    { phone: phone.phone, ...(timezone ? { timezone } : {}), ...(state ? { state } : {}) },
    deps.companyZone,
  );
  return {
    ok: true,
    value: {
      contactId: deps.newId(),
      name: input.name,
      phone: phone.phone,
      timezone: zone.timezone,
      timezoneSource: zone.timezoneSource,
      ...(input.email ? { email: input.email } : {}),
      ...(state ? { state } : {}),
      ...(input.mobileAppStatus ? { mobileAppStatus: input.mobileAppStatus } : {}),
      ...(zone.areaCodeTimezones ? { areaCodeTimezones: [...zone.areaCodeTimezones] } : {}),
    },
  };
};

/** Problems as one line a person can read in an import report. */
export const reasonOf = (problems: readonly ErrorDetail[], prefix = ''): string =>
  problems.map((p) => `${prefix}${p.path === '(root)' ? '' : p.path}: ${p.message}`).join('; ');
