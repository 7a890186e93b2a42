import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/** A channel an opt-out or opt-in covers; `all` is every channel the address can be reached on. */
export const ConsentChannel = t.keyof({ voice: null, sms: null, email: null, all: null });
export type ConsentChannel = t.TypeOf<typeof ConsentChannel>;

export const OptOutSource = t.keyof({
  sms_keyword: null,
  sms_free_text: null,
  agent_reported: null,
  email_unsubscribe: null,
  admin: null,
});
export type OptOutSource = t.TypeOf<typeof OptOutSource>;

export const OptInSource = t.keyof({ sms_keyword: null, admin: null });
export type OptInSource = t.TypeOf<typeof OptInSource>;

/** Where an opt-out or opt-in was heard, when known: for the opt-outs report and for auditors. */
export const ConsentContext = t.partial({
  campaignId: t.string,
  contactId: t.string,
  messageId: t.string,
  callId: t.string,
  keyword: t.string,
  /** The rule that read the message as a revocation and the words it found, e.g. `en.remove_me: remove me`. */
  matched: t.string,
  /** The start of the message that asked, never more than 160 characters. */
  excerpt: t.string,
  /** Our number the person texted, when the text reached no company at first and was honoured later. */
  sentTo: t.string,
});
export type ConsentContext = t.TypeOf<typeof ConsentContext>;

export const consentEvents = {
  ContactOptedOut: t.intersection([
    t.type({ companyId: t.string, address: t.string, channel: ConsentChannel, source: OptOutSource, at: t.string }),
    /** The word the confirmation asked for when the revocation was read from words, and until when it reopens texts. */
    t.partial({ optInAnswer: t.string, optInAnswerBy: t.string }),
    ConsentContext,
  ]),
  ContactOptedIn: t.intersection([
    t.type({ companyId: t.string, address: t.string, channel: ConsentChannel, source: OptInSource, at: t.string }),
    t.partial({ reopenedBy: t.string, reason: t.string }),
    ConsentContext,
  ]),
};

export type ConsentEvent = EventsOf<typeof consentEvents>;

export const consentEventDefinitions = eventDefinitions(consentEvents);

/** One phone number or email address of one company: the source of truth right before any dispatch. */
export const consentStream = (companyId: string, address: string): string => `consent-${companyId}.${address}`;
