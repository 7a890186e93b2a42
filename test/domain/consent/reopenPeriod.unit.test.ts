import { expect } from 'chai';
import { consentDecider } from '../../../domain/consent/decider.ts';
import type { ConsentCommand } from '../../../domain/consent/commands.ts';
import type { ConsentEvent, OptOutSource } from '../../../domain/consent/events.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(consentDecider);
const companyId = '01970000-0000-7000-8000-000000000001';
const phone = '+15551230001';
const email = 'client@example.com';
const revokedAt = '2026-03-01T15:00:00.000Z';
const tenYears = 3653;
const DAY = 86_400_000;
const daysAfter = (days: number) => new Date(Date.parse(revokedAt) + days * DAY).toISOString();

const optedOut = (source: OptOutSource, at = revokedAt, address = phone): ConsentEvent => ({
  type: 'ContactOptedOut',
  data: { companyId, address, channel: source === 'email_unsubscribe' ? 'email' : 'all', source, at },
});
const optedIn = (at: string): ConsentEvent => ({
  type: 'ContactOptedIn',
  data: { companyId, address: phone, channel: 'sms', source: 'sms_keyword', at, keyword: 'START' },
});
const reopen = (
  at: string,
  extra: { channel?: 'voice' | 'sms' | 'email' | 'all'; refusedForDays?: number; address?: string } = {},
): ConsentCommand => ({
  type: 'ReopenOutreach',
  data: {
    companyId,
    address: extra.address ?? phone,
    at,
    reopenedBy: 'api-key:k1',
    reason: 'client asked at the office',
    refusedForDays: tenYears,
    ...extra,
  },
});
const reopened = (at: string, channel: 'voice' | 'sms' | 'email' | 'all' = 'all', address = phone): ConsentEvent => ({
  type: 'ContactOptedIn',
  data: {
    companyId,
    address,
    channel,
    source: 'admin',
    at,
    reopenedBy: 'api-key:k1',
    reason: 'client asked at the office',
  },
});

describe('consent decider: reopening after the person revoked consent', () => {
  it("refuses an admin's reopening of texts within the period after the person's STOP, naming when it becomes possible", () => {
    spec
      .given([optedOut('sms_keyword')])
      .when(reopen(daysAfter(1)))
      .thenThrows(IllegalStateError, new RegExp(daysAfter(tenYears).replace(/\./g, '\\.')), 'CONSENT.REOPEN_REFUSED');
    spec
      .given([optedOut('sms_keyword')])
      .when(reopen(daysAfter(tenYears - 1), { channel: 'sms' }))
      .thenThrows(IllegalStateError, /START/, 'CONSENT.REOPEN_REFUSED');
  });

  it("counts a request to stop in words and one made in a call as the person's own revocation too", () => {
    spec
      .given([optedOut('sms_free_text')])
      .when(reopen(daysAfter(100)))
      .thenThrows(IllegalStateError, undefined, 'CONSENT.REOPEN_REFUSED');
    spec
      .given([optedOut('agent_reported')])
      .when(reopen(daysAfter(100)))
      .thenThrows(IllegalStateError, undefined, 'CONSENT.REOPEN_REFUSED');
  });

  it('reopens texts once the period has passed', () => {
    spec
      .given([optedOut('sms_keyword')])
      .when(reopen(daysAfter(tenYears)))
      .then([reopened(daysAfter(tenYears))]);
  });

  it('counts from the latest revocation the person made', () => {
    const later = daysAfter(400);
    spec
      .given([optedOut('sms_keyword'), reopened(daysAfter(200), 'voice'), optedOut('agent_reported', later)])
      .when(reopen(daysAfter(tenYears)))
      .thenThrows(
        IllegalStateError,
        new RegExp(new Date(Date.parse(later) + tenYears * DAY).toISOString().replace(/\./g, '\\.')),
      );
  });

  it('reopens calls alone within the period', () => {
    spec
      .given([optedOut('sms_keyword')])
      .when(reopen(daysAfter(1), { channel: 'voice' }))
      .then([reopened(daysAfter(1), 'voice')]);
  });

  it("the person's own START ends the period: the admin may then reopen calls with every channel named", () => {
    spec
      .given([optedOut('sms_keyword'), optedIn(daysAfter(3))])
      .when(reopen(daysAfter(4)))
      .then([reopened(daysAfter(4))]);
  });

  it("an admin's opt-out, or a period of 0, refuses nothing", () => {
    spec
      .given([optedOut('admin')])
      .when(reopen(daysAfter(1)))
      .then([reopened(daysAfter(1))]);
    spec
      .given([optedOut('sms_keyword')])
      .when(reopen(daysAfter(1), { refusedForDays: 0 }))
      .then([reopened(daysAfter(1))]);
  });

  it('holds no period on email: an email unsubscribe may be reopened at once', () => {
    spec
      .given([optedOut('email_unsubscribe', revokedAt, email)])
      .when(reopen(daysAfter(1), { address: email }))
      .then([reopened(daysAfter(1), 'all', email)]);
  });

  it("records the person's STOP to a number an admin had opted out, so the period counts from it", () => {
    const stop: ConsentCommand = {
      type: 'RecordOptOut',
      data: { companyId, address: phone, at: daysAfter(1), source: 'sms_keyword' },
    };
    spec
      .given([optedOut('admin')])
      .when(stop)
      .then([optedOut('sms_keyword', daysAfter(1))]);
    spec
      .given([optedOut('admin'), optedOut('sms_keyword', daysAfter(1))])
      .when(stop)
      .then([]);
    spec
      .given([optedOut('admin'), optedOut('sms_keyword', daysAfter(1))])
      .when(reopen(daysAfter(2)))
      .thenThrows(IllegalStateError, undefined, 'CONSENT.REOPEN_REFUSED');
  });

  it('keeps when the person revoked each channel in its state', () => {
    spec
      .given([optedOut('admin')])
      .when(reopen(daysAfter(1)))
      .thenState((state) => expect(state.revokedByPersonAt).to.deep.equal({}));
    spec
      .given([optedOut('sms_keyword')])
      .when(reopen(daysAfter(1), { channel: 'voice' }))
      .thenState((state) => expect(state.revokedByPersonAt).to.deep.equal({ sms: revokedAt }));
  });
});
