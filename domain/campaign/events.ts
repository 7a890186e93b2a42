import * as t from 'io-ts';
import { CaseType, NonEmptyString, TimeSlot, TimeZone, WholeNumber } from '../values.ts';
import { TimezoneSource } from '../list/events.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';
import { BuilderStep, Draft, DraftChanges } from './draft.ts';
import { draftSavedV1toV2 } from './draftSavedUpcast.ts';

/** What the launch froze of the list: which list, at which revision of its stream, how much of it. */
export const ListSnapshot = t.type({
  listId: t.string,
  caseType: CaseType,
  /** The list stream's revision the membership was read at, so an auditor can replay exactly it. */
  listRevision: WholeNumber,
  caseCount: WholeNumber,
  contactCount: WholeNumber,
});
export type ListSnapshot = t.TypeOf<typeof ListSnapshot>;

/** The company's business hours as they were at launch; schedule-based inbound routing follows them. */
export const CompanyHoursSnapshot = t.type({ timezone: TimeZone, businessHours: t.array(TimeSlot) });

/** One contact of the frozen list, enrolled in the campaign: all the dispatcher needs to reach them. */
export const EnrolledContact = t.intersection([
  t.type({
    caseId: t.string,
    contactId: t.string,
    externalId: t.string,
    phone: t.string,
    timezone: TimeZone,
    timezoneSource: TimezoneSource,
  }),
  // The zones the phone's area code may be in: calls go only where they and the contact's zone agree.
  t.partial({
    name: t.string,
    email: t.string,
    state: t.string,
    mobileAppStatus: t.string,
    areaCodeTimezones: t.array(TimeZone),
  }),
]);
export type EnrolledContact = t.TypeOf<typeof EnrolledContact>;

const campaignId = { campaignId: t.string };
const lifecycle = t.intersection([t.type({ campaignId: t.string, at: t.string }), t.partial({ reason: t.string })]);

export const campaignEvents = {
  /** A draft exists as soon as it has a name; the company is kept so no other company can reach it. */
  CampaignDraftStarted: t.type({
    campaignId: t.string,
    companyId: t.string,
    name: NonEmptyString,
    createdAt: t.string,
  }),
  /** An autosave: only the parts that changed; `null` cleared a part. */
  CampaignDraftSaved: t.intersection([
    t.type({ campaignId: t.string, changes: DraftChanges }),
    // The agent whose linked form was taken into the draft along with it.
    t.partial({ formLinkedFromAgent: t.string }),
  ]),
  CampaignStepChanged: t.type({ campaignId: t.string, step: BuilderStep }),
  /**
   * Every setting as launched (the schedule resolved to slots), with the list membership frozen.
   * `taskFields`: the form's task fields at launch, so enrolment carried on after the launch names the same.
   */
  CampaignLaunched: t.intersection([
    t.type({ campaignId: t.string, launchedAt: t.string, name: NonEmptyString, settings: Draft, list: ListSnapshot }),
    t.partial({ companyHours: CompanyHoursSnapshot, taskFields: t.array(t.string) }),
  ]),
  /**
   * Enrolment of the frozen list, in batches of up to a thousand contacts numbered from 0, in the list's
   * order: appended with the launch, and, when the launch was recorded in parts, by ContinueEnrolment.
   */
  ContactsEnrolled: t.intersection([
    t.type({ campaignId: t.string, batch: WholeNumber, contacts: t.array(EnrolledContact) }),
    // False when the campaign has no message step at all, so nothing prepares to message these contacts.
    // `taskFields`: the form fields the agent must fill for a contact's task to be complete, frozen at launch.
    t.partial({ messages: t.boolean, taskFields: t.array(t.string) }),
  ]),
  CampaignPaused: lifecycle,
  CampaignResumed: lifecycle,
  CampaignCompleted: lifecycle,
  CampaignDeleted: t.type({ ...campaignId, at: t.string }),
  /**
   * An external system started outreach now: who, when, whom it named (neither list: every contact) and
   * how many contacts that was. Each contact's stream then records `ContactInvoked` with the same id.
   */
  CampaignInvoked: t.intersection([
    t.type({ ...campaignId, invocationId: t.string, at: t.string, invokedBy: t.string, contacts: WholeNumber }),
    t.partial({ contactIds: t.array(t.string), externalIds: t.array(t.string) }),
  ]),
};

export type CampaignEvent = EventsOf<typeof campaignEvents>;
export type CampaignEventType = CampaignEvent['type'];

export const campaignEventDefinitions = eventDefinitions(campaignEvents, {
  CampaignDraftSaved: { schemaVersion: 2, upcasters: { 1: draftSavedV1toV2 } },
});

export const campaignStream = (id: string): string => `campaign-${id}`;

/** Contacts per ContactsEnrolled event: large enough to keep launches quick, small enough for one row. */
export const enrolmentBatchSize = 1000;
