import * as t from 'io-ts';
import { closed } from '../codecs/closed.ts';
import { FiniteNumber, refined } from '../values.ts';

/** The consent rules configuration may change (`COMPLIANCE_RULES` > `consent`). */
export type ConsentRules = {
  /**
   * Days after a person's own revocation during which an admin may not reopen texts to them. Virginia
   * honours a STOP to solicitation texts for 10 years (SB 1339, from 2026-01-01); 3,653 days covers any
   * ten years, leap days included. 0 turns the refusal off.
   */
  readonly reopenRefusedForDays: number;
};

export const defaultConsentRules: ConsentRules = { reopenRefusedForDays: 3653 };

/** A century at most: a longer period is a typo, not a law. */
const Days = refined(
  'a whole number of days from 0 to 36500',
  FiniteNumber,
  (days) => Number.isInteger(days) && days >= 0 && days <= 36_500,
);

export const ConsentRulesOverride = closed(t.partial({ reopenRefusedForDays: Days }));
export type ConsentRulesOverride = t.TypeOf<typeof ConsentRulesOverride>;

export const consentRules = (override: ConsentRulesOverride = {}): ConsentRules => ({
  ...defaultConsentRules,
  ...override,
});
