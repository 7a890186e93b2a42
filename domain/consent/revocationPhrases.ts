import { englishRevocationPhrases } from './englishRevocationPhrases.ts';
import { normalisedSms } from './smsText.ts';
import { spanishRevocationPhrases } from './spanishRevocationPhrases.ts';
import type { PhraseRule } from './phraseRule.ts';

export type { PhraseRule };

/** The words the phrase was found by, as they stand in the normalised text. */
export type PhraseMatch = { readonly rule: string; readonly phrase: string };

/** Configuration's phrases match as whole words, anywhere, in any case and without accents. */
export const configuredPhraseRules = (phrases: readonly string[]): readonly PhraseRule[] =>
  phrases
    .map((phrase) => normalisedSms(phrase).replace(/\s*\|\s*/g, ' '))
    .filter((phrase) => phrase.length > 0)
    .map((phrase) => ({
      rule: 'configured',
      pattern: new RegExp(String.raw`(?<![a-z0-9])${phrase.replace(/ /g, String.raw`\s+(?:\|\s+)?`)}(?![a-z0-9])`),
    }));

export const shippedPhraseRules: readonly PhraseRule[] = [...englishRevocationPhrases, ...spanishRevocationPhrases];

const clauseAfter = (text: string, end: number): string => text.slice(end).split('|')[0] ?? '';

/** The first rule the text matches in one of its readings. */
export const revocationPhraseIn = (
  readings: readonly string[],
  rules: readonly PhraseRule[],
): PhraseMatch | undefined => {
  for (const { rule, pattern, negatedBy, unlessFollowedBy } of rules)
    for (const text of readings) {
      const match = pattern.exec(text);
      if (!match) continue;
      if (negatedBy?.test(text.slice(0, match.index))) continue;
      if (unlessFollowedBy?.test(clauseAfter(text, match.index + match[0].length))) continue;
      return { rule, phrase: match[0].replace(/\s*\|\s*/g, ' ').trim() };
    }
  return undefined;
};
