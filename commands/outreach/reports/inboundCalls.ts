import { readStreamOf } from '../../aggregateStream.ts';
import { callStream, type CallEvent } from '../../../domain/call/events.ts';
import { inboundRoute, notInServiceRoute, type InboundRoute } from '../../../domain/call/inboundRoute.ts';
import type { Routing } from '../../../domain/campaign/draft.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import type { TimeSlot } from '../../../domain/values.ts';
import { agentStreamUrl } from '../../../projections/agents/agentStreamUrl.ts';
import { CAMPAIGNS } from '../../../projections/campaigns/campaignDocument.ts';
import { collection } from '../../../projections/collection.ts';
import type { Doc, ReadStore } from '../../../projections/readStore.ts';
import type { EventStore } from '../../eventStore.ts';
import type { CallHandler } from '../enrollmentHandler.ts';
import { inboundCallIdOf } from './inboundCallId.ts';
import type { InboundSenderOf } from './inboundSender.ts';
import { campaignContactByPhone, campaignOwningNumber, numberCompaniesOf } from './numberCampaign.ts';
import { named } from '../../../domain/namedValue.ts';

/** An inbound call as the carrier announces it. */
export type InboundCallRequest = {
  readonly carrierCallId: string;
  readonly from: string;
  readonly to: string;
  readonly receivedAt: Date;
};

/** What the caller is answered with: the route taken, and for the AI the agent's stream and our ids. */
export type InboundAnswer = {
  readonly callId: string;
  readonly route: InboundRoute;
  readonly campaignId?: string;
  readonly contactId?: string;
  readonly streamUrl?: string;
};

type Received = Extract<CallEvent, { type: 'InboundCallReceived' }>['data'];
type Caller = Pick<Received, 'callerMatch' | 'campaignId' | 'contactId'> & { readonly companyId?: string };
type CampaignDoc = Doc & {
  draft?: { agentId?: string; routing?: Routing };
  launch?: { companyHours?: { timezone: string; businessHours: TimeSlot[] } };
};

/** Where a company's hours are read when its campaign took none at launch. */
const DEFAULT_TIMEZONE = 'America/New_York';

export type InboundCallsDeps = {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly calls: CallHandler;
  readonly senderOf: InboundSenderOf;
};

/**
 * Inbound calls on record: who called (the campaign that last reached the caller, else a contact of
 * the campaign on the number called, else an unknown caller of the company owning the number), the
 * route taken and why, on the call's own stream, once per carrier call.
 */
export const inboundCalls = ({ eventStore, readStore, calls, senderOf }: InboundCallsDeps) => {
  const recorded = async (callId: string): Promise<{ received?: Received; companyId?: string }> => {
    for await (const event of readStreamOf<CallEvent>(eventStore, callStream(callId)))
      if (event.type === 'InboundCallReceived') return { received: event.data, companyId: event.metadata.companyId };
    return {};
  };

  const callerOf = async (from: string, to: string): Promise<Caller> => {
    const sender = await senderOf(to, from);
    if (sender?.campaignId)
      return {
        companyId: sender.companyId,
        callerMatch: 'last_outreach',
        campaignId: sender.campaignId,
        ...(sender.contactId ? { contactId: sender.contactId } : {}),
      };
    const owners = sender ? [sender.companyId] : await numberCompaniesOf(readStore, to);
    // A number several companies call from, none of which reached this caller, names no company.
    if (owners.length !== 1) return { callerMatch: 'unknown' };
    const companyId = owners[0]!;
    const campaignId = await campaignOwningNumber(readStore, companyId, to);
    if (!campaignId) return { companyId, callerMatch: 'unknown' };
    const contactId = await campaignContactByPhone(readStore, companyId, campaignId, from);
    return contactId
      ? { companyId, callerMatch: 'campaign_contact', campaignId, contactId }
      : { companyId, callerMatch: 'unknown', campaignId };
  };

  const campaignOf = async (campaignId: string | undefined) =>
    campaignId ? await collection<CampaignDoc>(readStore, CAMPAIGNS).get(campaignId) : null;
  const streamUrlOf = (campaign: CampaignDoc | null) => agentStreamUrl(readStore, campaign?.draft?.agentId);

  const routeOf = (campaign: CampaignDoc | null, streamUrl: string | undefined, at: Date): InboundRoute => {
    if (!campaign) return notInServiceRoute('no_campaign');
    const hours = campaign.launch?.companyHours;
    return inboundRoute({
      routing: campaign.draft?.routing ?? { mode: 'ai_only' },
      businessHours: hours?.businessHours ?? [],
      timezone: hours?.timezone ?? DEFAULT_TIMEZONE,
      at: at.getTime(),
      agentHasStream: Boolean(streamUrl),
    });
  };

  const answerOf = (
    received: Pick<Received, 'callId' | 'route' | 'campaignId' | 'contactId'>,
    streamUrl: string | undefined,
  ): InboundAnswer => ({
    callId: received.callId,
    route: received.route,
    ...(received.campaignId ? { campaignId: received.campaignId } : {}),
    ...(received.contactId ? { contactId: received.contactId } : {}),
    ...(streamUrl ? { streamUrl } : {}),
  });

  return {
    /** Routes and records an inbound call; a repeated request is answered as the first was, recording nothing more. */
    receive: async (request: InboundCallRequest): Promise<InboundAnswer> => {
      const callId = inboundCallIdOf(request.carrierCallId);
      const earlier = (await recorded(callId)).received;
      if (earlier) return answerOf(earlier, await streamUrlOf(await campaignOf(earlier.campaignId)));
      const caller = await callerOf(request.from, request.to);
      const campaign = await campaignOf(caller.campaignId);
      const streamUrl = await streamUrlOf(campaign);
      const route = routeOf(campaign, streamUrl, request.receivedAt);
      const { companyId, ...found } = caller;
      const received: Received = {
        callId,
        carrierCallId: request.carrierCallId,
        from: request.from,
        to: request.to,
        receivedAt: request.receivedAt.toISOString(),
        ...found,
        route,
      };
      // A number no company owns has no one to keep the call for: it is answered and not recorded.
      if (companyId)
        await calls(
          { type: 'RecordInboundCall', data: received },
          { commandId: `inbound-call/${request.carrierCallId}`, companyId, actor: 'carrier', now: request.receivedAt },
        );
      return answerOf(received, streamUrl);
    },
    /** The company an inbound call is on record for, and the carrier call it is bound to, for its status reports. */
    ownerOf: async (callId: string): Promise<{ readonly companyId: string; readonly carrierCallId: string }> => {
      const { received, companyId } = await recorded(callId);
      if (!received || !companyId) throw new NotFoundError('CALL.NOT_FOUND', `No call ${named(callId)}.`);
      return { companyId, carrierCallId: received.carrierCallId };
    },
  };
};

export type InboundCalls = ReturnType<typeof inboundCalls>;
