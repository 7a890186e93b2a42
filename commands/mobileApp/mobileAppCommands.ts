import { readStreamOf } from '../aggregateStream.ts';
import { IllegalStateError, NotFoundError } from '../../domain/errors.ts';
import { mobileAppDecider } from '../../domain/mobileApp/decider.ts';
import {
  mobileAppStream,
  type InAppDirection,
  type MobileAppEvent,
  type MobileAppStatus,
} from '../../domain/mobileApp/events.ts';
import { CAMPAIGN_CONTACTS, campaignContactId } from '../../projections/campaignContacts/campaignContactDocument.ts';
import { companyScope } from '../../projections/companyScope.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { campaignRoster } from '../campaignContacts/campaignRoster.ts';
import type { CommandContext } from '../commandContext.ts';
import { handlerOf, type CommandWriter } from '../handleCommand.ts';
import { named } from '../../domain/namedValue.ts';
import { enrolls } from '../../domain/campaign/campaignContacts.ts';

export type InAppMessage = Extract<MobileAppEvent, { type: 'InAppMessageRecorded' }>['data'];

/**
 * The client's mobile app reports in-app messages and its own status for one campaign contact. The
 * contact must be one the campaign enrolled (read from the campaign's stream); a completed campaign
 * still hears from the app, since clients write when they like.
 */
export const mobileAppCommands = (deps: CommandWriter & { readonly readStore: ReadStore }) => {
  const handle = handlerOf(deps, mobileAppDecider);

  const requireContact = async (campaignId: string, contactId: string, companyId: string): Promise<void> => {
    // The contacts list holds every enrolled contact: one read, not the campaign's whole stream, per app message.
    if (await companyScope(deps.readStore, companyId).get(CAMPAIGN_CONTACTS, campaignContactId(campaignId, contactId)))
      return;
    // Not there yet (the list may lag the launch by a moment), or not at all: the campaign's stream says which.
    const { state, roster } = await campaignRoster(deps.eventStore, campaignId);
    if (state.status === 'NONE' || state.status === 'DELETED' || state.companyId !== companyId)
      throw new NotFoundError('CAMPAIGN.NOT_FOUND', `No campaign ${named(campaignId)}.`);
    if (state.status === 'DRAFT')
      throw new IllegalStateError(
        'CAMPAIGN.NOT_LAUNCHED',
        'The campaign is a draft: it has no contacts until it launches.',
      );
    if (!enrolls(roster, contactId))
      throw new NotFoundError('CAMPAIGN_CONTACT.NOT_FOUND', `${named(contactId)} is not a contact of this campaign.`, [
        { path: 'contactId', message: 'not a contact of this campaign' },
      ]);
  };

  /** The message this command recorded, also when an earlier try of it had (a retry after a crash). */
  const recorded = async (
    stream: string,
    events: readonly MobileAppEvent[],
    commandId: string,
  ): Promise<InAppMessage> => {
    const fresh = events.find((e) => e.type === 'InAppMessageRecorded');
    if (fresh) return fresh.data as InAppMessage;
    for await (const event of readStreamOf<MobileAppEvent>(deps.eventStore, stream))
      if (event.metadata.commandId === commandId && event.type === 'InAppMessageRecorded') return event.data;
    throw new Error(`no in-app message of command ${commandId} on ${stream}`);
  };

  return {
    recordMessage: async (
      input: {
        campaignId: string;
        contactId: string;
        messageId: string;
        direction: InAppDirection;
        body: string;
        at?: string;
      },
      context: CommandContext,
    ): Promise<{ message: InAppMessage; position: bigint }> => {
      await requireContact(input.campaignId, input.contactId, context.companyId);
      const stream = mobileAppStream(input.campaignId, input.contactId);
      const result = await handle(
        stream,
        { type: 'RecordInAppMessage', data: { ...input, now: context.now.toISOString() } },
        context,
      );
      return { message: await recorded(stream, result.newEvents, context.commandId), position: result.position };
    },
    reportStatus: async (
      input: { campaignId: string; contactId: string; status: MobileAppStatus },
      context: CommandContext,
    ) => {
      await requireContact(input.campaignId, input.contactId, context.companyId);
      const result = await handle(
        mobileAppStream(input.campaignId, input.contactId),
        { type: 'ReportMobileAppStatus', data: { ...input, now: context.now.toISOString() } },
        context,
      );
      return {
        status: input.status,
        changed: result.newEvents.length > 0 || result.repeated,
        position: result.position,
      };
    },
  };
};
