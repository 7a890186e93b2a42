import { DateTime } from 'luxon';
import { ConcurrencyError, IllegalStateError } from '../../domain/errors.ts';
import type { CapacityRecord } from '../../domain/enrollment/events.ts';
import type { EnrollmentHandler, CallHandler } from '../../commands/outreach/enrollmentHandler.ts';
import type { CallSettlement } from '../../commands/outreach/callSettlement.ts';
import type { CommandContext } from '../../commands/commandContext.ts';
import type { Telephony } from '../../commands/outreach/telephony.ts';
import type { DueContact } from '../../projections/outreach/dueQueueProjection.ts';
import type { DispatchCampaign, DispatchRun } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import type { CallingWindowCheck, ConsentCheck } from './policies.ts';
import type { DispatchReads } from './dispatchReads.ts';
import { NO_WINDOW_PREFIX } from '../../domain/outreach/windowRefusal.ts';

export type DispatchResult = 'requested' | 'rescheduled' | 'withheld' | 'skipped';

export type ContactDispatchDeps = {
  readonly reads: DispatchReads;
  readonly enrollments: EnrollmentHandler;
  readonly calls: CallHandler;
  readonly settlement: CallSettlement;
  readonly telephony: Telephony;
  readonly callingWindow: CallingWindowCheck;
  readonly consent: ConsentCheck;
  readonly newId: () => string;
  readonly callbackUrls: (callId: string) => { instructionsUrl: string; statusCallbackUrl: string };
  readonly machineDetection: boolean;
  readonly record: boolean;
  readonly onError: (error: unknown, what: string) => void;
  /** Global position of each append, so the next tick can wait for the read models to have it. */
  readonly wrote: (position: bigint) => void;
};

export type DispatchAttempt = {
  readonly campaign: DispatchCampaign;
  readonly run: DispatchRun;
  readonly contact: DueContact;
  readonly capacity: CapacityRecord;
  readonly callerNumber: string;
  readonly now: Date;
};

/** Another dispatcher acted first, or the contact changed meanwhile: nothing to do. */
const lostRace = (error: unknown): boolean => error instanceof ConcurrencyError || error instanceof IllegalStateError;

/**
 * One due contact: inside its calling window and not opted out, its call is requested on its stream at
 * the revision the queue showed, and only then dialled; outside its window it waits for the next opening.
 */
export const contactDispatch = (deps: ContactDispatchDeps) => async (attempt: DispatchAttempt): Promise<DispatchResult> => {
  const { campaign, run, contact, capacity, now } = attempt;
  const { campaignId, contactId, companyId } = contact;
  const context = (commandId: string): CommandContext => ({ commandId, companyId, actor: 'dispatcher', now });
  const guarded = async (what: string, act: () => Promise<{ position: bigint }>): Promise<boolean> => {
    try {
      deps.wrote((await act()).position);
      return true;
    } catch (error) {
      if (!lostRace(error)) deps.onError(error, what);
      return false;
    }
  };
  const expectedRevision = contact.revision;
  const stamp = `${contact._id}@${contact.revision}`;

  const recent = await deps.reads.recentOutreachTo(companyId, contact.phone, now);
  const slots = run.slots.length > 0 ? run.slots : campaign.scheduleSlots;
  const subject = {
    contact: { timezone: contact.timezone, phone: contact.phone, ...(contact.state ? { state: contact.state } : {}), ...(contact.areaCodeTimezones ? { areaCodeTimezones: contact.areaCodeTimezones } : {}) },
    slots,
    recentCalls: recent.calls,
    recentTexts: recent.texts,
  };
  const window = deps.callingWindow(subject, now);
  if (!window.allowed) {
    const at = now.toISOString();
    const reason = window.reason ?? 'outside_calling_window';
    const done = window.nextOpening
      ? await guarded('reschedule', () => deps.enrollments({ type: 'RescheduleCall', data: { campaignId, contactId, at, nextAt: window.nextOpening!.toISOString(), reason, ...(window.localTime ? { localTime: window.localTime } : {}), expectedRevision } }, context(`reschedule-${stamp}`)))
      : await guarded('withhold', () => deps.enrollments({ type: 'WithholdCalls', data: { campaignId, contactId, at, reason: `${NO_WINDOW_PREFIX}${reason}`, expectedRevision } }, context(`withhold-${stamp}`)));
    return done ? (window.nextOpening ? 'rescheduled' : 'withheld') : 'skipped';
  }

  if ((await deps.consent(companyId, contact.phone)).includes('voice')) {
    const done = await guarded('withhold', () => deps.enrollments({ type: 'WithholdCalls', data: { campaignId, contactId, at: now.toISOString(), reason: 'opted_out', expectedRevision } }, context(`withhold-${stamp}`)));
    return done ? 'withheld' : 'skipped';
  }

  const callId = deps.newId();
  const decision = {
    localTime: DateTime.fromJSDate(now, { zone: contact.timezone }).toISO() ?? now.toISOString(),
    timezone: contact.timezone,
    window: { ...(window.opensAt ? { opensAt: window.opensAt.toISOString() } : {}), ...(window.closesAt ? { closesAt: window.closesAt.toISOString() } : {}) },
    capacity,
  };
  const requested = await guarded('request', () =>
    deps.enrollments(
      { type: 'RequestCall', data: { campaignId, contactId, callId, run: run.index, to: contact.phone, requestedAt: now.toISOString(), campaignStatus: campaign.status, decision, expectedRevision } },
      context(`dispatch-${callId}`),
    ),
  );
  if (!requested) return 'skipped';

  try {
    const { carrierCallId } = await deps.telephony.placeCall({ callId, to: contact.phone, from: attempt.callerNumber, ...deps.callbackUrls(callId), machineDetection: deps.machineDetection, record: campaign.recordCalls ?? deps.record });
    const placed = await deps.calls({ type: 'RecordCallPlaced', data: { callId, campaignId, contactId, carrierCallId, placedAt: now.toISOString() } }, context(`placed-${callId}`));
    deps.wrote(placed.position);
    await deps.settlement.settle(callId, context(`settle-${callId}`));
  } catch (error) {
    // Whether the carrier dialled is unknown: reconciliation asks it, rather than dialling again.
    deps.onError(error, 'place call');
  }
  return 'requested';
};
