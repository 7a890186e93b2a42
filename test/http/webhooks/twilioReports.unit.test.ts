import { expect } from 'chai';
import fc from 'fast-check';
import {
  twilioAnsweredBy,
  twilioCallStatuses,
  twilioMessageStatuses,
} from '../../../adapters/telephony/twilio/twilioStatuses.ts';
import { ValidationError } from '../../../domain/errors.ts';
import {
  callStatusReportOf,
  inboundSmsOf,
  messageStatusReportOf,
} from '../../../http/webhooks/twilio/twilioReports.ts';

const received = new Date('2026-03-02T15:00:00Z');
const call = (params: Record<string, string>) => callStatusReportOf({ CallSid: 'CA1', ...params }, 'call-1', received);

describe('Twilio callbacks in our words', () => {
  it('maps every call status Twilio documents', () => {
    const table: [string, string][] = [
      ['queued', 'queued'],
      ['initiated', 'initiated'],
      ['ringing', 'ringing'],
      ['in-progress', 'in_progress'],
      ['completed', 'completed'],
      ['busy', 'busy'],
      ['no-answer', 'no_answer'],
      ['failed', 'failed'],
      ['canceled', 'canceled'],
    ];
    for (const [twilio, ours] of table) expect(call({ CallStatus: twilio }).progress, twilio).to.equal(ours);
    expect(Object.keys(twilioCallStatuses)).to.have.members(table.map(([twilio]) => twilio));
  });

  it('maps what answered: a person, any machine or fax, or nobody could tell', () => {
    const table: [string, string][] = [
      ['human', 'human'],
      ['machine_start', 'machine'],
      ['machine_end_beep', 'machine'],
      ['machine_end_silence', 'machine'],
      ['machine_end_other', 'machine'],
      ['fax', 'machine'],
      ['unknown', 'unknown'],
      ['something_new', 'unknown'],
    ];
    for (const [twilio, ours] of table)
      expect(call({ CallStatus: 'in-progress', AnsweredBy: twilio }).answeredBy, twilio).to.equal(ours);
    expect(Object.keys(twilioAnsweredBy)).to.have.length(7);
  });

  it('maps every message status onto the five we act on', () => {
    const table: [string, string][] = [
      ['accepted', 'queued'],
      ['scheduled', 'queued'],
      ['queued', 'queued'],
      ['sending', 'queued'],
      ['sent', 'sent'],
      ['delivered', 'delivered'],
      ['read', 'delivered'],
      ['undelivered', 'undelivered'],
      ['failed', 'failed'],
      ['canceled', 'failed'],
    ];
    for (const [twilio, ours] of table)
      expect(
        messageStatusReportOf({ MessageSid: 'SM1', MessageStatus: twilio }, 'm', received).progress,
        twilio,
      ).to.equal(ours);
    expect(Object.keys(twilioMessageStatuses)).to.have.members(table.map(([twilio]) => twilio));
    expect(messageStatusReportOf({ SmsSid: 'SM2', SmsStatus: 'sent' }, 'm', received)).to.include({
      carrierMessageId: 'SM2',
      progress: 'sent',
    });
  });

  it('refuses any status it does not know, inherited names included', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('constructor', 'toString', '__proto__', 'hasOwnProperty')),
        (status) => {
          fc.pre(status !== '' && !Object.hasOwn(twilioCallStatuses, status));
          expect(() => call({ CallStatus: status })).to.throw(ValidationError);
        },
      ),
    );
    expect(() => messageStatusReportOf({ MessageSid: 'SM1', MessageStatus: 'constructor' }, 'm', received)).to.throw(
      ValidationError,
    );
  });

  it("takes the time from Twilio's RFC 2822 Timestamp, else from when it arrived", () => {
    expect(call({ CallStatus: 'ringing', Timestamp: 'Mon, 02 Mar 2026 09:59:58 -0500' }).reportedAt).to.equal(
      '2026-03-02T14:59:58.000Z',
    );
    expect(call({ CallStatus: 'ringing', Timestamp: 'yesterday' }).reportedAt).to.equal('2026-03-02T15:00:00.000Z');
    expect(call({ CallStatus: 'ringing' }).reportedAt).to.equal('2026-03-02T15:00:00.000Z');
  });

  it('reads whole numbers only for sequence and duration', () => {
    expect(call({ CallStatus: 'completed', SequenceNumber: '3', CallDuration: '61' })).to.include({
      sequence: 3,
      durationSeconds: 61,
    });
    expect(call({ CallStatus: 'completed', SequenceNumber: 'x', CallDuration: '-4' })).not.to.have.any.keys(
      'sequence',
      'durationSeconds',
    );
  });

  it('reads a recording callback as the completed call with its recording', () => {
    expect(call({ RecordingStatus: 'completed', RecordingUrl: 'https://r.example/RE1' })).to.deep.include({
      progress: 'completed',
      recordingUrl: 'https://r.example/RE1',
    });
  });

  it("refuses a callback without the carrier's id or status, naming the parameter", () => {
    expect(() => callStatusReportOf({ CallStatus: 'ringing' }, 'c', received))
      .to.throw(ValidationError)
      .with.property('errors')
      .deep.equal([{ path: 'CallSid', message: 'required' }]);
    expect(() => call({})).to.throw(ValidationError);
    expect(() => inboundSmsOf({ MessageSid: 'SM1', To: '+1' }, received)).to.throw(ValidationError);
  });

  it("keeps an inbound text's body as sent, and an empty one as empty", () => {
    expect(
      inboundSmsOf({ MessageSid: 'SM1', From: '+14155550100', To: '+14155550199', Body: '  Stop please ' }, received)
        .body,
    ).to.equal('  Stop please ');
    expect(inboundSmsOf({ MessageSid: 'SM1', From: '+14155550100', To: '+14155550199' }, received).body).to.equal('');
  });
});
