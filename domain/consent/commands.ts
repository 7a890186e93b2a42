import type { Command } from '../decider.ts';
import type { ConsentChannel, ConsentContext, OptOutSource } from './events.ts';

type Target = { readonly companyId: string; readonly address: string; readonly at: string };

/**
 * Someone asked to stop. The channel follows from the source (see `channelsBlockedBy`); only an
 * admin names one.
 */
export type RecordOptOut = Command<'RecordOptOut', Target & { readonly source: OptOutSource; readonly channel?: ConsentChannel; readonly context?: ConsentContext }>;

/** START, UNSTOP or YES by SMS: only texts resume; calls stay blocked until an admin reopens them. */
export type RecordSmsOptIn = Command<'RecordSmsOptIn', Target & { readonly keyword: string; readonly context?: ConsentContext }>;

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
