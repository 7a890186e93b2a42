import type { CallOutcome as CallOutcomeCodec } from '../campaign/draft.ts';
import type * as t from 'io-ts';

/** How a call attempt ended, in the words of the campaign's retry settings and workflows. */
export type CallOutcome = t.TypeOf<typeof CallOutcomeCodec>;
