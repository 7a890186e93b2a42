import type { AgentEvent } from '../../domain/agent/events.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import { projectionOf, type DocumentUpdate } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const SENDER_NUMBERS = 'sender_numbers';
export const LAST_OUTREACH = 'last_outreach';

/** One of our numbers and the companies whose agents call from it (more than one makes it shared). */
export type SenderNumber = Doc & { number: string; companyIds: string[] };

/** The latest call or text a company sent to one phone number: whom a reply from that number answers. */
export type LastOutreach = Doc & {
  companyId: string;
  address: string;
  campaignId: string;
  contactId: string;
  at: string;
};

type Fed =
  | AgentEvent
  | Extract<EnrollmentEvent, { type: 'CallRequested' }>
  | Extract<MessageEvent, { type: 'MessageRequested' }>;

const outreach = (
  companyId: string,
  address: string,
  campaignId: string,
  contactId: string,
  at: string,
): DocumentUpdate => ({
  collection: LAST_OUTREACH,
  id: `${companyId}.${address}`,
  // Replayed or late events never move the record back in time.
  apply: (current) =>
    current && (current as LastOutreach).at > at
      ? current
      : { _id: `${companyId}.${address}`, companyId, address, campaignId, contactId, at },
});

/** What an inbound text is routed by: which company owns the number texted, and which campaign last reached the sender. */
export const inboundRoutingProjection = projectionOf<Fed>({
  name: 'inbound_routing',
  version: 1,
  collections: [
    { name: SENDER_NUMBERS, indexes: [] },
    {
      name: LAST_OUTREACH,
      indexes: [
        {
          fields: [
            ['address', 1],
            ['at', -1],
          ],
        },
      ],
    },
  ],
  handlers: {
    AgentCreated: (event) => {
      const { companyId } = event.metadata;
      const number = event.data.callerNumber;
      return [
        {
          collection: SENDER_NUMBERS,
          id: number,
          apply: (current) => {
            const known = (current as SenderNumber | undefined)?.companyIds ?? [];
            const companyIds = known.includes(companyId) ? known : [...known, companyId];
            // Documents carry a company; a shared number's is the first that used it.
            return { _id: number, companyId: companyIds[0]!, number, companyIds };
          },
        },
      ];
    },
    CallRequested: (event) => [
      outreach(
        event.metadata.companyId,
        event.data.to,
        event.data.campaignId,
        event.data.contactId,
        event.data.requestedAt,
      ),
    ],
    MessageRequested: (event) =>
      event.data.channel === 'sms'
        ? [
            outreach(
              event.metadata.companyId,
              event.data.to,
              event.data.campaignId,
              event.data.contactId,
              event.data.requestedAt,
            ),
          ]
        : [],
  },
});
