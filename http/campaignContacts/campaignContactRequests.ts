import * as t from 'io-ts';
import { withSchema } from '../codecSchema.ts';
import { PageQuery } from '../pageQuery.ts';
import { positionProperty } from '../responses.ts';

/** Contacts one request may change: one bounded command, as for cases. */
export const MAX_CONTACTS_PER_REQUEST = 1000;

/** 1 to `MAX_CONTACTS_PER_REQUEST` ids of 1 to 100 characters, named in the product's words (`contact ids`). */
export const IdList = (what: string) =>
  withSchema(
    new t.Type<string[], string[], unknown>(
      `an array of 1 to ${MAX_CONTACTS_PER_REQUEST} ${what}`,
      (u): u is string[] =>
        Array.isArray(u) &&
        u.length >= 1 &&
        u.length <= MAX_CONTACTS_PER_REQUEST &&
        u.every((id) => typeof id === 'string' && id.length > 0),
      (u, c) =>
        Array.isArray(u) &&
        u.length >= 1 &&
        u.length <= MAX_CONTACTS_PER_REQUEST &&
        u.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)
          ? t.success(u as string[])
          : t.failure(u, c, `expected an array of 1 to ${MAX_CONTACTS_PER_REQUEST} ${what}`),
      t.identity,
    ),
    {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 100 },
      minItems: 1,
      maxItems: MAX_CONTACTS_PER_REQUEST,
    },
  );

const ContactIds = IdList('contact ids');

/** Complete, resume, complete all calls: which contacts, and optionally why (kept in the events). */
export const ContactIdsRequest = t.exact(
  t.intersection([t.type({ contactIds: ContactIds }), t.partial({ reason: t.string })]),
);

export const CampaignContactStatus = t.keyof(
  { active: null, completed: null, completed_all_calls: null },
  'active, completed or completed_all_calls',
);

const Search = withSchema(
  new t.Type<string, string, unknown>(
    'a search of 1 to 100 characters',
    (u): u is string => typeof u === 'string' && u.trim().length > 0 && u.length <= 100,
    (u, c) =>
      typeof u === 'string' && u.trim().length > 0 && u.length <= 100
        ? t.success(u)
        : t.failure(u, c, 'expected a search of 1 to 100 characters'),
    t.identity,
  ),
  { type: 'string', minLength: 1, maxLength: 100 },
);

export const ContactsQuery = t.intersection([
  PageQuery,
  t.partial({ status: CampaignContactStatus, search: Search, minPosition: t.string }),
]);

const nullable = (type: string) => ({ type: [type, 'null'] });

export const campaignContactSchema = {
  type: 'object',
  required: ['campaignId', 'contactId', 'caseId', 'externalId', 'phone', 'status', 'attempts', 'lastActivityAt'],
  properties: {
    campaignId: { type: 'string' },
    contactId: { type: 'string' },
    caseId: { type: 'string' },
    externalId: { type: 'string' },
    name: nullable('string'),
    phone: { type: 'string', description: 'E.164' },
    email: nullable('string'),
    status: { type: 'string', enum: ['active', 'completed', 'completed_all_calls'] },
    attempts: { type: 'integer', description: 'calls requested for the contact, every run' },
    lastOutcome: { ...nullable('string'), description: 'outcome of the last call that ended' },
    lastActivityAt: { type: 'string', format: 'date-time' },
    nextAttemptAt: {
      ...nullable('string'),
      description: 'when the next call is due; null when none is planned or one is in progress',
    },
    nextMessageAt: { ...nullable('string'), description: 'when the next planned message step is due' },
  },
};

export const contactsAnswerSchema = {
  type: 'object',
  required: ['contacts', 'changed', 'position'],
  properties: {
    contacts: {
      type: 'array',
      items: {
        type: 'object',
        required: ['contactId', 'status', 'changed'],
        properties: {
          contactId: { type: 'string' },
          status: { type: 'string' },
          changed: { type: 'boolean', description: 'false when the contact was already so' },
        },
      },
    },
    changed: { type: 'integer' },
    position: positionProperty,
  },
};

export const importAnswerSchema = {
  type: 'object',
  required: ['completed', 'skipped', 'position'],
  properties: {
    completed: { type: 'integer', description: 'contacts matched, each now completed' },
    skipped: {
      type: 'array',
      items: {
        type: 'object',
        required: ['externalId', 'reason'],
        properties: { externalId: { type: 'string' }, reason: { type: 'string', enum: ['no_match', 'ambiguous'] } },
      },
    },
    position: positionProperty,
  },
};
