import * as t from 'io-ts';
import { closed } from '../codecs/closed.ts';
import { defaultSmsKeywords, type SmsKeywords } from '../consent/smsKeywords.ts';
import { ConsentRulesOverride, consentRules, type ConsentRules } from '../consent/consentRules.ts';
import { CallingHoursOverrides, callingHoursRules, type CallingHoursRules } from '../outreach/callingHoursRules.ts';
import { refined } from '../values.ts';

/** A keyword as a whole text message: letters and digits only, kept upper case as messages are compared. */
const Keyword = refined('a keyword of letters and digits', t.string, (s) => /^[A-Za-z0-9]{1,20}$/.test(s));
const KeywordList = refined('a list of at least one keyword', t.array(Keyword), (list) => list.length > 0);

export const SmsKeywordsOverride = closed(t.partial({ optOut: KeywordList, optIn: KeywordList, help: KeywordList }));

/** What configuration may change of the engine's rule tables (COMPLIANCE.md: laws change). */
export const ComplianceOverrides = closed(t.partial({ callingHours: CallingHoursOverrides, smsKeywords: SmsKeywordsOverride, consent: ConsentRulesOverride }));
export type ComplianceOverrides = t.TypeOf<typeof ComplianceOverrides>;

export type ComplianceRules = { readonly callingHours: CallingHoursRules; readonly smsKeywords: SmsKeywords; readonly consent: ConsentRules };

/** A keyword in two lists would make one text mean two things; the first list that claims it would win unseen. */
export const keywordConflicts = (keywords: SmsKeywords): string[] => {
  const lists = Object.entries(keywords) as [keyof SmsKeywords, readonly string[]][];
  return lists.flatMap(([name, words], i) =>
    lists.slice(i + 1).flatMap(([other, others]) => words.filter((w) => others.includes(w)).map((w) => `${w} is in both ${name} and ${other}`)),
  );
};

/** The shipped tables with configuration's overrides applied; each keyword list is replaced whole. */
export const complianceRules = (overrides: ComplianceOverrides = {}): ComplianceRules => {
  const upper = (list: readonly string[] | undefined, fallback: readonly string[]) => (list ?? fallback).map((w) => w.toUpperCase());
  const sms = overrides.smsKeywords ?? {};
  return {
    callingHours: callingHoursRules(overrides.callingHours),
    smsKeywords: {
      optOut: upper(sms.optOut, defaultSmsKeywords.optOut),
      optIn: upper(sms.optIn, defaultSmsKeywords.optIn),
      help: upper(sms.help, defaultSmsKeywords.help),
    },
    consent: consentRules(overrides.consent),
  };
};
