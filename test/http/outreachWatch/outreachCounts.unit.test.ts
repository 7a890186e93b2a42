import { expect } from 'chai';
import { outreachCounts } from '../../../http/outreachWatch/outreachCounts.ts';

const campaignId = 'campaign-1';
const contactId = 'contact-1';
const at = '2026-12-01T15:00:00.000Z';

describe('the outreach counts of an event', () => {
  it('given the dispatcher called, rescheduled and withheld, then each decision counts with its reason in a few values', () => {
    const counts = [
      outreachCounts({
        type: 'CallRequested',
        data: { campaignId, contactId, callId: 'call-1', attempt: 1, run: 0, to: '+13125551234', requestedAt: at },
      }),
      outreachCounts({
        type: 'NextAttemptScheduled',
        data: { campaignId, contactId, at, reason: 'outside_federal_hours' },
      }),
      outreachCounts({ type: 'NextAttemptScheduled', data: { campaignId, contactId, at, reason: 'retry_after_busy' } }),
      outreachCounts({ type: 'CallsWithheld', data: { campaignId, contactId, at, reason: 'opted_out' } }),
      outreachCounts({
        type: 'CallsWithheld',
        data: { campaignId, contactId, at, reason: 'no_calling_window:state_holiday' },
      }),
    ];
    expect(counts).to.deep.equal([
      [{ counter: 'decisions', campaignId, labels: { decision: 'called', reason: 'in_window' } }],
      [{ counter: 'decisions', campaignId, labels: { decision: 'rescheduled', reason: 'outside_federal_hours' } }],
      [],
      [{ counter: 'decisions', campaignId, labels: { decision: 'withheld', reason: 'opted_out' } }],
      [{ counter: 'decisions', campaignId, labels: { decision: 'withheld', reason: 'no_calling_window' } }],
    ]);
  });

  it('given messages both ways and an opt-out, then they count by channel and direction, and by channel and source', () => {
    expect(
      outreachCounts(
        { type: 'MessageSent', data: { messageId: 'm-1', carrierMessageId: 'SM1', sentAt: at } },
        { campaignId, contactId, to: 'a@example.com', channel: 'email' },
      ),
    ).to.deep.equal([{ counter: 'messages', campaignId, labels: { channel: 'email', direction: 'outbound' } }]);
    expect(
      outreachCounts({ type: 'MessageSent', data: { messageId: 'm-2', carrierMessageId: 'SM2', sentAt: at } }),
    ).to.deep.equal([{ counter: 'messages', labels: { channel: 'unknown', direction: 'outbound' } }]);
    expect(
      outreachCounts({
        type: 'InboundMessageReceived',
        data: {
          companyId: 'co',
          address: '+13125551234',
          to: '+13125550111',
          body: 'hi',
          carrierMessageId: 'SM3',
          receivedAt: at,
          intent: 'message',
          campaignId,
        },
      }),
    ).to.deep.equal([{ counter: 'messages', campaignId, labels: { channel: 'sms', direction: 'inbound' } }]);
    expect(
      outreachCounts({
        type: 'ContactOptedOut',
        data: { companyId: 'co', address: '+13125551234', channel: 'all', source: 'sms_keyword', at },
      }),
    ).to.deep.equal([{ counter: 'optOuts', labels: { channel: 'all', source: 'sms_keyword' } }]);
  });

  it('given a call attempt ended, then it counts by its outcome', () => {
    expect(
      outreachCounts({
        type: 'CallAttemptEnded',
        data: { campaignId, contactId, callId: 'call-1', attempt: 1, run: 0, outcome: 'voicemail', endedAt: at },
      }),
    ).to.deep.equal([{ counter: 'calls', campaignId, labels: { outcome: 'voicemail' } }]);
  });
});
