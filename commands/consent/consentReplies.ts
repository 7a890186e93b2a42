import { defaultSmsKeywords, type SmsKeywords } from '../../domain/consent/smsKeywords.ts';

/** Who the texts come from, as the contact knows them: the company's name, and where to ask for help. */
export type ReplySender = { readonly name: string; readonly helpContact?: string };

/**
 * The texts the engine may send about consent. After an opt-out exactly one confirmation is allowed
 * (47 CFR 64.1200(a)(12)), so it says everything and offers nothing to buy.
 */
export const consentReplies = (sender: ReplySender, keywords: SmsKeywords = defaultSmsKeywords) => {
  // The first word of each list is the one the texts tell people to send.
  const [stop, start, help] = [keywords.optOut[0], keywords.optIn[0], keywords.help[0]];
  const hours = keywords.optInAnswerHours === 1 ? '1 hour' : `${keywords.optInAnswerHours} hours`;
  return {
    optOutConfirmation: `${sender.name}: you are unsubscribed and will get no more calls or texts from us at this number. Reply ${start} to get texts again.`,
    /** After a revocation read from words, which may be a misreading, the one confirmation also asks whether it was meant. */
    uncertainOptOutConfirmation: `${sender.name}: you are unsubscribed from our calls and texts at this number. Did not mean to stop? Reply ${keywords.optInAnswer} within ${hours}, or ${start} at any time, to get texts again.`,
    optInConfirmation: `${sender.name}: you will get texts from us again. Reply ${stop} to opt out, ${help} for help.`,
    help: `${sender.name}: messages about your case.${sender.helpContact ? ` Help: ${sender.helpContact}.` : ''} Reply ${stop} to opt out. Msg & data rates may apply.`,
  };
};
