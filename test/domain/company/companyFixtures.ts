import type { CampaignSettings, CompanyEvent } from '../../../domain/company/events.ts';

export const companyId = '01970000-0000-7000-8000-000000000001';
export const otherCompanyId = '01970000-0000-7000-8000-000000000002';
export const firstKeyId = '01970000-0000-7000-8000-0000000000a1';
export const secondKeyId = '01970000-0000-7000-8000-0000000000a2';
export const hash = (n: number) => n.toString(16).padStart(64, '0');

export const companyCreated: CompanyEvent = {
  type: 'CompanyCreated',
  data: { companyId, name: 'Hartley & Vance LLP' },
};
export const keyIssued = (keyId: string, name = 'Initial key', n = 1): CompanyEvent => ({
  type: 'ApiKeyIssued',
  data: { companyId, keyId, name, secretHash: hash(n) },
});
export const keyRevoked = (keyId: string): CompanyEvent => ({ type: 'ApiKeyRevoked', data: { companyId, keyId } });

/** A company as POST /v1/companies leaves it: created, with its first key. */
export const openedCompany: CompanyEvent[] = [companyCreated, keyIssued(firstKeyId)];

export const lunchBreakHours: CampaignSettings = {
  concurrencyRate: 60,
  outboundLines: 10,
  timezone: 'America/Chicago',
  defaultBusinessHours: [
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '12:00' },
    { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '13:00', end: '17:00' },
  ],
};
