import { aggregateStream, readStreamOf } from '../../aggregateStream.ts';
import { callDecider } from '../../../domain/call/decider.ts';
import { callStream } from '../../../domain/call/events.ts';
import type { CallState } from '../../../domain/call/state.ts';
import { enrollmentStream, type EnrollmentEvent } from '../../../domain/enrollment/events.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import { DISPATCHED_CALLS, type DispatchedCall } from '../../../projections/outreach/dispatchedCallsProjection.ts';
import { collection } from '../../../projections/collection.ts';
import type { ReadStore } from '../../../projections/readStore.ts';
import type { EventStore } from '../../eventStore.ts';
import { pause, type Scheduler } from '../../scheduler.ts';
import { named } from '../../../domain/namedValue.ts';

/** Whose call it is and where it stands: what every report about a call needs before it can be recorded. */
export type CallOwner = {
  readonly callId: string;
  readonly companyId: string;
  readonly campaignId: string;
  readonly contactId: string;
  /** The number dialled, from the contact's request of the call; read only when asked (only opt-outs need it). */
  readonly to: () => Promise<string | undefined>;
  readonly carrierCallId: string | undefined;
  readonly state: CallState;
};

/** An inbound call from a campaign contact is theirs as a placed call is; an unknown caller's has no contact to report on. */
const knownCaller = (inbound: CallState['inbound']) =>
  inbound?.campaignId !== undefined && inbound.contactId !== undefined
    ? { campaignId: inbound.campaignId, contactId: inbound.contactId }
    : undefined;

/**
 * Finds a call's company, campaign and contact: from its own stream once the placement is recorded,
 * otherwise from the requested calls read model, waiting up to `waitMs` of real time for it (a callback
 * can beat both).
 */
export const callOwnerFinder = (
  eventStore: EventStore,
  readStore: ReadStore,
  lookup: { readonly realTime: Scheduler; readonly waitMs?: number },
) => {
  const { realTime, waitMs = 2_000 } = lookup;
  const dispatchedCalls = collection<DispatchedCall>(readStore, DISPATCHED_CALLS);
  const foldCall = async (callId: string) => {
    let companyId: string | undefined;
    const { state } = await aggregateStream(eventStore, callDecider, callStream(callId), {
      each: (event) => (companyId ??= event.metadata.companyId),
    });
    return { state, companyId };
  };

  const requested = async (callId: string): Promise<DispatchedCall | null> => {
    const deadline = realTime.now().getTime() + waitMs;
    for (;;) {
      const doc = await dispatchedCalls.get(callId);
      if (doc || realTime.now().getTime() >= deadline) return doc;
      await pause(realTime, 50);
    }
  };

  const dialled = async (campaignId: string, contactId: string, callId: string): Promise<string | undefined> => {
    for await (const event of readStreamOf<EnrollmentEvent>(eventStore, enrollmentStream(campaignId, contactId)))
      if (event.type === 'CallRequested' && event.data.callId === callId) return event.data.to;
    return undefined;
  };

  return async (callId: string): Promise<CallOwner> => {
    const call = await foldCall(callId);
    const placement = call.state.placement ?? knownCaller(call.state.inbound);
    // An inbound call is never dispatched: its own stream is all there is to read.
    const doc = (placement && call.companyId) || call.state.inbound ? undefined : await requested(callId);
    const companyId = placement ? call.companyId : doc?.companyId;
    const campaignId = placement?.campaignId ?? doc?.campaignId;
    const contactId = placement?.contactId ?? doc?.contactId;
    if (!companyId || !campaignId || !contactId) throw new NotFoundError('CALL.NOT_FOUND', `No call ${named(callId)}.`);
    return {
      callId,
      companyId,
      campaignId,
      contactId,
      to: async () => doc?.to ?? dialled(campaignId, contactId, callId),
      carrierCallId: call.state.carrierCallId ?? doc?.carrierCallId,
      state: call.state,
    };
  };
};

export type CallOwnerFinder = ReturnType<typeof callOwnerFinder>;
