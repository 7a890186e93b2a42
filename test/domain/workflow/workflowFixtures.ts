import type { EnrolledContact } from '../../../domain/campaign/events.ts';

/** A contact in Chicago with a phone and an email, as planning specs reach her. */
export const chicagoContact: EnrolledContact = {
  caseId: 'case-1',
  contactId: 'contact-1',
  externalId: 'PI-1',
  phone: '+13125550100',
  email: 'ana@example.com',
  name: 'Ana',
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
};
