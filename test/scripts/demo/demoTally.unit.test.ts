import { expect } from 'chai';
import type { RecordedEvent } from '../../../domain/events/event.ts';
import { demoTally } from '../../../scripts/demo/demoTally.ts';

const companyId = 'co-1';
const campaignId = 'camp-1';
let position = 0n;

const event = (type: string, data: Record<string, unknown>): RecordedEvent => ({
  id: `e-${++position}`,
  stream: 'any',
  revision: 0n,
  position,
  type,
  data,
  metadata: {
    companyId,
    commandId: 'c',
    correlationId: 'c',
    causationId: 'c',
    actor: 'test',
    occurredAt: '2026-12-01T15:00:00.000Z',
    schemaVersion: 1,
  },
});

const contact = (n: number) => ({
  contactId: `k-${n}`,
  caseId: `case-${n}`,
  externalId: `PI-${n}`,
  name: `Client ${n}`,
  phone: `+1312555010${n}`,
  email: `client${n}@example.com`,
  timezone: 'America/Chicago',
  timezoneSource: 'given',
});

describe('the demo tally', () => {
  it('given a contact who opts out by text twice and by email, and another once, then it counts two opt-outs: contacts, not events', () => {
    const tally = demoTally(campaignId, companyId);
    tally.apply(event('ContactsEnrolled', { campaignId, contacts: [contact(1), contact(2), contact(3)] }));
    const optOut = (address: string, source: string) =>
      tally.apply(
        event('ContactOptedOut', {
          companyId,
          address,
          channel: 'all',
          source,
          at: '2026-12-01T15:00:00.000Z',
          campaignId,
        }),
      );
    optOut('+13125550101', 'sms_keyword');
    optOut('+13125550101', 'sms_free_text');
    optOut('client1@example.com', 'email_unsubscribe');
    optOut('+13125550102', 'agent_reported');
    const { summary, contacts } = tally.finish();
    expect(summary.optOuts).to.equal(2);
    expect(contacts.map((c) => c.optedOut)).to.deep.equal([true, true, false]);
  });
});
