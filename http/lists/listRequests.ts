import * as t from 'io-ts';
import { CaseType, NonEmptyString } from '../../domain/values.ts';
import { CaseInput } from '../../commands/lists/caseNormalisation.ts';
import { CSV_COLUMNS } from '../../commands/lists/csvRows.ts';
import { codecSchema, withSchema } from '../codecSchema.ts';

/** `POST /v1/lists`. */
export const CreateListRequest = t.exact(t.type({ name: NonEmptyString, caseType: CaseType }));

/** One JSON request is one bounded command; larger batches go in several requests or a CSV import. */
export const MAX_CASES_PER_REQUEST = 1000;

const BoundedCases = withSchema(
  new t.Type<unknown[], unknown[], unknown>(
    `an array of 1 to ${MAX_CASES_PER_REQUEST} cases`,
    (u): u is unknown[] => Array.isArray(u) && u.length >= 1 && u.length <= MAX_CASES_PER_REQUEST,
    (u, c) =>
      Array.isArray(u) && u.length >= 1 && u.length <= MAX_CASES_PER_REQUEST
        ? t.success(u)
        : t.failure(u, c, `expected an array of 1 to ${MAX_CASES_PER_REQUEST} cases`),
    t.identity,
  ),
  { type: 'array', items: { type: 'object' }, minItems: 1, maxItems: MAX_CASES_PER_REQUEST },
);

/** `POST /v1/lists/:id/cases`: the envelope is checked here; each case is checked on its own and refused alone. */
export const AddCasesRequest = t.type({ cases: BoundedCases });

export const addCasesBodySchema = {
  ...codecSchema(t.type({ cases: t.array(CaseInput) })),
  description: `1 to ${MAX_CASES_PER_REQUEST} cases; phones in any common format (numbers without a country code are US numbers), state as a code or name`,
};

export const importBodySchema = {
  type: 'string',
  description: `CSV with the header ${CSV_COLUMNS.join(',')} (externalId, caseType, name and phone required; any order), one contact a row; rows with the same externalId form one case`,
};

const counts = {
  type: 'object',
  required: ['cases', 'contacts'],
  properties: { cases: { type: 'integer' }, contacts: { type: 'integer' } },
};

export const listSchema = {
  type: 'object',
  required: ['id', 'companyId', 'name', 'caseType', 'counts', 'createdAt'],
  properties: {
    id: { type: 'string' },
    companyId: { type: 'string' },
    name: { type: 'string' },
    caseType: { type: 'string' },
    counts,
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
  },
};

const contactSchema = {
  type: 'object',
  required: ['contactId', 'name', 'phone', 'timezone', 'timezoneSource'],
  properties: {
    contactId: { type: 'string' },
    name: { type: 'string' },
    phone: { type: 'string', description: 'E.164' },
    email: { type: 'string' },
    state: { type: 'string', description: 'two-letter US state or territory code' },
    mobileAppStatus: { type: 'string' },
    timezone: { type: 'string', description: 'IANA zone the contact is called in' },
    timezoneSource: { enum: ['contact', 'state', 'area_code', 'company'] },
    areaCodeTimezones: {
      type: 'array',
      items: { type: 'string' },
      description: "every zone the phone's prefix may be in",
    },
  },
};

export const caseSchema = {
  type: 'object',
  required: ['id', 'listId', 'externalId', 'caseType', 'contacts', 'fields', 'addedAt'],
  properties: {
    id: { type: 'string' },
    companyId: { type: 'string' },
    listId: { type: 'string' },
    externalId: { type: 'string' },
    caseType: { type: 'string' },
    contacts: { type: 'array', items: contactSchema },
    fields: {
      type: 'object',
      additionalProperties: { type: ['string', 'number', 'boolean'] },
      description:
        "the case's fields as campaigns' form answers wrote them through their field mappings (a cleared field is absent)",
    },
    fieldsUpdatedAt: {
      type: 'string',
      format: 'date-time',
      description: 'when the answer behind the latest change was taken down',
    },
    addedAt: { type: 'string', format: 'date-time' },
  },
};

const outcome = (rejectedBy: 'index' | 'row') => ({
  type: 'object',
  required: ['added', 'addedContacts', 'rejected', 'position'],
  properties: {
    added: { type: 'integer', description: 'cases added' },
    addedContacts: { type: 'integer', description: 'contacts added with them' },
    rejected: {
      type: 'array',
      items: {
        type: 'object',
        required: [rejectedBy, 'reason'],
        properties: { [rejectedBy]: { type: 'integer' }, reason: { type: 'string' } },
      },
      description:
        rejectedBy === 'row' ? 'rows by line number (the header is line 1)' : 'cases by their index in `cases`',
    },
    position: { type: 'string' },
  },
});

export const addCasesAnswerSchema = outcome('index');
export const importAnswerSchema = outcome('row');
