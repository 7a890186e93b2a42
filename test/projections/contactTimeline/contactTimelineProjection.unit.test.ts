import type { CaseEvent } from '../../../domain/case/events.ts';
import { contactTimelineProjection } from '../../../projections/contactTimeline/contactTimelineProjection.ts';
import { projectionSpecification } from '../../support/projectionSpecification.ts';
import {
  answersRecorded,
  appStatusChanged,
  attemptEnded,
  callCompleted,
  callRequested,
  callsWithheld,
  completedAllCalls,
  inAppMessage,
  inboundCall,
  inboundText,
  invoked,
  markedCompleted,
  messageFailed,
  messageRequested,
  messageSent,
  messageStatus,
  messageWithheld,
  optedIn,
  optedOut,
  optOutRequested,
  outreachResumed,
  phone,
  placed,
  progressed,
  recordingAvailable,
  requestReleased,
  summaryRecorded,
  transferred,
} from '../outreachEvents.ts';

const spec = projectionSpecification(contactTimelineProjection);
const t0 = '2026-03-02T16:00:00.000Z';
const t1 = '2026-03-02T16:00:05.000Z';
const t2 = '2026-03-02T16:00:20.000Z';
const t3 = '2026-03-02T16:03:20.000Z';
const contact = { companyId: 'company-1', campaignId: 'campaign-1', contactId: 'contact-1' };
const request = callRequested('call-1', t0);

describe('contact timeline read model', () => {
  it('given no call, when one is requested, then an outbound call entry at the request, with its attempt and number', () =>
    spec
      .given([])
      .when([request])
      .thenDocument('contact_timeline', 'call-call-1', {
        ...contact,
        kind: 'call',
        at: t0,
        callId: 'call-1',
        direction: 'outbound',
        attempt: 1,
        run: 0,
        to: phone,
        requestedAt: t0,
        outcome: null,
      }));

  it('given a requested call, when placed, answered, completed, recorded, transferred, summarised and its attempt ends, then the entry tells each, the attempt outcome outranking the carrier one', () =>
    spec
      .given([request])
      .when([
        placed('call-1', t1),
        progressed('call-1', 'ringing', t1),
        progressed('call-1', 'in_progress', t2, 'human'),
        recordingAvailable('call-1'),
        transferred('call-1', t2),
        summaryRecorded('call-1', 'Wants a callback', t3),
        attemptEnded('call-1', 'transferred', t3),
        callCompleted('call-1', 'answered', 180, t3),
      ])
      .thenDocument('contact_timeline', 'call-call-1', {
        placedAt: t1,
        answeredAt: t2,
        answeredBy: 'human',
        recorded: true,
        transferredAt: t2,
        transferredTo: '+15557654321',
        summary: 'Wants a callback',
        summaryAt: t3,
        outcome: 'transferred',
        durationSeconds: 180,
        endedAt: t3,
      }));

  it('given an answered call, when a later answer is reported, then the first answer stands', () =>
    spec
      .given([request, progressed('call-1', 'in_progress', t1, 'machine')])
      .when([progressed('call-1', 'in_progress', t2, 'human')])
      .thenDocument('contact_timeline', 'call-call-1', { answeredAt: t1, answeredBy: 'machine' }));

  it('given a call, when the person asks not to be called or the request is released, then the entry says so', async () => {
    await spec
      .given([request])
      .when([optOutRequested('call-1', t2)])
      .thenDocument('contact_timeline', 'call-call-1', { optOutRequestedAt: t2 });
    await spec
      .given([request])
      .when([requestReleased('call-1', t2)])
      .thenDocument('contact_timeline', 'call-call-1', { releasedAt: t2, releaseReason: 'never_dialled' });
  });

  it('given no request, when an inbound call is received or placed, then its entry begins there; an unknown caller has none', async () => {
    await spec
      .given([])
      .when([inboundCall('call-2', t0), inboundCall('call-3', t0, {})])
      .then({
        contact_timeline: [
          {
            ...contact,
            _id: 'call-call-2',
            kind: 'call',
            at: t0,
            callId: 'call-2',
            direction: 'inbound',
            from: phone,
            route: inboundCall('call-2', t0).data.route,
            recorded: false,
            attempt: null,
            run: null,
            to: '+13125550199',
            requestedAt: null,
            placedAt: null,
            answeredAt: null,
            answeredBy: null,
            outcome: null,
            durationSeconds: null,
            endedAt: null,
            transferredAt: null,
            transferredTo: null,
            summary: null,
            summaryAt: null,
            optOutRequestedAt: null,
            releasedAt: null,
            releaseReason: null,
          },
        ],
      });
    await spec
      .given([])
      .when([placed('call-4', t1)])
      .thenDocument('contact_timeline', 'call-call-4', {
        ...contact,
        kind: 'call',
        at: t1,
        placedAt: t1,
        direction: 'outbound',
      });
  });

  it('given no call, when a completion arrives for it, then nothing is invented', () =>
    spec
      .given([])
      .when([callCompleted('call-9', 'answered', 10, t1)])
      .then({ contact_timeline: [] }));

  it('given a contact, when its status changes, then one status entry each, with its reason', () =>
    spec
      .given([])
      .when([
        callsWithheld('opted_out', t0),
        markedCompleted(t1, 'form_complete'),
        outreachResumed(t2),
        completedAllCalls(t3),
        invoked(t3),
      ])
      .then({
        contact_timeline: [
          { ...contact, _id: 'enrollment-e1', kind: 'status', at: t0, change: 'calls_withheld', reason: 'opted_out' },
          { ...contact, _id: 'enrollment-e2', kind: 'status', at: t1, change: 'completed', reason: 'form_complete' },
          { ...contact, _id: 'enrollment-e3', kind: 'status', at: t2, change: 'resumed', reason: null },
          { ...contact, _id: 'enrollment-e4', kind: 'status', at: t3, change: 'completed_all_calls', reason: null },
          { ...contact, _id: 'enrollment-e5', kind: 'status', at: t3, change: 'invoked', reason: 'invocation inv-1' },
        ],
      }));

  it('given no message, when a text is requested, then its entry holds the step, number and body, requested', () =>
    spec
      .given([])
      .when([messageRequested('m-1', 'sms', 'w1.s1', t0)])
      .then({
        contact_timeline: [
          {
            ...contact,
            _id: 'message-m-1',
            kind: 'message',
            at: t0,
            messageId: 'm-1',
            channel: 'sms',
            step: 'w1.s1',
            to: phone,
            subject: null,
            body: 'Hi Dana',
            status: 'requested',
            statusAt: t0,
            reason: null,
          },
        ],
      }));

  it('given a requested text, when it is sent, delivered, then a late queued report comes, then the status only moves forward', () =>
    spec
      .given([messageRequested('m-1', 'sms', 'w1.s1', t0)])
      .when([messageSent('m-1', t1), messageStatus('m-1', 'delivered', t2), messageStatus('m-1', 'queued', t3)])
      .then({
        contact_timeline: [
          {
            ...contact,
            _id: 'message-m-1',
            kind: 'message',
            at: t0,
            messageId: 'm-1',
            channel: 'sms',
            step: 'w1.s1',
            to: phone,
            subject: null,
            body: 'Hi Dana',
            status: 'delivered',
            statusAt: t2,
            reason: null,
          },
        ],
      }));

  it('given a requested email, when it fails, then it failed and why; given a withheld step, then its entry says withheld', async () => {
    await spec
      .given([messageRequested('m-2', 'email', 'w1.s2', t0)])
      .when([messageFailed('m-2', t1)])
      .thenDocument('contact_timeline', 'message-m-2', {
        channel: 'email',
        subject: 'Your case',
        body: null,
        status: 'failed',
        statusAt: t1,
        reason: 'undelivered',
      });
    await spec
      .given([])
      .when([messageWithheld('m-3', 'w1.s3', t1)])
      .thenDocument('contact_timeline', 'message-m-3', {
        status: 'withheld',
        statusAt: t1,
        reason: 'opted_out',
        body: null,
      });
  });

  it('given a contact, when it opts out in the campaign and is reopened, then one entry each; consent heard outside the campaign is not on it', () =>
    spec
      .given([])
      .when([
        optedOut(phone, 'all', t0, { campaignId: 'campaign-1', contactId: 'contact-1', keyword: 'STOP' }),
        optedIn(phone, 'sms', t1, {
          campaignId: 'campaign-1',
          contactId: 'contact-1',
          source: 'admin',
          reopenedBy: 'admin@example.com',
          reason: 'asked',
        }),
        optedOut(phone, 'all', t2),
      ])
      .then({
        contact_timeline: [
          {
            ...contact,
            _id: 'consent-e1',
            kind: 'opt_out',
            at: t0,
            address: phone,
            channel: 'all',
            source: 'sms_keyword',
            keyword: 'STOP',
            matched: null,
            excerpt: null,
            callId: null,
            messageId: null,
            by: null,
            reason: null,
          },
          {
            ...contact,
            _id: 'consent-e2',
            kind: 'opt_in',
            at: t1,
            address: phone,
            channel: 'sms',
            source: 'admin',
            keyword: null,
            matched: null,
            excerpt: null,
            callId: null,
            messageId: null,
            by: 'admin@example.com',
            reason: 'asked',
          },
        ],
      }));

  it('given a contact, when it texts back, writes in the app and its app status changes, then one entry each; a text from no known contact is not on any', () =>
    spec
      .given([])
      .when([
        inboundText('Call me', t0),
        inboundText('Who is this', t0, {}),
        inAppMessage('app-1', 'received', t1),
        appStatusChanged('installed', t2),
      ])
      .then({
        contact_timeline: [
          {
            ...contact,
            _id: 'app-e3',
            kind: 'app_message',
            at: t1,
            messageId: 'app-1',
            direction: 'received',
            body: 'See you Monday',
          },
          { ...contact, _id: 'app-e4', kind: 'app_status', at: t2, appStatus: 'installed' },
          {
            ...contact,
            _id: 'inbound-e1',
            kind: 'inbound',
            at: t0,
            from: phone,
            to: '+13125550199',
            body: 'Call me',
            intent: 'message',
          },
        ],
      }));

  it('given answers, when later answers change one, then the latest answer of each field is kept with its call', () =>
    spec
      .given([answersRecorded('call-1', { injury_date: '2026-01-04', wants_callback: true }, t0)])
      .when([answersRecorded('call-2', { wants_callback: false }, t1)])
      .then({
        contact_answers: [
          {
            ...contact,
            _id: 'campaign-1.contact-1',
            answers: {
              injury_date: { value: '2026-01-04', at: t0, callId: 'call-1' },
              wants_callback: { value: false, at: t1, callId: 'call-2' },
            },
          },
        ],
      }));

  it('given a contact, when its answers write case fields, then an entry names the fields, case and call', () => {
    const written: CaseEvent = {
      type: 'CaseFieldsUpdated',
      data: {
        listId: 'list-1',
        caseId: 'case-1',
        fields: { incident_date: '2026-01-04' },
        source: { campaignId: 'campaign-1', callId: 'call-1', formId: 'form-1', contactId: 'contact-1' },
        at: t1,
      },
    };
    return spec
      .given([])
      .when([written])
      .then({
        contact_timeline: [
          {
            ...contact,
            _id: 'case-e1',
            kind: 'case_fields_updated',
            at: t1,
            listId: 'list-1',
            caseId: 'case-1',
            callId: 'call-1',
            formId: 'form-1',
            fields: { incident_date: '2026-01-04' },
          },
        ],
      });
  });
});
