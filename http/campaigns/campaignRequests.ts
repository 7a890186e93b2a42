import * as t from 'io-ts';
import { NonEmptyString } from '../../domain/values.ts';
import { BuilderStep, DraftChanges } from '../../domain/campaign/draft.ts';
import { ValidationError } from '../../domain/errors.ts';
import { PageQuery } from '../pageQuery.ts';
import { withSchema } from '../codecSchema.ts';
import { refuseUnknownFields } from '../unknownFields.ts';

/** `POST /v1/campaigns`: a draft starts with its name alone. */
export const CreateCampaignRequest = t.exact(t.type({ name: NonEmptyString }));

/** `PATCH /v1/campaigns/:id`: any subset of the draft; `null` clears a part. */
export const SaveDraftRequest = DraftChanges;

/** Names of the parts an autosave may carry; anything else is most likely a typo, and is refused by name. */
const savable = new Set(Object.keys(DraftChanges.props));

export const unknownDraftParts = (body: unknown): void =>
  refuseUnknownFields(body, savable, { field: 'part', of: 'a campaign' });

export const ChangeStepRequest = t.exact(t.type({ step: BuilderStep }));

/** Pause, resume and complete may say why; the reason is kept in the event for auditors. */
export const LifecycleRequest = t.exact(t.partial({ reason: t.string }));

const digits = (name: string, pattern: RegExp) =>
  new t.Type<string, string, unknown>(
    name,
    (u): u is string => typeof u === 'string' && pattern.test(u),
    (u, c) => (typeof u === 'string' && pattern.test(u) ? t.success(u) : t.failure(u, c, `expected ${name}`)),
    t.identity,
  );

export const campaignStatuses = ['DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED'] as const;

/** `?status=draft,active`: one or more statuses, in either case. */
const StatusFilter = withSchema(
  new t.Type<string[], string, unknown>(
    'one or more of DRAFT, ACTIVE, PAUSED, COMPLETED, comma-separated',
    (u): u is string[] => Array.isArray(u),
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'expected one or more of DRAFT, ACTIVE, PAUSED, COMPLETED');
      const wanted = u.split(',').map((s) => s.trim().toUpperCase());
      return wanted.every((s) => (campaignStatuses as readonly string[]).includes(s))
        ? t.success(wanted)
        : t.failure(u, c, 'expected one or more of DRAFT, ACTIVE, PAUSED, COMPLETED');
    },
    (a) => a.join(','),
  ),
  { type: 'string', examples: ['DRAFT', 'active,paused'] },
);

export const CampaignsQuery = t.intersection([PageQuery, t.partial({ status: StatusFilter })]);

/** `?asOf=`: a global position (digits) or an ISO-8601 time. */
export const CampaignQuery = t.exact(t.partial({ asOf: t.string }));

/** The history pages by revision: `after` is the last revision of the previous page. */
export const HistoryQuery = t.intersection([
  PageQuery,
  t.partial({ after: digits('a revision (digits)', /^\d{1,15}$/) }),
]);

/** The point `?asOf=` names, or a ValidationError naming `asOf`. */
export const asOfPoint = (asOf: string): { position: bigint } | { time: Date } => {
  if (/^\d{1,20}$/.test(asOf)) return { position: BigInt(asOf) };
  const time = Date.parse(asOf);
  if (/^\d{4}-\d{2}-\d{2}/.test(asOf) && !Number.isNaN(time)) return { time: new Date(time) };
  throw new ValidationError('QUERY.INVALID_AS_OF', 'asOf must be a global position (digits) or an ISO-8601 time.', [
    { path: 'asOf', message: 'expected a position (digits) or an ISO-8601 time' },
  ]);
};
