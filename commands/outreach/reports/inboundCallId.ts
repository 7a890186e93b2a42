import { v5, validate, version } from 'uuid';

/** The namespace of inbound call ids: name-based UUIDs of the carrier's call id. */
const INBOUND_CALLS = '3f6c1d0e-8b7a-4c55-9d3e-2a1f0b9c7e64';

/**
 * An inbound call's id, derived from the carrier's call id so a repeated request is the same call.
 * It cannot be time-ordered (the carrier's request carries no time of its own), so it is a version 5
 * UUID, which also tells it apart from the engine's version 7 ids.
 */
export const inboundCallIdOf = (carrierCallId: string): string => v5(carrierCallId, INBOUND_CALLS);

export const isInboundCallId = (callId: string): boolean => validate(callId) && version(callId) === 5;
