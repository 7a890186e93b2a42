import type { Command } from '../decider.ts';
import type { ConsentChannel, ConsentContext, OptOutSource } from './events.ts';

type Target = { readonly companyId: string; readonly address: string; readonly at: string };

/** The question an uncertain opt-out's confirmation asks: reply `answer` by `by` (ISO time) to get texts again. */
export type OptInQuestion = { readonly answer: string; readonly by: string };

/**
 * Someone asked to stop. The channel follows from the source (see `channelsBlockedBy`); only an
 * admin names one.
 */
export type RecordOptOut = Command<
  'RecordOptOut',
  Target & {
    readonly source: OptOutSource;
    readonly channel?: ConsentChannel;
    readonly context?: ConsentContext;
    readonly optInQuestion?: OptInQuestion;
  }
>;

/**
 * START or UNSTOP by SMS, or (`answer`) the reply to an opt-in question: only texts resume; calls stay
 * blocked until an admin reopens them.
 */
export type RecordSmsOptIn = Command<
  'RecordSmsOptIn',
  Target & { readonly keyword: string; readonly answer?: boolean; readonly context?: ConsentContext }
>;

/**
 * An admin reopens outreach to an address that opted out: who and why are required. Texts stay
 * refused for `refusedForDays` after the person's own revocation (configuration's period; 0 or
 * absent refuses nothing).
 */
export type ReopenOutreach = Command<
  'ReopenOutreach',
  Target & {
    readonly reopenedBy: string;
    readonly reason: string;
    readonly channel?: ConsentChannel;
    readonly context?: ConsentContext;
    readonly refusedForDays?: number;
  }
>;

export type ConsentCommand = RecordOptOut | RecordSmsOptIn | ReopenOutreach;
