import type { CampaignSettings } from './events.ts';

/**
 * What a company's campaigns use before it sets anything: every outbound line, one line, US Eastern
 * time, weekdays 09:00-17:00. A US law firm's office day is the likeliest right answer.
 */
export const defaultCampaignSettings: CampaignSettings = {
  concurrencyRate: 100,
  outboundLines: 1,
  timezone: 'America/New_York',
  defaultBusinessHours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' }],
};
