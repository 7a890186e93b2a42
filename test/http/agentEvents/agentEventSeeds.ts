import { eventId } from '../../../commands/eventIds.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import type { Event } from '../../../domain/events/event.ts';
import type { Api } from '../../support/apiHarness.ts';

const decision = {
  localTime: '2026-03-02T09:00:00-06:00',
  timezone: 'America/Chicago',
  window: {},
  capacity: { limit: 5, inFlight: 0, lines: 20, rate: 1, pacing: null, available: 5 },
};

/** Calls as the dispatcher and the carrier record them, written straight to their streams: these suites need calls, not a dispatcher. */
export const callSeeds = (api: Api, companyId: string) => {
  let seeded = 0;
  const append = (stream: string, events: readonly Event[], at: string) => {
    const commandId = `seed-${++seeded}`;
    return api.stores.eventStore.append(
      stream,
      events.map((event, index) => ({
        id: eventId(commandId, index, new Date(at)),
        type: event.type,
        data: engineRegistry.encode(event),
        metadata: {
          companyId,
          commandId,
          correlationId: commandId,
          causationId: commandId,
          actor: 'test',
          occurredAt: at,
          schemaVersion: 1,
        },
      })),
      'any',
    );
  };

  /** A call to the contact, requested and placed; `attempt` counts the contact's calls. */
  const placedCall = async (campaignId: string, contactId: string, callId: string, at: string, attempt = 1) => {
    await append(
      `enrollment-${campaignId}.${contactId}`,
      [
        {
          type: 'CallRequested',
          data: { campaignId, contactId, callId, attempt, run: 0, to: '+13125550142', requestedAt: at, decision },
        },
      ],
      at,
    );
    await append(
      `call-${callId}`,
      [{ type: 'CallPlaced', data: { callId, campaignId, contactId, carrierCallId: `CA-${callId}`, placedAt: at } }],
      at,
    );
  };

  /** The call's attempt ended on the contact's stream, as the settlement records it. */
  const endedCall = (campaignId: string, contactId: string, callId: string, at: string, attempt = 1) =>
    append(
      `enrollment-${campaignId}.${contactId}`,
      [
        {
          type: 'CallAttemptEnded',
          data: { campaignId, contactId, callId, attempt, run: 0, outcome: 'answered', endedAt: at },
        },
      ],
      at,
    );

  return { append, placedCall, endedCall };
};
