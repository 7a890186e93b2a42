/**
 * What an inbound text means for consent. Keywords (Twilio's defaults, as COMPLIANCE.md lists them)
 * count only as the whole message, in any case, with surrounding spaces and trailing `.` or `!`
 * ignored; a longer message counts as an opt-out only when one of the phrases below asks to stop.
 */
export type SmsIntent =
  | { readonly kind: 'opt_out'; readonly keyword: string }
  | { readonly kind: 'opt_out_request'; readonly phrase: string }
  | { readonly kind: 'opt_in'; readonly keyword: string }
  | { readonly kind: 'help'; readonly keyword: string }
  | { readonly kind: 'message' };

/** The whole-message keywords of each kind, upper case; configuration may replace each list. */
export type SmsKeywords = { readonly optOut: readonly string[]; readonly optIn: readonly string[]; readonly help: readonly string[] };

/** Twilio's defaults (support.twilio.com, "Twilio support for opt-out keywords"), as COMPLIANCE.md lists them. */
export const defaultSmsKeywords: SmsKeywords = {
  optOut: ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT'],
  optIn: ['START', 'UNSTOP', 'YES'],
  help: ['HELP', 'INFO'],
};

const has = (list: readonly string[], word: string): boolean => list.includes(word);

/** Words that turn "stop ..." or "call me" into the opposite of a request to stop. */
const negation = /(?:^|\s)(?:don't|dont|do not|never|can't|cant|cannot|couldn't|won't|wouldn't|didn't|not|shouldn't)(?:\s+\S+)?\s*$/;

const contactVerbs = 'texting|txting|messaging|calling|ringing|contacting|emailing|sending|bothering|harassing|spamming|robocalling';
const contactVerbsBare = 'text|txt|message|call|ring|contact|email|send|bother|harass|spam';
const contactNouns = 'calls|texts|txts|messages|msgs|emails|robocalls|contact';
/** Where a clause may end after "don't call me": only an emphasis, so "don't call me before noon" stays a preference. */
const clauseEnd = String.raw`(?:\s+(?:again|anymore|any more|ever again|ever|please|pls|at all|thanks|thank you|on this number|at this number))*\s*(?:\||$)`;

/** Each phrase that clearly asks for no more contact; `negatable` ones are refused after a negation. */
const phrases: readonly { readonly pattern: RegExp; readonly negatable: boolean }[] = [
  // "please stop texting me", "stop calling", "when will you stop calling me" (a complaint is a request)
  { pattern: new RegExp(String.raw`\bstop\s+(?:${contactVerbs})(?:\s+(?:me|us|this number|my number|my phone))?\b(?!\s+(?:you|him|her|them)\b)`), negatable: true },
  // "don't call me again", "do not text me", "never contact me"
  { pattern: new RegExp(String.raw`\b(?:don't|dont|do not|never)\s+(?:${contactVerbsBare})\s+(?:me|us|this number)${clauseEnd}`), negatable: false },
  // "I don't want you to call me", "I do not want any more texts"
  { pattern: new RegExp(String.raw`\b(?:don't|dont|do not)\s+want\s+(?:you\s+to\s+(?:${contactVerbsBare})\s+me|(?:any\s*more|more|your)\s+(?:${contactNouns}))\b`), negatable: false },
  { pattern: new RegExp(String.raw`\bno\s+more\s+(?:${contactNouns})\b`), negatable: false },
  { pattern: /\b(?:remove|delete|take)\s+(?:me|my number|this number|my name)\s+(?:from|off)\s+(?:your|the|this|ur)?\s*(?:\w+\s+)?(?:list|lists|calls|texts|database|system)\b/, negatable: false },
  { pattern: /\b(?:lose|delete|remove)\s+my\s+(?:number|phone number|contact)\b/, negatable: false },
  { pattern: /\bunsubscribe\b/, negatable: true },
  { pattern: /\bopt(?:\s|-)?(?:me\s+)?out\b/, negatable: true },
  { pattern: /\bleave\s+me\s+alone\b/, negatable: true },
  // The person at this number never agreed to be contacted.
  { pattern: /\bwrong\s+(?:number|person)\b/, negatable: false },
];

/** The whole message with keyword-only politeness removed: "STOP please", "stop it now!" are still STOP. */
const fillers = new Set(['please', 'pls', 'plz', 'now', 'it', 'already', 'just', 'ok', 'okay', 'thanks', 'thank', 'you', 'asap', 'immediately', 'all']);

/** Lower case, one apostrophe, clause punctuation as `|`, everything else but letters and digits as space. */
const normalised = (body: string): string =>
  body
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[.!?,;:\n]+/g, ' | ')
    .replace(/[^a-z0-9'| ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const freeTextOptOut = (text: string): string | undefined => {
  for (const { pattern, negatable } of phrases) {
    const match = pattern.exec(text);
    if (!match) continue;
    if (negatable && negation.test(text.slice(0, match.index))) continue;
    return match[0].replace(/\s*\|\s*$/, '').trim();
  }
  return undefined;
};

/** Classifies an inbound SMS body: a keyword, a free-text request to stop, or an ordinary message. */
export const classifySms = (body: string, keywords: SmsKeywords = defaultSmsKeywords): SmsIntent => {
  const keyword = body.trim().replace(/[.!]+$/, '').trim().toUpperCase();
  if (has(keywords.optOut, keyword)) return { kind: 'opt_out', keyword };
  if (has(keywords.optIn, keyword)) return { kind: 'opt_in', keyword };
  if (has(keywords.help, keyword)) return { kind: 'help', keyword };
  const text = normalised(body);
  const words = text.split(/[\s|]+/).filter((w) => w.length > 0);
  const meaningful = words.filter((w) => !fillers.has(w));
  if (meaningful.length === 1 && words.length <= 5) {
    const only = meaningful[0]!.toUpperCase();
    if (has(keywords.optOut, only)) return { kind: 'opt_out_request', phrase: text.replace(/\s*\|\s*/g, ' ').trim() };
  }
  const phrase = freeTextOptOut(text);
  return phrase ? { kind: 'opt_out_request', phrase } : { kind: 'message' };
};
