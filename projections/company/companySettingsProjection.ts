import { defaultCampaignSettings } from '../../domain/company/defaultSettings.ts';
import type { CompanyEvent } from '../../domain/company/events.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const COMPANY_SETTINGS = 'companySettings';

type Fed = Extract<
  CompanyEvent,
  { type: 'CompanyCreated' | 'CompanyCampaignSettingsUpdated' | 'CompanyEmailSettingsUpdated' }
>;

/** One document per company, keyed by the company id: its name, campaign defaults and email settings. */
export const companySettingsProjection = projectionOf<Fed>({
  name: 'companySettings',
  // Version 2 adds the email settings to every document.
  version: 2,
  collections: [{ name: COMPANY_SETTINGS, indexes: [] }],
  handlers: {
    CompanyCreated: (event) => {
      const { companyId, occurredAt } = event.metadata;
      const doc: Doc = {
        _id: companyId,
        companyId,
        name: event.data.name,
        createdAt: occurredAt,
        campaigns: { ...defaultCampaignSettings, isDefault: true, updatedAt: null },
        email: { postalAddress: null, updatedAt: null },
      };
      return [{ collection: COMPANY_SETTINGS, id: companyId, apply: () => doc }];
    },
    CompanyCampaignSettingsUpdated: (event) => [
      {
        collection: COMPANY_SETTINGS,
        id: event.metadata.companyId,
        apply: (current) =>
          current
            ? {
                ...current,
                campaigns: { ...event.data.settings, isDefault: false, updatedAt: event.metadata.occurredAt },
              }
            : null,
      },
    ],
    CompanyEmailSettingsUpdated: (event) => [
      {
        collection: COMPANY_SETTINGS,
        id: event.metadata.companyId,
        apply: (current) =>
          current
            ? {
                ...current,
                email: { postalAddress: event.data.settings.postalAddress, updatedAt: event.metadata.occurredAt },
              }
            : null,
      },
    ],
  },
});
