/**
 * One way of asking to stop in words, matched on normalised text (see smsText.ts). A match counts
 * unless a negation stands just before it ("please don't leave me alone") or the rest of its clause
 * turns it into a preference ("don't call me before noon").
 */
export type PhraseRule = {
  /** Named in the opt-out record, `en.remove_me`, `es.no_mas`. */
  readonly rule: string;
  readonly pattern: RegExp;
  readonly negatedBy?: RegExp;
  /** Tested on what follows the match up to the end of its clause. */
  readonly unlessFollowedBy?: RegExp;
};
