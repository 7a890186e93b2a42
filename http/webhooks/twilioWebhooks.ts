import type { Router } from 'express';
import type { OutreachReports } from '../../commands/outreach/outreachReports.ts';
import { inboundCallIdOf } from '../../commands/outreach/reports/inboundCallId.ts';
import { withOurId } from '../../adapters/telephony/twilio/callbackUrls.ts';
import { agentStreamUrl } from '../../projections/agents/agentStreamUrl.ts';
import { CAMPAIGNS } from '../../projections/campaigns/campaignDocument.ts';
import { collection } from '../../projections/collection.ts';
import type { Doc, ReadStore } from '../../projections/readStore.ts';
import type { RouteRegistry } from '../routeRegistry.ts';
import { answeredCallTwiml, notInServiceTwiml } from './twilio/callTwiml.ts';
import { campaignVoicemail, type VoicemailCampaign } from './twilio/campaignVoicemail.ts';
import { inboundTwiml } from './twilio/inboundTwiml.ts';
import {
  twilioWebhooksRouter,
  type InboundCallRequest,
  type InstructionsRequest,
} from './twilio/twilioWebhooksRouter.ts';

export type TwilioWebhooksConfig = {
  readonly authToken: string;
  readonly publicUrl: string;
  readonly routes: RouteRegistry;
  readonly readStore: ReadStore;
  readonly clock?: () => Date;
  readonly voicemailGreeting?: string;
};

type CampaignDoc = Doc & VoicemailCampaign & { draft?: VoicemailCampaign['draft'] & { agentId?: string } };

/** The Twilio routes over the engine's report handlers, with the instructions each call is answered with. */
export const twilioWebhooks = (reports: OutreachReports, config: TwilioWebhooksConfig): Router => {
  const { readStore } = config;
  const clock = config.clock ?? (() => new Date());
  const campaignOf = (campaignId: string) => collection<CampaignDoc>(readStore, CAMPAIGNS).get(campaignId);

  const twimlFor = async (request: InstructionsRequest): Promise<string> => {
    const owner = await reports.ownerOf(request.callId);
    const campaign = await campaignOf(owner.campaignId);
    const streamUrl = await agentStreamUrl(readStore, campaign?.draft?.agentId);
    if (!streamUrl) return notInServiceTwiml();
    return answeredCallTwiml({
      answeredBy: request.answeredBy,
      stream: {
        streamUrl,
        parameters: { campaignId: owner.campaignId, contactId: owner.contactId, callId: owner.callId },
      },
      // The campaign's voicemail policy; `follow_up_sms` hangs up here and the workflow runner sends the text.
      voicemail:
        request.answeredBy === 'machine' ? await campaignVoicemail(readStore, owner, campaign) : { policy: 'hang_up' },
    });
  };

  // The engine routes and records the call; this answers with the route's TwiML.
  const inbound = async (request: InboundCallRequest): Promise<string> => {
    const answer = await reports.inboundCalls.receive({ ...request, receivedAt: clock() });
    const { callId, campaignId, contactId, streamUrl } = answer;
    return inboundTwiml({
      route: answer.route,
      ...(streamUrl && campaignId
        ? { stream: { streamUrl, parameters: { campaignId, callId, ...(contactId ? { contactId } : {}) } } }
        : {}),
      voicemailGreeting: config.voicemailGreeting ?? 'Please leave a message after the tone.',
      recordingCallbackUrl: withOurId(
        `${config.publicUrl.replace(/\/+$/, '')}/webhooks/twilio/voice/status`,
        'callId',
        callId,
      ),
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
    inboundCallIdOf,
  });
};
