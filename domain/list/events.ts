import * as t from 'io-ts';
import { CaseType, E164, Email, NonEmptyString, TimeZone } from '../values.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/** Where a contact's time zone came from, kept so an auditor can see why a call was placed when it was. */
export const TimezoneSource = t.keyof({ contact: null, state: null, area_code: null, company: null });
export type TimezoneSource = t.TypeOf<typeof TimezoneSource>;

export const Contact = t.intersection([
  t.type({
    contactId: t.string,
    name: NonEmptyString,
    phone: E164,
    timezone: TimeZone,
    timezoneSource: TimezoneSource,
  }),
  t.partial({
    email: Email,
    /** Two-letter US state (or territory) code of the contact's address. */
    state: t.string,
    mobileAppStatus: t.string,
    /**
     * Every zone the phone's prefix may be in (when the numbering plan knows), whatever zone was chosen:
     * calling windows can then hold in all of them when the address and the number disagree.
     */
    areaCodeTimezones: t.array(TimeZone),
  }),
]);
export type Contact = t.TypeOf<typeof Contact>;

export const Case = t.type({
  caseId: t.string,
  externalId: NonEmptyString,
  caseType: CaseType,
  contacts: t.array(Contact),
});
export type Case = t.TypeOf<typeof Case>;

export const listEvents = {
  /** The owning company is part of the fact, so the list's own decider refuses other companies' commands. */
  ListCreated: t.type({ listId: t.string, companyId: t.string, name: NonEmptyString, caseType: CaseType }),
  /** Cases are added in batches (an import, an API call); rows that were refused are not here. */
  CasesAdded: t.type({ listId: t.string, cases: t.array(Case) }),
};

export type ListEvent = EventsOf<typeof listEvents>;

export const listEventDefinitions = eventDefinitions(listEvents);

export const listStream = (listId: string): string => `list-${listId}`;
