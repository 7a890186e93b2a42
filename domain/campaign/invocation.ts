import { IllegalStateError } from '../errors.ts';
import { placesCalls } from './voiceRuns.ts';
import {
  contactsOfCase,
  enrolledInOrder,
  enrolls,
  holdsCase,
  unknownIds,
  unknownIdsRefusal,
  type Roster,
} from './campaignContacts.ts';
import type { InvokeCampaign } from './commands.ts';
import type { CampaignEvent } from './events.ts';
import type { Campaign } from './state.ts';

/** Whom an invocation names: contact ids, case external ids, or, with neither, every contact. */
export type InvocationTarget = { readonly contactIds?: readonly string[]; readonly externalIds?: readonly string[] };

/**
 * The contacts an invocation reaches, once each in the order named (enrolment order for all): an
 * external id names every contact of its case. Unknown ids refuse the whole invocation, each named.
 */
export const invokedContactIds = (roster: Roster, target: InvocationTarget): string[] => {
  const { contactIds, externalIds } = target;
  if (contactIds === undefined && externalIds === undefined) return enrolledInOrder(roster);
  const unknown = [
    ...unknownIds(contactIds ?? [], 'contactIds', (id) => enrolls(roster, id), 'a contact'),
    ...unknownIds(externalIds ?? [], 'externalIds', (id) => holdsCase(roster, id), 'a case external id'),
  ];
  if (unknown.length > 0) throw unknownIdsRefusal(unknown, 'no outreach was started');
  return [...new Set([...(contactIds ?? []), ...(externalIds ?? []).flatMap((id) => contactsOfCase(roster, id))])];
};

/**
 * An external system asks a launched campaign to reach its contacts now. Only a campaign launched with
 * external invocation on, that is ACTIVE and places calls, takes it, and only for contacts it enrolled.
 */
export const decideInvocation = (campaign: Campaign, data: InvokeCampaign['data']): CampaignEvent => {
  if (campaign.draft.externalInvocation?.enabled !== true)
    throw new IllegalStateError(
      'INVOCATION.DISABLED',
      'External invocation is not enabled for this campaign: it was launched without externalInvocation.enabled.',
      [{ path: 'externalInvocation.enabled', message: 'the campaign was launched with external invocation off' }],
    );
  if (campaign.status !== 'ACTIVE')
    throw new IllegalStateError(
      'INVOCATION.CAMPAIGN_NOT_ACTIVE',
      `The campaign is ${campaign.status}: only ACTIVE campaigns can be invoked.`,
    );
  // Invocation starts calls: a campaign that places none has nothing to start.
  if (!placesCalls(campaign.draft))
    throw new IllegalStateError(
      'INVOCATION.NO_CALLS',
      'The campaign places no calls (no run with the voice channel): invocation starts calls.',
      [{ path: 'runs', message: 'no run with the voice channel' }],
    );
  const contacts = invokedContactIds(data.roster, data);
  const { campaignId, invocationId, now, invokedBy, contactIds, externalIds } = data;
  return {
    type: 'CampaignInvoked',
    data: {
      campaignId,
      invocationId,
      at: now,
      invokedBy,
      contacts: contacts.length,
      ...(contactIds !== undefined ? { contactIds: [...contactIds] } : {}),
      ...(externalIds !== undefined ? { externalIds: [...externalIds] } : {}),
    },
  };
};
