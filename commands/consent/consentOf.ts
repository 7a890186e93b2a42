import { consentAddress, type ConsentAddress } from '../../domain/consent/address.ts';
import { consentDecider, type ConsentState, type DispatchChannel } from '../../domain/consent/decider.ts';
import { consentStream } from '../../domain/consent/events.ts';
import { aggregateStream } from '../aggregateStream.ts';
import type { EventStore } from '../eventStore.ts';

/** The consent of one address as its stream says right now: no read model, so an opt-out counts at once. */
export type Consent = ConsentState & {
  readonly address: ConsentAddress;
  /** Revision of the consent stream that was read, -1 when the address never opted out or in. */
  readonly revision: number;
};

export const consentOf = async (eventStore: EventStore, companyId: string, rawAddress: string): Promise<Consent> => {
  const address = consentAddress(rawAddress);
  const { state, revision } = await aggregateStream(
    eventStore,
    consentDecider,
    consentStream(companyId, address.value),
  );
  return { ...state, address, revision: revision === undefined ? -1 : Number(revision) };
};

/** Whether a dispatch on this channel may go to this address. */
export const allowsDispatch = (consent: ConsentState, channel: DispatchChannel): boolean => !consent.blocked[channel];

/** How a dispatch reads an address's consent for a company right before it goes out. */
export type ConsentReader = (companyId: string, address: string) => Promise<ConsentState>;
