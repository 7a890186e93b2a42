import { expectedAt } from '../../commands/expectedRevision.ts';
import { ConcurrencyError, IllegalStateError } from '../../domain/errors.ts';
import type { CapacityRecord } from '../../domain/enrollment/events.ts';
import type { DispatchContact } from '../../domain/enrollment/commands.ts';
import { dispatchOutcome, type DispatchOutcome } from '../../domain/enrollment/dispatch.ts';
import type { EnrollmentHandler, CallHandler } from '../../commands/outreach/enrollmentHandler.ts';
import type { CallSettlement } from '../../commands/outreach/callSettlement.ts';
import type { CommandContext } from '../../commands/commandContext.ts';
import type { Telephony } from '../../commands/outreach/telephony.ts';
import type { DueContact } from '../../projections/outreach/dueQueueProjection.ts';
import type { DispatchCampaign, DispatchRun } from '../../projections/outreach/dispatchCampaignsProjection.ts';
import { windowFact, type CallingWindowCheck, type ConsentCheck } from './policies.ts';
import type { DispatchReads } from './dispatchReads.ts';

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

/** How each outcome is counted in a tick, and named in the onError report. */
const resultOf: Record<DispatchOutcome['kind'], { result: DispatchResult; what: string }> = {
  none: { result: 'skipped', what: 'dispatch' },
  reschedule: { result: 'rescheduled', what: 'reschedule' },
  withhold: { result: 'withheld', what: 'withhold' },
  call: { result: 'requested', what: 'request' },
};

/**
 * One due contact: its calling window, then (once that is open) its consent are read, and the
 * enrollment decider answers what becomes of it, at the revision the queue showed. A call it requests
 * is dialled only after the request is recorded.
 */
export const contactDispatch =
  (deps: ContactDispatchDeps) =>
  async (attempt: DispatchAttempt): Promise<DispatchResult> => {
    const { campaign, run, contact, capacity, now } = attempt;
    const { campaignId, contactId, companyId } = contact;
    const context = (commandId: string): CommandContext => ({ commandId, companyId, actor: 'dispatcher', now });

    const recent = await deps.reads.recentOutreachTo(companyId, contact.phone, now);
    const subject = {
      contact: {
        timezone: contact.timezone,
        phone: contact.phone,
        ...(contact.state ? { state: contact.state } : {}),
        ...(contact.areaCodeTimezones ? { areaCodeTimezones: contact.areaCodeTimezones } : {}),
      },
      slots: run.slots.length > 0 ? run.slots : campaign.scheduleSlots,
      recentCalls: recent.calls,
      recentTexts: recent.texts,
    };
    const window = windowFact(deps.callingWindow(subject, now));
    // Consent is read right before a call may go out; its read can record a revocation, so not for a closed window.
    const optedOut = window.open ? (await deps.consent(companyId, contact.phone)).includes('voice') : undefined;
    const callId = deps.newId();
    const command: DispatchContact = {
      type: 'DispatchContact',
      data: {
        campaignId,
        contactId,
        at: now.toISOString(),
        callId,
        run: run.index,
        to: contact.phone,
        timezone: contact.timezone,
        campaignStatus: campaign.status,
        capacity,
        window,
        ...(optedOut !== undefined ? { optedOut } : {}),
      },
    };

    // Each outcome keeps its own command id (the call's, or the contact's revision), so a re-sent one records nothing twice.
    const stamp = `${contact._id}@${contact.revision}`;
    const outcome = dispatchOutcome(command.data).kind;
    const commandId = outcome === 'reschedule' || outcome === 'withhold' ? `${outcome}-${stamp}` : `dispatch-${callId}`;
    try {
      deps.wrote(
        (await deps.enrollments(command, context(commandId), { expectedRevision: expectedAt(contact.revision) }))
          .position,
      );
    } catch (error) {
      if (!lostRace(error)) deps.onError(error, resultOf[outcome].what);
      return 'skipped';
    }
    if (outcome !== 'call') return resultOf[outcome].result;

    try {
      const { carrierCallId } = await deps.telephony.placeCall({
        callId,
        to: contact.phone,
        from: attempt.callerNumber,
        ...deps.callbackUrls(callId),
        machineDetection: deps.machineDetection,
        record: campaign.recordCalls ?? deps.record,
      });
      const placed = await deps.calls(
        {
          type: 'RecordCallPlaced',
          data: { callId, campaignId, contactId, carrierCallId, placedAt: now.toISOString() },
        },
        context(`placed-${callId}`),
      );
      deps.wrote(placed.position);
      await deps.settlement.settle(callId, context(`settle-${callId}`));
    } catch (error) {
      // Whether the carrier dialled is unknown: reconciliation asks it, rather than dialling again.
      deps.onError(error, 'place call');
    }
    return 'requested';
  };
