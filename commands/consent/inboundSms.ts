import { assertNever } from '../../domain/decider.ts';
import { classifySms, defaultSmsKeywords, type SmsIntent, type SmsKeywords } from '../../domain/consent/smsKeywords.ts';
import type { ConsentContext } from '../../domain/consent/events.ts';
import type { CommandContext } from '../commandContext.ts';
import type { ConsentCommands } from './consentCommands.ts';
import { consentReplies, type ReplySender } from './consentReplies.ts';

export type InboundSmsConsent = {
  readonly intent: SmsIntent;
  /** The text to send back, if any: help, or the one confirmation of a new opt-out or opt-in. */
  readonly reply: string | undefined;
  /** True when the message changed the address's consent. */
  readonly recorded: boolean;
  readonly position: bigint | undefined;
};

/** What an inbound text means for consent, recorded on the sender's consent stream, and what to answer. */
export const inboundSmsConsent =
  (commands: ConsentCommands, keywords: SmsKeywords = defaultSmsKeywords) =>
  async (
    from: string,
    body: string,
    where: ConsentContext,
    sender: ReplySender,
    context: CommandContext,
  ): Promise<InboundSmsConsent> => {
    const intent = classifySms(body, keywords);
    const replies = consentReplies(sender, keywords);
    const excerpt = body.trim().slice(0, 160);
    switch (intent.kind) {
      case 'opt_out':
      case 'opt_out_request': {
        const keyword = intent.kind === 'opt_out' ? { keyword: intent.keyword } : {};
        const source = intent.kind === 'opt_out' ? 'sms_keyword' : 'sms_free_text';
        // Anything but a bare keyword may be a misreading: its one confirmation asks, and the answer reopens texts in time.
        const uncertain = intent.kind === 'opt_out_request' || !intent.alone;
        const by = new Date(context.now.getTime() + keywords.optInAnswerHours * 3_600_000).toISOString();
        const optInQuestion = uncertain ? { optInQuestion: { answer: keywords.optInAnswer, by } } : {};
        const result = await commands.optOut(
          {
            address: from,
            source,
            ...optInQuestion,
            context: { ...where, ...keyword, matched: intent.matched, excerpt },
          },
          context,
        );
        const recorded = result.newEvents.length > 0;
        const confirmation = uncertain ? replies.uncertainOptOutConfirmation : replies.optOutConfirmation;
        // A repeated STOP gets no second confirmation: only one is allowed.
        return { intent, reply: recorded ? confirmation : undefined, recorded, position: result.position };
      }
      case 'opt_in': {
        const result = await commands.smsOptIn(from, intent.keyword, { ...where, excerpt }, context, intent.answer);
        const recorded = result.newEvents.length > 0;
        return { intent, reply: recorded ? replies.optInConfirmation : undefined, recorded, position: result.position };
      }
      case 'help':
        return { intent, reply: replies.help, recorded: false, position: undefined };
      case 'message':
        return { intent, reply: undefined, recorded: false, position: undefined };
      default:
        return assertNever(intent);
    }
  };
