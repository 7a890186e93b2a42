import { consentAddress } from '../../../domain/consent/address.ts';
import { classifySms, type SmsKeywords } from '../../../domain/consent/smsKeywords.ts';
import { conversationDecider } from '../../../domain/conversation/decider.ts';
import { conversationStream } from '../../../domain/conversation/events.ts';
import { handlerOf, type CommandWriter } from '../../handleCommand.ts';
import type { ConsentCommands } from '../../consent/consentCommands.ts';
import { inboundSmsConsent } from '../../consent/inboundSms.ts';
import { recordUnroutedText } from '../../consent/unroutedTexts.ts';
import type { ReplySender } from '../../consent/consentReplies.ts';
import type { MessageCommands } from '../../messages/messageCommands.ts';
import type { InboundSms } from '../carrierReports.ts';
import type { Telephony } from '../telephony.ts';
import { sendConsentReply, type ReplyOutcome } from './consentReply.ts';
import type { InboundSenderOf } from './inboundSender.ts';

export type InboundTextDeps = CommandWriter & {
  readonly consent: ConsentCommands;
  readonly messages: MessageCommands;
  readonly telephony: Telephony;
  readonly senderOf: InboundSenderOf;
  /** How the company signs its texts (its name) and where to ask for help. */
  readonly replySender: (companyId: string) => Promise<ReplySender>;
  readonly statusCallbackUrl: (messageId: string) => string;
  readonly clock: () => Date;
  /** The keyword lists in force (configuration may replace the defaults). */
  readonly smsKeywords?: SmsKeywords;
};

export type InboundTextOutcome =
  | { readonly routed: false; readonly intent: string }
  | {
      readonly routed: true;
      readonly companyId: string;
      readonly intent: string;
      readonly consentChanged: boolean;
      readonly reply: ReplyOutcome | 'none';
    };

/**
 * A text from a contact: recorded on the company's conversation with that number, read for consent
 * (STOP opts out of the whole company, START opts back in, HELP gets help), and answered by a text of
 * its own when the rules call for one. A text no company can be found for is recorded on its
 * sender's unrouted stream, unanswered: a revocation there binds whichever company later reaches the
 * sender from the number it was sent to (see `consentBeforeDispatch`).
 */
export const inboundTexts = (deps: InboundTextDeps) => {
  const conversations = handlerOf(deps, conversationDecider);
  const consentOfText = inboundSmsConsent(deps.consent, deps.smsKeywords);
  const unrouted = recordUnroutedText(deps.eventStore, deps.registry);

  return async (sms: InboundSms): Promise<InboundTextOutcome> => {
    const sender = await deps.senderOf(sms.to, sms.from);
    const now = deps.clock();
    const address = consentAddress(sms.from).value;
    const intent = classifySms(sms.body, deps.smsKeywords).kind;
    if (!sender) {
      await unrouted(
        {
          from: address,
          to: sms.to,
          body: sms.body,
          carrierMessageId: sms.carrierMessageId,
          receivedAt: sms.receivedAt,
          intent,
        },
        now,
      );
      return { routed: false, intent };
    }
    const { companyId } = sender;
    const about = {
      ...(sender.campaignId ? { campaignId: sender.campaignId } : {}),
      ...(sender.contactId ? { contactId: sender.contactId } : {}),
    };
    const context = (what: string) => ({
      commandId: `inbound-${what}/${sms.carrierMessageId}`,
      companyId,
      actor: 'contact',
      now,
    });

    await conversations(
      conversationStream(companyId, address),
      {
        type: 'RecordInboundMessage',
        data: {
          companyId,
          address,
          to: sms.to,
          body: sms.body,
          carrierMessageId: sms.carrierMessageId,
          receivedAt: sms.receivedAt,
          intent,
          ...about,
        },
      },
      context('text'),
    );
    // The same command id for every delivery of this text: a repeat is found, and confirms nothing twice.
    const consent = await consentOfText(
      address,
      sms.body,
      about,
      await deps.replySender(companyId),
      context('consent'),
    );
    const reply = consent.reply
      ? await sendConsentReply(
          deps,
          {
            companyId,
            ...about,
            answering: sms,
            kind: consent.intent.kind,
            to: address,
            from: sms.to,
            body: consent.reply,
          },
          now,
        )
      : 'none';
    return { routed: true, companyId, intent, consentChanged: consent.recorded, reply };
  };
};
