import * as t from 'io-ts';
import { closed } from '../codecs/closed.ts';
import { defaultSmsKeywords, type SmsKeywords } from '../consent/smsKeywords.ts';
import { ConsentRulesOverride, consentRules, type ConsentRules } from '../consent/consentRules.ts';
import { CallingHoursOverrides, callingHoursRules, type CallingHoursRules } from '../outreach/callingHoursRules.ts';
import { refined, WholeNumber } from '../values.ts';

/** A keyword as a whole text message: letters and digits only, kept upper case as messages are compared. */
const Keyword = refined('a keyword of letters and digits', t.string, (s) => /^[A-Za-z0-9]{1,20}$/.test(s));
const KeywordList = refined('a list of at least one keyword', t.array(Keyword), (list) => list.length > 0);
/** A phrase matched as whole words anywhere in a text, in any case and without accents. */
const RevocationPhrase = refined(
  'a phrase of 1 to 80 characters with at least one letter',
  t.string,
  (s) => s.trim().length <= 80 && /\p{L}/u.test(s),
);
const AnswerHours = refined('a whole number of hours from 1 to 168', WholeNumber, (n) => n >= 1 && n <= 168);

export const SmsKeywordsOverride = closed(
  t.partial({
    optOut: KeywordList,
    optIn: KeywordList,
    help: KeywordList,
    optInAnswer: Keyword,
    optInAnswerHours: AnswerHours,
    revocationPhrases: t.array(RevocationPhrase),
  }),
);

/** What configuration may change of the engine's rule tables (COMPLIANCE.md: laws change). */
export const ComplianceOverrides = closed(
  t.partial({ callingHours: CallingHoursOverrides, smsKeywords: SmsKeywordsOverride, consent: ConsentRulesOverride }),
);
export type ComplianceOverrides = t.TypeOf<typeof ComplianceOverrides>;

export type ComplianceRules = {
  readonly callingHours: CallingHoursRules;
  readonly smsKeywords: SmsKeywords;
  readonly consent: ConsentRules;
};

/** A keyword in two lists would make one text mean two things; the first list that claims it would win unseen. */
export const keywordConflicts = (keywords: SmsKeywords): string[] => {
  const lists: [string, readonly string[]][] = [
    ['optOut', keywords.optOut],
    ['optIn', keywords.optIn],
    ['help', keywords.help],
    ['optInAnswer', [keywords.optInAnswer]],
  ];
  return lists.flatMap(([name, words], i) =>
    lists
      .slice(i + 1)
      .flatMap(([other, others]) =>
        words.filter((w) => others.includes(w)).map((w) => `${w} is in both ${name} and ${other}`),
      ),
  );
};

const upper = (list: readonly string[]) => list.map((w) => w.toUpperCase());

/**
 * The shipped tables with configuration's overrides applied. Opt-out keywords are a legal floor:
 * configuration adds to the shipped ones (its own first, as the texts name the first) and never
 * removes one; revocation phrases are added to the shipped ones; the other lists are replaced whole.
 */
export const complianceRules = (overrides: ComplianceOverrides = {}): ComplianceRules => {
  const sms = overrides.smsKeywords ?? {};
  return {
    callingHours: callingHoursRules(overrides.callingHours),
    smsKeywords: {
      optOut: [...new Set([...upper(sms.optOut ?? []), ...defaultSmsKeywords.optOut])],
      optIn: upper(sms.optIn ?? defaultSmsKeywords.optIn),
      help: upper(sms.help ?? defaultSmsKeywords.help),
      optInAnswer: (sms.optInAnswer ?? defaultSmsKeywords.optInAnswer).toUpperCase(),
      optInAnswerHours: sms.optInAnswerHours ?? defaultSmsKeywords.optInAnswerHours,
      revocationPhrases: [...defaultSmsKeywords.revocationPhrases, ...(sms.revocationPhrases ?? [])],
    },
    consent: consentRules(overrides.consent),
  };
};
