import { withPosition } from '../responses.ts';
import { codecSchema } from '../codecSchema.ts';
import { Draft } from '../../domain/campaign/draft.ts';

/** Documented shapes of the campaign answers. */

const counts = {
  type: 'object',
  properties: {
    cases: { type: 'integer', description: 'cases of the list frozen at launch' },
    contacts: { type: 'integer', description: 'contacts of the list frozen at launch' },
    enrolled: { type: 'integer', description: 'contacts enrolled so far' },
  },
};

const status = { enum: ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED'] };

export const campaignSchema = {
  type: 'object',
  required: ['id', 'companyId', 'name', 'status', 'draft', 'revision', 'createdAt', 'updatedAt', 'counts'],
  properties: {
    id: { type: 'string' },
    companyId: { type: 'string' },
    name: { type: 'string' },
    status,
    step: { type: 'string', description: 'the builder step the draft was left on' },
    draft: { ...codecSchema(Draft), description: 'every saved part; after launch, the settings as launched' },
    revision: { type: 'integer', description: 'the campaign stream revision; send it back in If-Match' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    launch: {
      type: 'object',
      properties: {
        launchedAt: { type: 'string', format: 'date-time' },
        list: { type: 'object' },
        companyHours: { type: 'object' },
        taskFields: { type: 'array', items: { type: 'string' }, description: "the form's task fields at launch" },
      },
    },
    counts,
    enrolledContacts: {
      type: 'integer',
      description: 'fewer than `counts.contacts` while the launch is still enrolling',
    },
    enrolledBatches: { type: 'integer', description: 'enrolment batches recorded' },
    pausedAt: { type: 'string', format: 'date-time' },
    resumedAt: { type: 'string', format: 'date-time' },
    completedAt: { type: 'string', format: 'date-time' },
  },
};

export const campaignWithPosition = withPosition(campaignSchema);

export const asOfSchema = {
  ...campaignSchema,
  properties: {
    ...campaignSchema.properties,
    asOf: {
      type: 'object',
      properties: { requested: { type: 'string' }, position: { type: 'string', description: 'the last event folded' } },
    },
  },
};

export const campaignListSchema = {
  type: 'object',
  required: ['items', 'next', 'activeCampaigns', 'countsByStatus'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          status,
          type: { type: ['string', 'null'] },
          step: { type: ['string', 'null'] },
          counts,
          createdAt: { type: 'string' },
          launchedAt: { type: ['string', 'null'] },
          updatedAt: { type: 'string' },
          revision: { type: 'integer' },
        },
      },
    },
    next: { type: ['string', 'null'], description: 'cursor for ?after=, null on the last page' },
    activeCampaigns: { type: 'integer', description: 'campaigns ACTIVE now; drafts never count' },
    countsByStatus: {
      type: 'object',
      properties: {
        DRAFT: { type: 'integer' },
        ACTIVE: { type: 'integer' },
        PAUSED: { type: 'integer' },
        COMPLETED: { type: 'integer' },
      },
    },
  },
};

export const historySchema = {
  type: 'object',
  required: ['items', 'next'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['revision', 'position', 'type', 'data', 'occurredAt', 'actor'],
        properties: {
          revision: { type: 'integer' },
          position: { type: 'string' },
          type: { type: 'string' },
          data: { type: 'object' },
          occurredAt: { type: 'string', format: 'date-time' },
          actor: { type: 'string' },
          commandId: { type: 'string' },
        },
      },
    },
    next: {
      type: ['string', 'null'],
      description: 'the last revision of this page, for ?after=; null on the last page',
    },
  },
};
