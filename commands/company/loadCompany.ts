import { companyDecider, type CompanyState } from '../../domain/company/decider.ts';
import { aggregateStream } from '../aggregateStream.ts';
import { companyStream, type CampaignSettings } from '../../domain/company/events.ts';
import { NotFoundError } from '../../domain/errors.ts';
import type { EventStore } from '../eventStore.ts';
import { named } from '../../domain/namedValue.ts';

/** A company as its own stream says now: what a campaign reads when it copies the company's times. */
export const loadCompany = async (store: EventStore, companyId: string): Promise<CompanyState> =>
  (await aggregateStream(store, companyDecider, companyStream(companyId))).state;

/** The company's campaign defaults (the engine's defaults until it sets its own); 404 for an unknown company. */
export const companyCampaignSettings = async (store: EventStore, companyId: string): Promise<CampaignSettings> => {
  const company = await loadCompany(store, companyId);
  if (company.status === 'None') throw new NotFoundError('COMPANY.NOT_FOUND', `No company ${named(companyId)}.`);
  return company.campaignSettings;
};
