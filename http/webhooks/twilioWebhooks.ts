import type { Router } from 'express';
import twilio from 'twilio';
import type { OutreachReports } from '../../commands/outreach/outreachReports.ts';
import { inboundSenderOf } from '../../commands/outreach/reports/inboundSender.ts';
import type { TimeSlot } from '../../domain/values.ts';
import type { Routing } from '../../domain/campaign/draft.ts';
import { AGENTS } from '../../projections/agents/agentsProjection.ts';
import { CAMPAIGNS } from '../../projections/campaigns/campaignDocument.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { RouteRegistry } from '../routeRegistry.ts';
import { answeredCallTwiml } from './twilio/callTwiml.ts';
import { campaignVoicemail, type VoicemailCampaign } from './twilio/campaignVoicemail.ts';
import { inboundTwiml } from './twilio/inboundTwiml.ts';
import { twilioWebhooksRouter, type InboundCallRequest, type InstructionsRequest } from './twilio/twilioWebhooksRouter.ts';

export type TwilioWebhooksConfig = {
  readonly authToken: string;
  readonly publicUrl: string;
  readonly routes: RouteRegistry;
  readonly readStore: ReadStore;
  readonly clock?: () => Date;
  readonly voicemailGreeting?: string;
};

type CampaignDoc = VoicemailCampaign & {
  draft?: VoicemailCampaign['draft'] & { agentId?: string; routing?: Routing };
  launch?: VoicemailCampaign['launch'] & { companyHours?: { timezone: string; businessHours: TimeSlot[] } };
};

const notInService = (): string => {
  const response = new twilio.twiml.VoiceResponse();
  response.say('This number cannot take your call.');
  response.hangup();
  return response.toString();
};

/** The Twilio routes over the engine's report handlers, with the instructions each call is answered with. */
export const twilioWebhooks = (reports: OutreachReports, config: TwilioWebhooksConfig): Router => {
  const { readStore } = config;
  const clock = config.clock ?? (() => new Date());
  const senderOf = inboundSenderOf(readStore);
  const campaignOf = async (campaignId: string) => (await readStore.get(CAMPAIGNS, campaignId)) as CampaignDoc | null;
  const streamUrlOf = async (agentId: string | undefined) => (agentId ? (((await readStore.get(AGENTS, agentId)) as { streamUrl?: string } | null)?.streamUrl ?? undefined) : undefined);

  const twimlFor = async (request: InstructionsRequest): Promise<string> => {
    const owner = await reports.ownerOf(request.callId);
    const campaign = await campaignOf(owner.campaignId);
    const streamUrl = await streamUrlOf(campaign?.draft?.agentId);
    if (!streamUrl) return notInService();
    return answeredCallTwiml({
      answeredBy: request.answeredBy,
      stream: { streamUrl, parameters: { campaignId: owner.campaignId, contactId: owner.contactId, callId: owner.callId } },
      // The campaign's voicemail policy; `follow_up_sms` hangs up here and the workflow runner sends the text.
      voicemail: request.answeredBy === 'machine' ? await campaignVoicemail(readStore, owner, campaign) : { policy: 'hang_up' },
    });
  };

  // An inbound call follows the routing of the campaign that last reached the caller, as a text would.
  const inbound = async (request: InboundCallRequest): Promise<string> => {
    const sender = await senderOf(request.to, request.from);
    const campaign = sender?.campaignId ? await campaignOf(sender.campaignId) : null;
    const streamUrl = await streamUrlOf(campaign?.draft?.agentId);
    if (!sender?.campaignId || !campaign || !streamUrl) return notInService();
    const hours = campaign.launch?.companyHours;
    return inboundTwiml({
      routing: campaign.draft?.routing ?? { mode: 'ai_only' },
      businessHours: hours?.businessHours ?? [],
      timezone: hours?.timezone ?? 'America/New_York',
      now: clock(),
      stream: { streamUrl, parameters: { campaignId: sender.campaignId, callId: request.carrierCallId, ...(sender.contactId ? { contactId: sender.contactId } : {}) } },
      voicemailGreeting: config.voicemailGreeting ?? 'Please leave a message after the tone.',
    });
  };

  return twilioWebhooksRouter({
    authToken: config.authToken,
    publicUrl: config.publicUrl,
    routes: config.routes,
    clock,
    onCallStatus: reports.telephony.callStatus,
    onMessageStatus: reports.telephony.messageStatus,
    // The reply goes out as a message of its own (audited), not as TwiML.
    onInboundSms: async (sms) => {
      await reports.telephony.inboundSms(sms);
    },
    twimlFor,
    inboundTwiml: inbound,
  });
};
