import * as t from 'io-ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { CallOutcome } from '../campaign/draft.ts';
import { FiniteNumber, TimeZone, WholeNumber } from '../values.ts';

/** Which contact of which campaign; every enrollment event names both so read models can key by them. */
const contact = { campaignId: t.string, contactId: t.string };

/** The opening of the calling window a call was placed in (UTC instants). */
export const WindowOpening = t.partial({ opensAt: t.string, closesAt: t.string });

/** How many calls could go out when this one did, and why. */
export const CapacityRecord = t.type({
  limit: t.union([FiniteNumber, t.null]),
  inFlight: FiniteNumber,
  lines: FiniteNumber,
  rate: FiniteNumber,
  pacing: t.union([FiniteNumber, t.null]),
  available: FiniteNumber,
});
export type CapacityRecord = t.TypeOf<typeof CapacityRecord>;

/** The inputs of a dispatch decision, kept for auditors: when, where the contact is, which window, which capacity. */
export const DispatchDecision = t.type({
  localTime: t.string,
  timezone: TimeZone,
  window: WindowOpening,
  capacity: CapacityRecord,
});
export type DispatchDecision = t.TypeOf<typeof DispatchDecision>;

export const enrollmentEvents = {
  /** Appended before the carrier is asked, with the stream's expected revision: one attempt is requested once. */
  CallRequested: t.type({
    ...contact,
    callId: t.string,
    attempt: WholeNumber,
    run: WholeNumber,
    to: t.string,
    requestedAt: t.string,
    decision: DispatchDecision,
  }),
  CallAttemptEnded: t.type({
    ...contact,
    callId: t.string,
    attempt: WholeNumber,
    run: WholeNumber,
    outcome: CallOutcome,
    endedAt: t.string,
  }),
  /** A request the carrier never heard of (a crash before dialling): closed without counting as an attempt. */
  CallRequestReleased: t.type({ ...contact, callId: t.string, attempt: WholeNumber, reason: t.string, at: t.string }),
  /** `localTime`: the contact's own time when a closed calling window moved the call, for auditors and logs. */
  NextAttemptScheduled: t.intersection([
    t.type({ ...contact, at: t.string, reason: t.string }),
    t.partial({ run: WholeNumber, localTime: t.string }),
  ]),
  /** Calls held back for a reason the contact or the law gives (an opt-out, no window at all), until outreach resumes. */
  CallsWithheld: t.type({ ...contact, reason: t.string, at: t.string }),
  /** Mark Completed, an import of external ids (`external_id_import`), or a complete form (`form_complete`). */
  ContactMarkedCompleted: t.intersection([t.type({ ...contact, at: t.string }), t.partial({ reason: t.string })]),
  ContactCompletedAllCalls: t.intersection([t.type({ ...contact, at: t.string }), t.partial({ reason: t.string })]),
  ContactOutreachResumed: t.intersection([t.type({ ...contact, at: t.string }), t.partial({ reason: t.string })]),
  /** Due now by an external invocation (`invocationId` names it on the campaign stream), its call counted in `run`. */
  ContactInvoked: t.type({ ...contact, invocationId: t.string, at: t.string, run: WholeNumber }),
};

/** The reason a contact completed because the agent answered every field its form asks for. */
export const FORM_COMPLETE = 'form_complete';

export type EnrollmentEvent = EventsOf<typeof enrollmentEvents>;

export const enrollmentEventDefinitions = eventDefinitions(enrollmentEvents);

export const enrollmentStream = (campaignId: string, contactId: string): string =>
  `enrollment-${campaignId}.${contactId}`;
