import type { ErrorDetail } from '../../domain/errors.ts';
import { defaultCampaignSettings } from '../../domain/company/defaultSettings.ts';
import { COMPANY_SETTINGS } from '../company/companySettingsProjection.ts';
import { companyScope } from '../companyScope.ts';
import type { ReadStore } from '../readStore.ts';
import { dateRangeWindow, narrowedWindow } from './dateRange.ts';
import type { Report, ReportQuery, ReportWindow } from './report.ts';

/** Every problem of a report's filters: names it does not take, then what its own check finds. */
export const reportFilterProblems = (
  report: Report<unknown>,
  filters: Readonly<Record<string, string>>,
): ErrorDetail[] => {
  const known = new Set(report.filters.map((filter) => filter.name));
  const unknown = Object.keys(filters)
    .filter((name) => !known.has(name))
    .map((name) => ({
      path: name,
      message: `not a filter of this report; it takes ${[...known].join(', ') || 'none'}`,
    }));
  return [...unknown, ...report.checkFilters(filters)];
};

/** The zone a company's reports read days in unless told: its campaign settings zone. */
export const companyZone = async (store: ReadStore, companyId: string): Promise<string> => {
  const settings = await companyScope(store, companyId).get(COMPANY_SETTINGS, companyId);
  const campaigns = settings?.['campaigns'] as { timezone?: string } | undefined;
  return campaigns?.timezone ?? defaultCampaignSettings.timezone;
};

/**
 * The query a report reads for checked filters: a date range among them (`from`, `to`) narrows the
 * given window (a scheduled report's last n days), read in `timezone` or the company's zone.
 */
export const reportQuery = async (
  store: ReadStore,
  report: Report<unknown>,
  given: {
    readonly companyId: string;
    readonly campaignId: string;
    readonly filters: Readonly<Record<string, string>>;
    readonly window?: ReportWindow;
  },
): Promise<ReportQuery> => {
  const { filters } = given;
  const ranged = filters['from'] !== undefined || filters['to'] !== undefined;
  const range = ranged
    ? dateRangeWindow(filters, filters['timezone'] ?? (await companyZone(store, given.companyId)))
    : undefined;
  const window = narrowedWindow(given.window, range);
  return { companyId: given.companyId, campaignId: given.campaignId, filters, ...(window ? { window } : {}) };
};
