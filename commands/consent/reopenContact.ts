import { readStreamOf } from '../aggregateStream.ts';
import { campaignStream, type CampaignEvent, type EnrolledContact } from '../../domain/campaign/events.ts';
import { consentAddress } from '../../domain/consent/address.ts';
import { concreteChannels } from '../../domain/consent/decider.ts';
import type { ConsentChannel } from '../../domain/consent/events.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { CommandContext } from '../commandContext.ts';
import type { EventStore } from '../eventStore.ts';
import type { ConsentCommands } from './consentCommands.ts';
import { named } from '../../domain/namedValue.ts';

/** A contact as its campaign enrolled it, read from the campaign stream; another company's campaign is not found. */
export const enrolledContactOf = async (
  eventStore: EventStore,
  companyId: string,
  campaignId: string,
  contactId: string,
): Promise<EnrolledContact> => {
  let owned = false;
  for await (const event of readStreamOf<CampaignEvent>(eventStore, campaignStream(campaignId))) {
    if (event.type === 'CampaignDraftStarted') owned = event.data.companyId === companyId;
    if (!owned) break;
    if (event.type === 'ContactsEnrolled') {
      const contact = event.data.contacts.find((c) => c.contactId === contactId);
      if (contact) return contact;
    }
  }
  if (!owned) throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
  throw new NotFoundError('CONTACT.NOT_FOUND', `No contact ${named(contactId)} in campaign ${named(campaignId)}.`);
};

export type ReopenedAddress = { readonly address: string; readonly channel: string };

/**
 * Reopens outreach to every address of a campaign contact (phone, and email when it has one) for the
 * whole company, on every channel or on the one named, recording the context's actor as who and
 * `reason` as why. Addresses that were not opted out, or have no such channel, are left as they are.
 * The phone goes first: only it can be refused (texts within the reopening period), and a refusal
 * then leaves both addresses untouched.
 */
export const reopenContact =
  (eventStore: EventStore, commands: ConsentCommands) =>
  async (
    campaignId: string,
    contactId: string,
    reason: string,
    context: CommandContext,
    channel?: ConsentChannel,
  ): Promise<{ reopened: ReopenedAddress[]; position: bigint }> => {
    const contact = await enrolledContactOf(eventStore, context.companyId, campaignId, contactId);
    const addresses = [contact.phone, ...(contact.email ? [contact.email] : [])]
      .map((raw) => consentAddress(raw))
      .filter((address) => channel === undefined || concreteChannels(channel, address.kind).length > 0)
      .map((address) => address.value);
    const reopened: ReopenedAddress[] = [];
    let position = 0n;
    for (const address of addresses) {
      // One command per stream: a shared command id would give both streams the same event ids.
      const perAddress = { ...context, commandId: `${context.commandId}:${address}` };
      const result = await commands.reopen(
        { address, reason, ...(channel ? { channel } : {}), context: { campaignId, contactId } },
        perAddress,
      );
      if (result.position > position) position = result.position;
      for (const event of result.newEvents) reopened.push({ address, channel: event.data.channel });
    }
    return { reopened, position };
  };
