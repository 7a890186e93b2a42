import * as t from 'io-ts';
import { FiniteNumber, NonEmptyString, TimeSlot, TimeZone } from '../values.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/** The company's campaign defaults; a campaign in "company times" mode copies them. */
export const CampaignSettings = t.type({
  /** Share of outbound lines (1-100 %) campaigns may use; the rest stays free for inbound calls. */
  concurrencyRate: FiniteNumber,
  outboundLines: FiniteNumber,
  timezone: TimeZone,
  defaultBusinessHours: t.array(TimeSlot),
});
export type CampaignSettings = t.TypeOf<typeof CampaignSettings>;

/** How the company's email goes out: CAN-SPAM wants the sender's valid postal address in every commercial email (15 USC 7704(a)(5)). */
export const EmailSettings = t.type({ postalAddress: t.string });
export type EmailSettings = t.TypeOf<typeof EmailSettings>;

export const companyEvents = {
  CompanyCreated: t.type({ companyId: t.string, name: NonEmptyString }),
  /** Only a hash of the key's secret is kept; the key itself is shown once. */
  ApiKeyIssued: t.type({ companyId: t.string, keyId: t.string, name: t.string, secretHash: t.string }),
  ApiKeyRevoked: t.type({ companyId: t.string, keyId: t.string }),
  CompanyCampaignSettingsUpdated: t.type({ companyId: t.string, settings: CampaignSettings }),
  CompanyEmailSettingsUpdated: t.type({ companyId: t.string, settings: EmailSettings }),
};

export type CompanyEvent = EventsOf<typeof companyEvents>;

export const companyEventDefinitions = eventDefinitions(companyEvents);

export const companyStream = (companyId: string): string => `company-${companyId}`;
