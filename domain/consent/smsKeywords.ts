import { keywordAlone, optOutKeywordIn } from './revocationKeywords.ts';
import { configuredPhraseRules, revocationPhraseIn, shippedPhraseRules, type PhraseRule } from './revocationPhrases.ts';
import { normalisedSms, readingsOf } from './smsText.ts';

/**
 * What an inbound text means for consent. An opt-out keyword counts as a word anywhere in the text
 * (revocationKeywords.ts), a phrase in English or Spanish counts as a request to stop
 * (revocationPhrases.ts); opt-in, answer and help keywords count only as the whole text.
 * `matched` names the rule that found a revocation, for the opt-out record.
 */
export type SmsIntent =
  | { readonly kind: 'opt_out'; readonly keyword: string; readonly alone: boolean; readonly matched: string }
  | { readonly kind: 'opt_out_request'; readonly phrase: string; readonly matched: string }
  | { readonly kind: 'opt_in'; readonly keyword: string; readonly answer: boolean }
  | { readonly kind: 'help'; readonly keyword: string }
  | { readonly kind: 'message' };

/** The keywords of each kind (upper case), and what configuration adds to the revocation rules. */
export type SmsKeywords = {
  readonly optOut: readonly string[];
  readonly optIn: readonly string[];
  readonly help: readonly string[];
  /** The word the confirmation of a revocation found in words asks for; it reopens texts only as that answer, in time. */
  readonly optInAnswer: string;
  readonly optInAnswerHours: number;
  /** Phrases configuration adds to the shipped English and Spanish ones. */
  readonly revocationPhrases: readonly string[];
};

/**
 * Twilio's defaults (support.twilio.com, "Twilio support for opt-out keywords"), as COMPLIANCE.md lists
 * them, with the Spanish words people send for the same; YES is only ever the answer to the question
 * an uncertain opt-out's confirmation asks.
 */
export const defaultSmsKeywords: SmsKeywords = {
  optOut: [
    'STOP',
    'STOPALL',
    'UNSUBSCRIBE',
    'CANCEL',
    'END',
    'QUIT',
    'REVOKE',
    'OPTOUT',
    'ALTO',
    'BAJA',
    'PARAR',
    'CANCELAR',
  ],
  optIn: ['START', 'UNSTOP'],
  help: ['HELP', 'INFO'],
  optInAnswer: 'YES',
  optInAnswerHours: 24,
  revocationPhrases: [],
};

const phraseRules = new WeakMap<SmsKeywords, readonly PhraseRule[]>();
const phraseRulesOf = (keywords: SmsKeywords): readonly PhraseRule[] => {
  let rules = phraseRules.get(keywords);
  if (!rules)
    phraseRules.set(keywords, (rules = [...shippedPhraseRules, ...configuredPhraseRules(keywords.revocationPhrases)]));
  return rules;
};

/** Classifies an inbound SMS body; when it could be a request to stop, it is one. */
export const classifySms = (body: string, keywords: SmsKeywords = defaultSmsKeywords): SmsIntent => {
  const text = normalisedSms(body);
  const stop = keywordAlone(text, keywords.optOut);
  if (stop) return { kind: 'opt_out', keyword: stop, alone: true, matched: `keyword: ${stop}` };
  const start = keywordAlone(text, keywords.optIn);
  if (start) return { kind: 'opt_in', keyword: start, answer: false };
  const answer = keywordAlone(text, [keywords.optInAnswer]);
  if (answer) return { kind: 'opt_in', keyword: answer, answer: true };
  const help = keywordAlone(text, keywords.help);
  if (help) return { kind: 'help', keyword: help };
  const inText = optOutKeywordIn(text, keywords.optOut);
  if (inText)
    return {
      kind: 'opt_out',
      keyword: inText.keyword,
      alone: false,
      matched: `keyword in a longer text: ${inText.word}`,
    };
  const phrase = revocationPhraseIn(readingsOf(text), phraseRulesOf(keywords));
  return phrase
    ? { kind: 'opt_out_request', phrase: phrase.phrase, matched: `${phrase.rule}: ${phrase.phrase}` }
    : { kind: 'message' };
};
