import { expect } from 'chai';
import type { CompanyEvent } from '../../../domain/company/events.ts';
import { defaultCampaignSettings } from '../../../domain/company/defaultSettings.ts';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import type { Doc } from '../../../projections/readStore.ts';
import type { Projection } from '../../../projections/projection.ts';
import { apiKeysProjection } from '../../../projections/company/apiKeysProjection.ts';
import { companySettingsProjection } from '../../../projections/company/companySettingsProjection.ts';
import {
  companyCreated,
  companyId,
  firstKeyId,
  keyIssued,
  keyRevoked,
  lunchBreakHours,
} from '../../domain/company/companyFixtures.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';

const recorded = (
  event: CompanyEvent,
  position: number,
  occurredAt: string,
  actor = 'admin',
): RecordedEvent<CompanyEvent> => ({
  ...event,
  id: `e${position}`,
  stream: `company-${companyId}`,
  revision: BigInt(position - 1),
  position: BigInt(position),
  metadata: {
    companyId,
    commandId: `c${position}`,
    correlationId: `c${position}`,
    causationId: `c${position}`,
    actor,
    occurredAt,
    schemaVersion: 1,
  },
});

/** Folds events through a projection as the runner would, one collection at a time. */
const fold = (projection: Projection<CompanyEvent>, events: RecordedEvent<CompanyEvent>[]) => {
  const docs = new Map<string, Doc>();
  for (const event of events.filter((e) => projection.eventTypes.includes(e.type)))
    for (const update of projection.project(event)) {
      const next = update.apply(docs.get(update.id));
      if (next) docs.set(update.id, next);
      else docs.delete(update.id);
    }
  return docs;
};

describe('company read models', () => {
  it('companySettings: the defaults from creation, then the settings set, with when', () => {
    const created = fold(companySettingsProjection, [recorded(companyCreated, 1, '2026-03-02T15:00:00.000Z')]);
    expect(created.get(companyId)).to.deep.equal({
      _id: companyId,
      companyId,
      name: 'Hartley & Vance LLP',
      createdAt: '2026-03-02T15:00:00.000Z',
      campaigns: { ...defaultCampaignSettings, isDefault: true, updatedAt: null },
      email: { postalAddress: null, updatedAt: null },
    });
    const updated = fold(companySettingsProjection, [
      recorded(companyCreated, 1, '2026-03-02T15:00:00.000Z'),
      recorded(
        { type: 'CompanyCampaignSettingsUpdated', data: { companyId, settings: lunchBreakHours } },
        2,
        '2026-03-03T10:00:00.000Z',
      ),
      recorded(
        {
          type: 'CompanyEmailSettingsUpdated',
          data: { companyId, settings: { postalAddress: '100 N LaSalle St\nChicago, IL 60602' } },
        },
        3,
        '2026-03-04T10:00:00.000Z',
      ),
    ]);
    expect(updated.get(companyId)?.['campaigns']).to.deep.equal({
      ...lunchBreakHours,
      isDefault: false,
      updatedAt: '2026-03-03T10:00:00.000Z',
    });
    expect(updated.get(companyId)?.['email']).to.deep.equal({
      postalAddress: '100 N LaSalle St\nChicago, IL 60602',
      updatedAt: '2026-03-04T10:00:00.000Z',
    });
  });

  it('apiKeys: who issued and revoked a key and when, and never its hash', () => {
    const docs = fold(apiKeysProjection, [
      recorded(companyCreated, 1, '2026-03-02T15:00:00.000Z'),
      recorded(keyIssued(firstKeyId), 2, '2026-03-02T15:00:00.000Z'),
      recorded(keyRevoked(firstKeyId), 3, '2026-03-04T09:30:00.000Z', 'api-key:other'),
    ]);
    expect(docs.get(firstKeyId)).to.deep.equal({
      _id: firstKeyId,
      companyId,
      name: 'Initial key',
      createdAt: '2026-03-02T15:00:00.000Z',
      createdBy: 'admin',
      revokedAt: '2026-03-04T09:30:00.000Z',
      revokedBy: 'api-key:other',
    });
  });

  it('every document carries the company of its event', () => {
    const settings = fold(companySettingsProjection, [recorded(companyCreated, 1, '2026-03-02T15:00:00.000Z')]);
    const keys = fold(apiKeysProjection, [recorded(keyIssued(firstKeyId), 2, '2026-03-02T15:00:00.000Z')]);
    for (const doc of [...settings.values(), ...keys.values()]) expect(doc.companyId).to.equal(companyId);
  });

  it('companySettings: given no company, when its settings are updated, then no company is invented', () =>
    projectionSpecification(companySettingsProjection)
      .given([])
      .when([
        { type: 'CompanyCampaignSettingsUpdated', data: { companyId, settings: lunchBreakHours } },
        { type: 'CompanyEmailSettingsUpdated', data: { companyId, settings: { postalAddress: 'x' } } },
      ])
      .then({ companySettings: [] }));

  it('apiKeys: given no key, when one is revoked, then no key is invented', () =>
    projectionSpecification(apiKeysProjection)
      .given([])
      .when([{ type: 'ApiKeyRevoked', data: { companyId, keyId: firstKeyId } }])
      .then({ apiKeys: [] }));
});
