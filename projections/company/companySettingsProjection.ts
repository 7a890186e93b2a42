import { defaultCampaignSettings } from '../../domain/company/defaultSettings.ts';
import { assertNever } from '../../domain/decider.ts';
import type { CompanyEvent } from '../../domain/company/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import type { Projection } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const COMPANY_SETTINGS = 'companySettings';

/** One document per company, keyed by the company id: its name, campaign defaults and email settings. */
export const companySettingsProjection: Projection<CompanyEvent> = {
  name: 'companySettings',
  // Version 2 adds the email settings to every document.
  version: 2,
  collections: [{ name: COMPANY_SETTINGS, indexes: [] }],
  eventTypes: ['CompanyCreated', 'CompanyCampaignSettingsUpdated', 'CompanyEmailSettingsUpdated'],
  project: (event: RecordedEvent<CompanyEvent>) => {
    const { companyId } = event.metadata;
    const at = event.metadata.occurredAt;
    switch (event.type) {
      case 'CompanyCreated':
        return [
          {
            collection: COMPANY_SETTINGS,
            id: companyId,
            apply: (): Doc => ({
              _id: companyId,
              companyId,
              name: event.data.name,
              createdAt: at,
              campaigns: { ...defaultCampaignSettings, isDefault: true, updatedAt: null },
              email: { postalAddress: null, updatedAt: null },
            }),
          },
        ];
      case 'CompanyCampaignSettingsUpdated':
        return [
          {
            collection: COMPANY_SETTINGS,
            id: companyId,
            apply: (current) => (current ? { ...current, campaigns: { ...event.data.settings, isDefault: false, updatedAt: at } } : null),
          },
        ];
      case 'CompanyEmailSettingsUpdated':
        return [
          {
            collection: COMPANY_SETTINGS,
            id: companyId,
            apply: (current) => (current ? { ...current, email: { postalAddress: event.data.settings.postalAddress, updatedAt: at } } : null),
          },
        ];
      case 'ApiKeyIssued':
      case 'ApiKeyRevoked':
        return [];
      default:
        return assertNever(event);
    }
  },
};
