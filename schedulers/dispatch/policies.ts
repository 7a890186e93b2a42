import type { TimeSlot } from '../../domain/values.ts';
import type { CallingWindow } from '../../domain/outreach/callingWindow.ts';
import type { Channel } from '../../domain/campaign/draft.ts';
import { consentOf, type ConsentReader } from '../../commands/consent/consentOf.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { WindowFact } from '../../domain/enrollment/commands.ts';

/** Who is to be called, where they are and what the campaign allows, as the window policy reads it. */
export type WindowSubject = {
  readonly contact: {
    readonly timezone: string;
    readonly state?: string;
    readonly phone: string;
    readonly areaCodeTimezones?: readonly string[];
  };
  readonly slots: readonly TimeSlot[];
  /** Earlier calls to the same number (epoch ms), for the per-person frequency caps. */
  readonly recentCalls: readonly number[];
  /** Earlier texts to the same number (epoch ms), for the caps that count texts too. */
  readonly recentTexts: readonly number[];
};

export type WindowAnswer = {
  readonly allowed: boolean;
  readonly reason?: string;
  /** When the window next opens (not allowed), absent when it does not open within the policy's horizon. */
  readonly nextOpening?: Date;
  /** The contact's own time the window was judged at (not allowed), ISO with its offset. */
  readonly localTime?: string;
  /** The opening a call now falls in (allowed), for the auditors' record. */
  readonly opensAt?: Date;
  readonly closesAt?: Date;
};

/** "May this contact be called now, and if not, when?" */
export type CallingWindowCheck = (subject: WindowSubject, at: Date) => WindowAnswer;

/** The channels an address may not be reached on, read from its consent stream right before a dispatch. */
export type ConsentCheck = (companyId: string, address: string) => Promise<readonly Channel[]>;

/** The calling-window policy of `domain/outreach` behind the dispatcher's question. */
export const callingWindowCheck =
  (window: CallingWindow): CallingWindowCheck =>
  (subject, at) => {
    const input = {
      contact: subject.contact,
      slots: subject.slots,
      channel: 'voice' as const,
      recentCalls: subject.recentCalls,
      recentTexts: subject.recentTexts,
    };
    const verdict = window.check(input, at.getTime());
    if (!verdict.allowed) {
      const next = window.nextOpening(input, at.getTime());
      return {
        allowed: false,
        reason: verdict.reason,
        localTime: verdict.localTime,
        ...(next !== undefined ? { nextOpening: new Date(next) } : {}),
      };
    }
    const open = window.nextWindow(input, at.getTime());
    return {
      allowed: true,
      opensAt: at,
      ...(open?.closesAt !== undefined ? { closesAt: new Date(open.closesAt) } : {}),
    };
  };

/** The consent ledger's answer, straight from the address's stream (or as `read` reads it before a dispatch). */
export const consentCheck =
  (
    eventStore: EventStore,
    read: ConsentReader = (companyId, address) => consentOf(eventStore, companyId, address),
  ): ConsentCheck =>
  async (companyId, address) => {
    const consent = await read(companyId, address);
    return (['voice', 'sms', 'email'] as const).filter((channel) => consent.blocked[channel]);
  };

/** The window's answer as a dispatch command carries it: instants in ISO, a refusal always with its reason. */
export const windowFact = (answer: WindowAnswer): WindowFact =>
  answer.allowed
    ? {
        open: true,
        ...(answer.opensAt ? { opensAt: answer.opensAt.toISOString() } : {}),
        ...(answer.closesAt ? { closesAt: answer.closesAt.toISOString() } : {}),
      }
    : {
        open: false,
        reason: answer.reason ?? 'outside_calling_window',
        ...(answer.localTime ? { localTime: answer.localTime } : {}),
        ...(answer.nextOpening ? { nextOpening: answer.nextOpening.toISOString() } : {}),
      };
