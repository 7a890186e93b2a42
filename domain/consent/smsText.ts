/**
 * An inbound text as the revocation rules read it: lower case, without accents ("no más" is "no mas"),
 * without apostrophes ("don't" is "dont"), each clause ended by ` | `, every other sign a space.
 */

/** Symbols people send to mean "stop"; each becomes a word the phrase rules know. */
const stopSymbols = /[\u{1F6D1}\u{1F6AB}\u{1F4F5}\u{1F515}]/gu; // 🛑 🚫 📵 🔕

/** "S T O P", "s.t.o.p": three or more single letters in a row are one spelt-out word. */
const spelledOut = /(?<![a-z0-9])[a-z](?:[ .\-_*]+[a-z](?![a-z0-9])){2,}/g;

export const normalisedSms = (body: string): string =>
  body
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(stopSymbols, ' stopsign ')
    .replace(spelledOut, (letters) => letters.replace(/[^a-z]/g, ''))
    .replace(/#(?!\d)/g, ' number ')
    .replace(/['\u2018\u2019\u02bc`\u00b4]/g, '')
    .replace(/[.!?,;:\n\u00a1\u00bf()]+/g, ' | ')
    .replace(/[^a-z0-9| ]+/g, ' ')
    .replace(/(?:\s*\|\s*)+/g, ' | ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s|]+|[\s|]+$/g, '');

/** The words of a normalised text, clause marks left out. */
export const wordsOf = (text: string): readonly string[] => text.split(/[\s|]+/).filter((w) => w.length > 0);

/** A word with each run of one letter cut to one: "STOPPP", "stooop" and "stop" are one word. */
export const squeezed = (word: string): string => word.replace(/([a-z])\1+/g, '$1');

/**
 * The text's readings for phrase rules: as typed, and with every run of three or more of one letter
 * cut to one ("pleeease stooop") or to two ("messsages").
 */
export const readingsOf = (text: string): readonly string[] => [
  ...new Set([text, text.replace(/([a-z])\1{2,}/g, '$1'), text.replace(/([a-z])\1{2,}/g, '$1$1')]),
];
