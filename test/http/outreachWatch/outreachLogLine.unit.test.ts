import { expect } from 'chai';
import type { EventMetadata } from '../../../domain/events/event.ts';
import { outreachLogLine } from '../../../http/outreachWatch/outreachLogLine.ts';
import { maskedAddress } from '../../../http/outreachWatch/maskedAddress.ts';

const companyId = 'company-1';
const campaignId = 'campaign-1';
const contactId = 'contact-1';
const occurredAt = '2026-12-01T15:04:05.000Z';
const metadata: EventMetadata = {
  companyId,
  commandId: 'c',
  correlationId: 'c',
  causationId: 'c',
  actor: 'dispatcher',
  occurredAt,
  schemaVersion: 1,
};
const event = (type: string, data: Record<string, unknown>) => ({ type, data, metadata });
const decision = {
  localTime: '2026-12-01T09:04:05.000-06:00',
  timezone: 'America/Chicago',
  window: {},
  capacity: { limit: null, inFlight: 0, lines: 10, rate: 1, pacing: null, available: 10 },
};

describe('the outreach log line of an event', () => {
  it('given a call placed after its request, then it names the ids, the attempt and the number masked, and the carrier id shortened', () => {
    const line = outreachLogLine(
      event('CallPlaced', {
        callId: 'call-1',
        campaignId,
        contactId,
        carrierCallId: 'CA0123456789abcdef0123456789abcdef',
        placedAt: occurredAt,
      }),
      { campaignId, contactId, to: '+13125551234', attempt: 2 },
    );
    expect(line).to.deep.equal({
      level: 'info',
      message: 'call placed',
      fields: {
        companyId,
        campaignId,
        contactId,
        callId: 'call-1',
        attempt: 2,
        to: '+*********34',
        carrierCallId: 'CA01…cdef',
        occurredAt,
      },
    });
  });

  it('given each way a call attempt ends, then the line says it in words and carries the outcome', () => {
    const said = ['answered', 'voicemail', 'no_answer', 'busy', 'failed', 'transferred', 'opted_out'].map((outcome) => {
      const line = outreachLogLine(
        event('CallAttemptEnded', {
          campaignId,
          contactId,
          callId: 'call-1',
          attempt: 1,
          run: 0,
          outcome,
          endedAt: occurredAt,
        }),
      );
      expect(line?.level).to.equal('info');
      expect(line?.fields).to.deep.equal({
        companyId,
        campaignId,
        contactId,
        callId: 'call-1',
        attempt: 1,
        outcome,
        occurredAt,
      });
      return line?.message;
    });
    expect(said).to.deep.equal([
      'call answered',
      'call reached voicemail',
      'call not answered',
      'call busy',
      'call failed',
      'call ended after its transfer',
      'call ended with an opt-out',
    ]);
  });

  it('given a transfer, a message sent, an opt-out and a text received, then every address in the line is masked and no body is shown', () => {
    const lines = [
      outreachLogLine(
        event('CallTransferred', { callId: 'call-1', at: occurredAt, to: '+13125550199', campaignId, contactId }),
      ),
      outreachLogLine(
        event('MessageSent', {
          messageId: 'message-1',
          carrierMessageId: 'SM0123456789abcdef0123456789abcdef',
          sentAt: occurredAt,
        }),
        { campaignId, contactId, to: 'jane.doe@example.com', channel: 'email' },
      ),
      outreachLogLine(
        event('ContactOptedOut', {
          companyId,
          address: '+13125551234',
          channel: 'all',
          source: 'sms_keyword',
          at: occurredAt,
          campaignId,
          keyword: 'STOP',
          excerpt: 'STOP texting me at +13125551234',
        }),
      ),
      outreachLogLine(
        event('InboundMessageReceived', {
          companyId,
          address: '+13125551234',
          to: '+13125550111',
          body: 'Call me at jane.doe@example.com',
          carrierMessageId: 'SM1',
          receivedAt: occurredAt,
          intent: 'message',
          campaignId,
          contactId,
        }),
      ),
    ];
    expect(lines.map((line) => line?.message)).to.deep.equal([
      'call transferred',
      'message sent',
      'contact opted out',
      'message received',
    ]);
    expect(lines[0]?.fields['to']).to.equal('+*********99');
    expect(lines[1]?.fields).to.deep.include({
      to: 'j***@example.com',
      channel: 'email',
      campaignId,
      contactId,
      messageId: 'message-1',
      carrierMessageId: 'SM01…cdef',
    });
    expect(lines[2]?.fields).to.deep.include({
      address: '+*********34',
      channel: 'all',
      source: 'sms_keyword',
      campaignId,
    });
    expect(lines[3]?.fields).to.deep.include({ from: '+*********34', intent: 'message', channel: 'sms' });
    const written = JSON.stringify(lines);
    for (const secret of ['3125551234', '3125550199', 'jane.doe', 'STOP texting', 'Call me'])
      expect(written).to.not.include(secret);
  });

  it('given a due contact the calling window turned away, then a debug line names the reason, the local time and the next opening', () => {
    const line = outreachLogLine(
      event('NextAttemptScheduled', {
        campaignId,
        contactId,
        at: '2026-12-02T14:00:00.000Z',
        reason: 'outside_campaign_slots',
        localTime: '2026-12-01T22:00:00.000-06:00',
      }),
    );
    expect(line).to.deep.equal({
      level: 'debug',
      message: 'outside calling window',
      fields: {
        companyId,
        campaignId,
        contactId,
        reason: 'outside_campaign_slots',
        localTime: '2026-12-01T22:00:00.000-06:00',
        nextOpening: '2026-12-02T14:00:00.000Z',
        occurredAt,
      },
    });
  });

  it('given a retry planned after a missed call, then it is a debug line of its own, not a window refusal', () => {
    const line = outreachLogLine(
      event('NextAttemptScheduled', {
        campaignId,
        contactId,
        at: '2026-12-01T15:24:05.000Z',
        reason: 'retry_after_no_answer',
        run: 0,
      }),
    );
    expect(line).to.deep.include({ level: 'debug', message: 'next attempt scheduled' });
    expect(line?.fields).to.deep.include({
      nextAttemptAt: '2026-12-01T15:24:05.000Z',
      reason: 'retry_after_no_answer',
    });
  });

  it('given the milestones of a campaign and its contacts, then each has an info line with its ids', () => {
    const lines = [
      event('CampaignLaunched', {
        campaignId,
        launchedAt: occurredAt,
        name: 'Check-in',
        settings: {},
        list: { contactCount: 3 },
      }),
      event('CallRequested', {
        campaignId,
        contactId,
        callId: 'call-1',
        attempt: 1,
        run: 0,
        to: '+13125551234',
        requestedAt: occurredAt,
        decision,
      }),
      event('CallsWithheld', { campaignId, contactId, reason: 'opted_out', at: occurredAt }),
      event('ContactMarkedCompleted', { campaignId, contactId, at: occurredAt, reason: 'form_complete' }),
      event('ContactCompletedAllCalls', { campaignId, contactId, at: occurredAt }),
      event('CampaignCompleted', { campaignId, at: occurredAt }),
    ].map((e) => outreachLogLine(e));
    expect(lines.map((line) => [line?.level, line?.message])).to.deep.equal([
      ['info', 'campaign launched'],
      ['debug', 'call requested'],
      ['info', 'calls withheld'],
      ['info', 'contact completed'],
      ['info', 'contact completed for calls'],
      ['info', 'campaign completed'],
    ]);
    expect(lines[0]?.fields).to.deep.include({ companyId, campaignId, name: 'Check-in', contacts: 3 });
    expect(lines[1]?.fields).to.deep.include({ to: '+*********34', localTime: decision.localTime, attempt: 1 });
    expect(lines[3]?.fields).to.deep.include({ contactId, reason: 'form_complete' });
  });

  it('given an event that is no outreach decision, then there is no line', () => {
    expect(outreachLogLine(event('CampaignDraftSaved', { campaignId, changes: {} }))).to.equal(undefined);
    expect(
      outreachLogLine(
        event('CallProgressed', {
          callId: 'call-1',
          carrierCallId: 'CA1',
          progress: 'ringing',
          reportedAt: occurredAt,
        }),
      ),
    ).to.equal(undefined);
  });
});

describe('a masked address', () => {
  it('keeps the last two digits of a number and the first letter and domain of an email', () => {
    expect(maskedAddress('+13125551234')).to.equal('+*********34');
    expect(maskedAddress('jane.doe@example.com')).to.equal('j***@example.com');
  });

  it('keeps only the last two characters of anything the log masking would not recognise', () => {
    expect(maskedAddress('55512')).to.equal('***12');
    expect(maskedAddress('jane-at-home')).to.equal('**********me');
  });
});
