import { squeezed, wordsOf } from './smsText.ts';

/**
 * An opt-out keyword counts as a word anywhere in a text ("pls stop", "Stop. Wrong number", "STOPPP"),
 * unless the words around it show one of the ordinary uses below ("stop by the office", "cancel my
 * appointment", "end of the day", "don't stop"). Only clear ordinary uses are listed: anything else is
 * read as a revocation, since the law asks that every reasonable way of saying stop be honoured.
 */
type OrdinaryUse = {
  /** Words just before the keyword that make it a noun: "bus stop", "the end". */
  readonly precededBy?: readonly string[];
  /** Words just after it that make it another verb or a noun: "stop by", "end of", "baja california". */
  readonly followedBy?: readonly string[];
  /** "did they stop calling you": another person's act, unless the rest of the clause is about the sender. */
  readonly byOthers?: boolean;
  /** "cancel my appointment": the keyword acts on something that is not the messages themselves. */
  readonly actsOnOther?: boolean;
};

const ordinaryUses: Readonly<Record<string, OrdinaryUse>> = {
  STOP: {
    byOthers: true,
    precededBy: ['bus', 'pit', 'truck', 'last', 'next', 'first', 'one', 'full', 'quick', 'short', 'a', 'non', 'rest'],
    followedBy: ['by', 'in', 'over', 'off', 'sign', 'signs', 'light', 'lights', 'watch'],
  },
  CANCEL: { byOthers: true, actsOnOther: true },
  QUIT: { byOthers: true, actsOnOther: true },
  END: {
    precededBy: [
      'the',
      'a',
      'an',
      'at',
      'this',
      'that',
      'its',
      'his',
      'her',
      'our',
      'your',
      'my',
      'their',
      'dead',
      'back',
      'front',
      'high',
      'low',
      'deep',
      'rear',
      'week',
      'tail',
      'year',
      'month',
      'on',
      'no',
      'west',
      'east',
      'it',
      'does',
      'did',
      'should',
      'would',
      'hearing',
      'trial',
      'meeting',
      'session',
      'lease',
      'therapy',
      'contract',
      'case',
      'claim',
      'lawsuit',
      'shift',
      'program',
      'treatment',
      'school',
    ],
    followedBy: ['of', 'up', 'ups', 'result', 'date', 'time', 'point', 'user', 'game'],
    actsOnOther: true,
  },
  REVOKE: { actsOnOther: true },
  CANCELAR: { actsOnOther: true },
  BAJA: { followedBy: ['california'], precededBy: ['presion', 'temperatura', 'muy', 'esta', 'mas', 'tan'] },
  ALTO: { precededBy: ['muy', 'mas', 'tan', 'volumen', 'saxofon', 'palo'] },
};

/** Words that turn the keyword into its opposite ("don't stop", "I can't stop thinking about it"). */
const negations = new Set([
  'dont',
  'never',
  'cant',
  'cannot',
  'couldnt',
  'wont',
  'wouldnt',
  'didnt',
  'not',
  'shouldnt',
  'doesnt',
]);
/** Words that may stand between a negation and the keyword without breaking it: "don't ever stop". */
const softeners = new Set(['please', 'pls', 'ever', 'just', 'even', 'yet']);
/** After a negation these still complain about the messages: "I can't stop getting these texts". */
const stillComplaining = new Set(['getting', 'receiving', 'these', 'this', 'your', 'the', 'them']);

/** What the messages are called: a keyword acting on one of these is a revocation, not another matter. */
const contactNouns = new Set([
  'text',
  'texts',
  'txt',
  'txts',
  'sms',
  'message',
  'messages',
  'msg',
  'msgs',
  'call',
  'calls',
  'email',
  'emails',
  'robocalls',
  'notifications',
  'notification',
  'alerts',
  'alert',
  'reminders',
  'reminder',
  'subscription',
  'service',
  'services',
  'consent',
  'permission',
  'contact',
  'number',
  'account',
  'membership',
  'mensajes',
  'mensaje',
  'llamadas',
  'llamada',
  'textos',
  'suscripcion',
  'servicio',
  'notificaciones',
  'correos',
]);
/** Words that open an object: "cancel MY appointment", "cancelar LA cita". */
const determiners = new Set([
  'my',
  'the',
  'our',
  'this',
  'that',
  'his',
  'her',
  'their',
  'a',
  'an',
  'todays',
  'tomorrows',
  'mondays',
  'fridays',
  'mi',
  'mis',
  'la',
  'el',
  'las',
  'los',
  'esta',
  'este',
  'su',
  'sus',
  'nuestra',
  'nuestro',
  'una',
  'un',
]);

const negated = (words: readonly string[], at: number): boolean => {
  let i = at - 1;
  while (i >= 0 && softeners.has(words[i]!)) i--;
  if (!negations.has(words[i] ?? '')) return false;
  return !stillComplaining.has(words[at + 1] ?? '');
};

const others = new Set(['he', 'she', 'they']);
const aboutSender = new Set(['me', 'us', 'my', 'i']);

/** "they stop calling you" is about someone else; "can they stop texting me" is not. */
const doneByOthers = (words: readonly string[], at: number): boolean =>
  others.has(words[at - 1] ?? '') && !words.slice(at + 1).some((w) => aboutSender.has(w) || contactNouns.has(w));

/** How the engine's own contact is named as an act: "stop TEXTING", "stop bugging me". */
const contactActs =
  /^(?:text|txt|messag|call|ring|contact|email|send|bother|harass|spam|bug|pester|robocall|phon|hit|reach|writ)\w*$/;
const selfAsSubject =
  /^(?:.*\s)?(?:i|should i|do i|can i|must i|will i|shall i)(?:\s+(?:need|have|got|should|must|can|could|will|gonna|going|do|to|ought))*$/;

/**
 * "should I stop going to therapy", "told me to stop working for now": the sender (or another) stops
 * something of their own, and nothing in the rest of the clause is about being contacted.
 */
const stopsSomethingElse = (words: readonly string[], at: number): boolean => {
  const rest = words.slice(at + 1);
  if (
    rest.length === 0 ||
    rest.some(
      (w) =>
        aboutSender.has(w) ||
        contactNouns.has(w) ||
        contactActs.test(w) ||
        ['getting', 'receiving', 'these', 'this', 'them', 'it'].includes(w),
    )
  )
    return false;
  const next = rest[0]!;
  return (
    (next.endsWith('ing') && next.length > 4) || (next !== 'now' && selfAsSubject.test(words.slice(0, at).join(' ')))
  );
};

const actsOnOther = (words: readonly string[], at: number): boolean => {
  const next = words.slice(at + 1, at + 4);
  if (next.some((w) => contactNouns.has(w))) return false;
  return next.length >= 2 && determiners.has(next[0]!);
};

/** Whether the keyword at this place of the clause is an ordinary word, not a request to stop. */
const isOrdinaryUse = (keyword: string, words: readonly string[], at: number): boolean => {
  const use = ordinaryUses[keyword] ?? {};
  if (negated(words, at)) return true;
  if (use.precededBy?.includes(words[at - 1] ?? '')) return true;
  if (use.followedBy?.includes(words[at + 1] ?? '')) return true;
  if (use.byOthers === true && doneByOthers(words, at)) return true;
  if (keyword === 'STOP' && stopsSomethingElse(words, at)) return true;
  // "stop at the bank" is a visit, "stop at once" is not.
  if (keyword === 'STOP' && ['at', 'on'].includes(words[at + 1] ?? '') && determiners.has(words[at + 2] ?? ''))
    return true;
  return use.actsOnOther === true && actsOnOther(words, at);
};

/** Keywords long enough that a one-letter slip cannot make another word: "unsuscribe", "unsubscibe". */
const withinOneSlip = (word: string, keyword: string): boolean =>
  keyword.length >= 8 && Math.abs(word.length - keyword.length) <= 1 && osaDistance(word, keyword) <= 1;

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
const osaDistance = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
};

/** Common misspellings of the shipped keywords that no slip rule reaches. */
const misspellings: ReadonlyMap<string, string> = new Map([
  ['stpo', 'STOP'],
  ['sotp', 'STOP'],
  ['stp', 'STOP'],
  ['st0p', 'STOP'],
  ['unsub', 'UNSUBSCRIBE'],
]);

/** The keyword of the list this word spells, if any (case, repeated letters, slips forgiven). */
export const keywordOf = (word: string, keywords: readonly string[]): string | undefined => {
  const plain = squeezed(word);
  const misspelt = misspellings.get(word);
  return (
    keywords.find((k) => squeezed(k.toLowerCase()) === plain) ??
    (misspelt && keywords.includes(misspelt) ? misspelt : undefined) ??
    keywords.find((k) => withinOneSlip(word, k.toLowerCase()))
  );
};

/** The first opt-out keyword of the text used as a request to stop, and the word that carried it. */
export const optOutKeywordIn = (
  text: string,
  keywords: readonly string[],
): { readonly keyword: string; readonly word: string } | undefined => {
  for (const clause of text.split('|')) {
    const words = wordsOf(clause);
    for (let at = 0; at < words.length; at++) {
      const keyword = keywordOf(words[at]!, keywords);
      if (keyword && !isOrdinaryUse(keyword, words, at)) return { keyword, word: words[at]! };
    }
  }
  return undefined;
};

/** The keyword the whole text is, when every word of it is that one keyword ("STOP", "stop stop", "STOP!!!"). */
export const keywordAlone = (text: string, keywords: readonly string[]): string | undefined => {
  const words = wordsOf(text);
  const first = words[0] === undefined ? undefined : keywords.find((k) => k.toLowerCase() === words[0]);
  return first && words.every((w) => w === first.toLowerCase()) ? first : undefined;
};
