import type { Event } from '../../domain/events/event.ts';
import { projectionOf } from '../../projections/projection.ts';

type Attempted = { campaignId: string; contactId: string; companyId: string; attempt: number; outcome: string };

/** A read model shaped like the campaign contacts view: one document per contact with its latest attempt. */
export const contactAttemptsProjection = projectionOf<Event<'ContactAttempted', Attempted>>({
  name: 'bench_contact_attempts',
  version: 1,
  collections: [
    {
      name: 'bench_contact_attempts',
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['campaignId', 1],
            ['status', 1],
          ],
        },
        {
          fields: [
            ['companyId', 1],
            ['lastOutcome', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    ContactAttempted: (event) => {
      const data = event.data;
      return [
        {
          collection: 'bench_contact_attempts',
          id: data.contactId,
          apply: (current) => ({
            _id: data.contactId,
            companyId: data.companyId,
            campaignId: data.campaignId,
            attempts: ((current?.['attempts'] as number | undefined) ?? 0) + 1,
            lastOutcome: data.outcome,
            status: data.outcome === 'answered' ? 'completed' : 'active',
            updatedAt: event.metadata.occurredAt,
          }),
        },
      ];
    },
  },
});
