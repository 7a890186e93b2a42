import { allowsDispatch, consentOf, type ConsentReader } from '../consent/consentOf.ts';
import type { EventStore } from '../eventStore.ts';
import type { ConsentCheck } from './sendWorkflowStep.ts';

/** Consent as the address's own stream says right now (or as `read` reads it before a dispatch), so an opt-out counts before the next message. */
export const streamConsentCheck =
  (
    eventStore: EventStore,
    read: ConsentReader = (companyId, address) => consentOf(eventStore, companyId, address),
  ): ConsentCheck =>
  async (companyId, address, channel) =>
    allowsDispatch(await read(companyId, address), channel);
