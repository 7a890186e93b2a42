import { expect } from 'chai';
import type { Event } from '../../../domain/events/event.ts';
import type { ContactEngagementDoc } from '../../../projections/reports/engagement/contactEngagementDocument.ts';
import { contactEngagementProjection } from '../../../projections/reports/engagement/contactEngagementProjection.ts';
import type { Doc } from '../../../projections/readStore.ts';
import { recordedEvent } from '../../support/recordedEvent.ts';
import { enrolledEngagementDoc } from '../../../projections/reports/engagement/contactEngagementDocument.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import { contact, enrolled as enrolledWith, inboundCall, markedCompleted, outreachResumed } from '../outreachEvents.ts';

const campaignId = 'campaign-1';
const contactId = 'contact-1';
const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 15, minute)).toISOString();

/** Folds events through the projection as the runner would, replaying each one twice. */
const fold = (events: readonly Event[]): ContactEngagementDoc | undefined => {
  const docs = new Map<string, Doc>();
  const seen = new Map<string, number>();
  events.forEach((event, i) => {
    const recorded = recordedEvent(event, i, at(0));
    for (const update of contactEngagementProjection.project(recorded)) {
      // The runner skips an event a document has already seen.
      if ((seen.get(update.id) ?? 0) >= i + 1) continue;
      seen.set(update.id, i + 1);
      const next = update.apply(docs.get(update.id));
      if (next === null) docs.delete(update.id);
      else docs.set(update.id, next);
    }
  });
  return docs.get(`${campaignId}.${contactId}`) as ContactEngagementDoc | undefined;
};

const enrolled = (extra: { mobileAppStatus?: string; taskFields?: string[] } = {}): Event => ({
  type: 'ContactsEnrolled',
  data: {
    campaignId,
    batch: 0,
    contacts: [
      {
        caseId: 'case-1',
        contactId,
        externalId: 'PI-1',
        name: 'Jane Roe',
        phone: '+13125550100',
        timezone: 'America/Chicago',
        timezoneSource: 'contact',
        ...(extra.mobileAppStatus ? { mobileAppStatus: extra.mobileAppStatus } : {}),
      },
    ],
    ...(extra.taskFields ? { taskFields: extra.taskFields } : {}),
  },
});
const requested = (channel: 'sms' | 'email', minute: number): Event => ({
  type: 'MessageRequested',
  data: {
    messageId: `m-${channel}-${minute}`,
    campaignId,
    contactId,
    channel,
    step: `w0.s${minute}`,
    to: '+13125550100',
    from: '+15557650000',
    body: 'Hi',
    requestedAt: at(minute),
  },
});
const inbound = (minute: number, routed = true): Event => ({
  type: 'InboundMessageReceived',
  data: {
    companyId: 'company-1',
    address: '+13125550100',
    to: '+15557650000',
    body: 'ok',
    carrierMessageId: `SM${minute}`,
    receivedAt: at(minute),
    intent: 'message',
    ...(routed ? { campaignId, contactId } : {}),
  },
});
const inApp = (direction: 'sent' | 'received', minute: number): Event => ({
  type: 'InAppMessageRecorded',
  data: {
    campaignId,
    contactId,
    messageId: `a${minute}`,
    direction,
    body: 'hello',
    at: at(minute),
    recordedAt: at(59),
  },
});
const answers = (values: Record<string, string | boolean | null>, minute = 5): Event => ({
  type: 'FormAnswersRecorded',
  data: { callId: 'call-1', campaignId, contactId, answers: values, at: at(minute) },
});
const summary = (text: string, minute: number): Event => ({
  type: 'CallSummaryRecorded',
  data: { callId: `call-${minute}`, campaignId, contactId, summary: text, at: at(minute) },
});
const ended = (outcome: string, minute: number): Event =>
  ({
    type: 'CallAttemptEnded',
    data: { campaignId, contactId, callId: `call-${minute}`, attempt: 1, run: 0, outcome, endedAt: at(minute) },
  }) as Event;
const placed = (minute: number): Event => ({
  type: 'CallPlaced',
  data: { callId: `call-${minute}`, campaignId, contactId, carrierCallId: `CA${minute}`, placedAt: at(minute) },
});

describe('contact engagement read model', () => {
  it('counts a message as sent when it is requested, by channel, and inbound texts routed to the contact as received', () => {
    const doc = fold([
      enrolled(),
      requested('sms', 1),
      requested('sms', 2),
      requested('email', 3),
      inbound(4),
      inbound(6, false),
    ])!;
    expect([doc.smsSent, doc.emailSent, doc.smsReceived, doc.emailReceived]).to.deep.equal([2, 1, 1, 0]);
    expect(doc.lastActivityAt).to.equal(at(4));
  });

  it('counts in-app messages by direction and keeps the latest activity even when a message arrives late', () => {
    const doc = fold([enrolled(), inApp('received', 10), inApp('sent', 11), inApp('received', 3)])!;
    expect([doc.inAppSent, doc.inAppReceived]).to.deep.equal([1, 2]);
    expect(doc.lastActivityAt).to.equal(at(11));
  });

  it('counts calls placed by the carrier and calls a person answered (answered or transferred)', () => {
    const doc = fold([
      enrolled(),
      placed(1),
      ended('no_answer', 2),
      placed(3),
      ended('answered', 4),
      placed(5),
      ended('transferred', 6),
      ended('failed', 7),
    ])!;
    expect([doc.callsPlaced, doc.callsAnswered]).to.deep.equal([3, 2]);
    expect(doc.lastActivityAt).to.equal(at(7));
  });

  it("reads the list's app status in our words, unknown otherwise, and follows the app's reports", () => {
    expect(fold([enrolled({ mobileAppStatus: 'Not invited' })])!.appStatus).to.equal('not_invited');
    expect(fold([enrolled({ mobileAppStatus: 'maybe' })])!.appStatus).to.equal('unknown');
    expect(
      fold([
        enrolled(),
        { type: 'MobileAppStatusChanged', data: { campaignId, contactId, status: 'installed', at: at(1) } },
      ])!.appStatus,
    ).to.equal('installed');
  });

  it('judges the task from the frozen fields: not started, partial with what is missing, complete', () => {
    const fields = ['reached', 'injuryDate', 'treating'];
    expect(fold([enrolled({ taskFields: fields })])).to.include({ taskStatus: 'not_started' });
    const partial = fold([enrolled({ taskFields: fields }), answers({ reached: true, notes: 'x' })])!;
    expect([partial.taskStatus, partial.missingFields]).to.deep.equal(['partial', ['injuryDate', 'treating']]);
    expect(
      fold([
        enrolled({ taskFields: fields }),
        answers({ reached: true, injuryDate: '2026-01-02' }),
        answers({ treating: 'yes' }),
      ])!.taskStatus,
    ).to.equal('complete');
    const takenBack = fold([
      enrolled({ taskFields: fields }),
      answers({ reached: true, injuryDate: '2026-01-02', treating: 'yes' }),
      answers({ treating: null }),
    ])!;
    expect([takenBack.taskStatus, takenBack.missingFields]).to.deep.equal(['partial', ['treating']]);
    expect(fold([enrolled(), answers({ reached: true })])!.taskStatus).to.equal('no_form');
  });

  it("keeps the latest conversation's summary, whatever order they are reported in", () => {
    expect(fold([enrolled(), summary('second call', 20), summary('first call', 10)])!.lastSummary).to.equal(
      'second call',
    );
    expect(fold([enrolled(), summary('first call', 10), summary('second call', 20)])!.lastSummary).to.equal(
      'second call',
    );
  });

  it("follows the contact's status and invents no contact it never saw enrolled", () => {
    const doc = fold([enrolled(), { type: 'ContactCompletedAllCalls', data: { campaignId, contactId, at: at(1) } }])!;
    expect(doc.status).to.equal('completed_all_calls');
    expect(fold([requested('sms', 1), inApp('sent', 2)])).to.equal(undefined);
  });

  const spec = projectionSpecification(contactEngagementProjection);
  const row = enrolledEngagementDoc('company-1', campaignId, contact, undefined);

  it('given an enrolled contact, when it calls in twice, then both are received calls, active at the latest; a caller no contact was found for counts nowhere', () =>
    spec
      .given([enrolledWith()])
      .when([inboundCall('call-in-2', at(9)), inboundCall('call-in-1', at(7)), inboundCall('call-in-3', at(8), {})])
      .then({ contact_engagement: [{ ...row, callsReceived: 2, lastActivityAt: at(9) }] }));

  it('given an enrolled contact, when marked completed, then completed; when its outreach resumes, then active again', async () => {
    await spec
      .given([enrolledWith()])
      .when([markedCompleted(at(1))])
      .then({ contact_engagement: [{ ...row, status: 'completed' }] });
    await spec
      .given([enrolledWith(), markedCompleted(at(1))])
      .when([outreachResumed(at(2))])
      .then({ contact_engagement: [row] });
  });
});
