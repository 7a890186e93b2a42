import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/**
 * Where the company's mobile app stands with a client, as the app reports it: `not_invited`,
 * `invited` (a link to install it went out), `installed`, `uninstalled`.
 */
export const MobileAppStatus = t.keyof(
  { not_invited: null, invited: null, installed: null, uninstalled: null },
  'not_invited, invited, installed or uninstalled',
);
export type MobileAppStatus = t.TypeOf<typeof MobileAppStatus>;

/** `sent` by the company to the client, or `received` by the company from the client. */
export const InAppDirection = t.keyof({ sent: null, received: null }, 'sent or received');
export type InAppDirection = t.TypeOf<typeof InAppDirection>;

const contact = { campaignId: t.string, contactId: t.string };

export const mobileAppEvents = {
  /** A message of the in-app conversation, at the time the app says it was written; `recordedAt` is when the engine heard of it. */
  InAppMessageRecorded: t.type({
    ...contact,
    messageId: t.string,
    direction: InAppDirection,
    body: t.string,
    at: t.string,
    recordedAt: t.string,
  }),
  /** The app's status changed for this client. */
  MobileAppStatusChanged: t.type({ ...contact, status: MobileAppStatus, at: t.string }),
};

export type MobileAppEvent = EventsOf<typeof mobileAppEvents>;

export const mobileAppEventDefinitions = eventDefinitions(mobileAppEvents);

/**
 * One campaign contact's exchange through the company's mobile app. Not the enrollment stream, which
 * the dispatcher appends to at the revision it read (app traffic there would cost it attempts), nor
 * the conversation stream, which is keyed by a phone number an app message does not carry.
 */
export const mobileAppStream = (campaignId: string, contactId: string): string =>
  `mobileapp-${campaignId}.${contactId}`;
