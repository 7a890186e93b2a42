import { IllegalStateError } from '../errors.ts';
import type { Case } from '../list/events.ts';
import { named } from '../namedValue.ts';
import { campaignWorkflows } from '../workflow/plan.ts';
import type { ContinueEnrolment } from './commands.ts';
import { enrolmentBatchSize, type CampaignEvent, type EnrolledContact } from './events.ts';
import type { Campaign } from './state.ts';

/** One case's contacts as enrolled contacts, in the case's order. */
export const enrolledContactsOf = (found: Case): EnrolledContact[] =>
  found.contacts.map((contact) => ({
    caseId: found.caseId,
    contactId: contact.contactId,
    externalId: found.externalId,
    phone: contact.phone,
    timezone: contact.timezone,
    timezoneSource: contact.timezoneSource,
    name: contact.name,
    ...(contact.email !== undefined ? { email: contact.email } : {}),
    ...(contact.state !== undefined ? { state: contact.state } : {}),
    ...(contact.mobileAppStatus !== undefined ? { mobileAppStatus: contact.mobileAppStatus } : {}),
    ...(contact.areaCodeTimezones !== undefined ? { areaCodeTimezones: contact.areaCodeTimezones } : {}),
  }));

/** Which contacts of the frozen list the next batch enrols (from the `from`-th, up to `count` of them), or undefined when all are enrolled. */
export const nextEnrolment = (campaign: Campaign): { from: number; count: number } | undefined => {
  const frozen = campaign.launch?.list;
  if (!frozen || campaign.enrolledContacts >= frozen.contactCount) return undefined;
  const from = campaign.enrolledContacts;
  return { from, count: Math.min(enrolmentBatchSize, frozen.contactCount - from) };
};

/** Whether the campaign has any message step, which each batch tells the message planner. */
const hasMessageSteps = (settings: Campaign['draft']): boolean =>
  campaignWorkflows({
    workflows: settings.workflows ?? [],
    ...(settings.voicemail ? { voicemail: settings.voicemail } : {}),
  }).some(({ workflow }) => workflow.steps.length > 0);

const mismatch = (message: string) => new IllegalStateError('CAMPAIGN.ENROLMENT_LIST_MISMATCH', message);

/**
 * The next batch of the frozen list, numbered on from the batches recorded and naming the task fields
 * the launch froze. Only the batch `nextEnrolment` asks for is taken, so each contact is enrolled once
 * and in the list's order, however often and by whomever enrolment is carried on; nothing once all are.
 */
export const enrolBatch = (campaign: Campaign, data: ContinueEnrolment['data']): CampaignEvent[] => {
  const frozen = campaign.launch!.list;
  const next = nextEnrolment(campaign);
  if (!next) return [];
  if (data.listId !== frozen.listId || data.listRevision !== frozen.listRevision)
    throw mismatch(
      `Enrolment continues from list ${named(frozen.listId)} at revision ${frozen.listRevision}, not ${named(data.listId)} at revision ${data.listRevision}.`,
    );
  // A batch may hold fewer than asked (one too large for an append is enrolled in halves), never others.
  if (data.from !== next.from || data.contacts.length === 0 || data.contacts.length > next.count)
    throw mismatch(
      `The next batch enrols up to ${next.count} contacts from the ${next.from}th of the ${frozen.contactCount} the launch froze, not ${data.contacts.length} from the ${data.from}th.`,
    );
  const taskFields = campaign.launch!.taskFields;
  return [
    {
      type: 'ContactsEnrolled',
      data: {
        campaignId: campaign.campaignId,
        batch: campaign.enrolledBatches,
        contacts: [...data.contacts],
        messages: hasMessageSteps(campaign.draft),
        // Each batch names the form's task fields, so read models judge a contact's task from its own enrolment.
        ...(taskFields ? { taskFields: [...taskFields] } : {}),
      },
    },
  ];
};
