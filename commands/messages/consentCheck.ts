import { allowsDispatch, consentOf } from '../consent/consentOf.ts';
import type { EventStore } from '../eventStore.ts';
import type { ConsentCheck } from './sendWorkflowStep.ts';

/** Consent as the address's own stream says right now, so an opt-out counts before the next message. */
export const streamConsentCheck =
  (eventStore: EventStore): ConsentCheck =>
  async (companyId, address, channel) =>
    allowsDispatch(await consentOf(eventStore, companyId, address), channel);
