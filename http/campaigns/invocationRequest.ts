import * as t from 'io-ts';
import { closed } from '../../domain/codecs/closed.ts';
import { IdList } from '../campaignContacts/campaignContactRequests.ts';
import { invocationSkips } from '../../domain/enrollment/invocation.ts';
import { positionProperty } from '../responses.ts';

/** Whom to reach now: contact ids, case external ids, both, or (neither) every contact of the campaign. */
export const InvocationRequest = closed(
  t.partial({ contactIds: IdList('contact ids'), externalIds: IdList('case external ids') }),
);

/** What a CRM or case system sends, as the OpenAPI document shows it. */
export const invocationExamples = {
  everyone: { summary: 'every contact of the campaign', value: {} },
  contacts: { summary: 'contacts by id', value: { contactIds: ['0193a1c2-7b1e-7c00-8000-5d2f1e0a9b31'] } },
  cases: {
    summary: 'every contact of these cases, by external id',
    value: { externalIds: ['PI-2024-0117', 'PI-2024-0118'] },
  },
};

export const invocationAnswerSchema = {
  type: 'object',
  required: ['invocationId', 'scheduled', 'skipped', 'position'],
  properties: {
    invocationId: {
      type: 'string',
      description: 'kept on the campaign stream (`CampaignInvoked`) and on each contact made due (`ContactInvoked`)',
    },
    scheduled: {
      type: 'integer',
      description:
        'contacts made due now; the dispatcher calls each inside its calling window, consent and capacity permitting',
    },
    skipped: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'reason'],
        properties: {
          id: { type: 'string', description: 'the contact id' },
          reason: { type: 'string', enum: [...invocationSkips] },
        },
      },
    },
    position: positionProperty,
  },
  examples: [
    {
      invocationId: 'idempotent-3f9a…',
      scheduled: 2,
      skipped: [{ id: '0193a1c2-7b1e-7c00-8000-5d2f1e0a9b32', reason: 'completed' }],
      position: '1842',
    },
  ],
};
