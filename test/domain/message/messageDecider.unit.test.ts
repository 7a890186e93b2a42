import { messageDecider } from '../../../domain/message/decider.ts';
import type {
  ApplyMessageStatusReport,
  CarrierMessageProgress,
  MessageCommand,
} from '../../../domain/message/commands.ts';
import type { MessageEvent } from '../../../domain/message/events.ts';
import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(messageDecider);
const messageId = 'message-1';
const origin = { messageId, campaignId: 'campaign-1', contactId: 'contact-1', channel: 'sms' as const, step: 'w1.s1' };
const at = '2026-03-02T15:00:00.000Z';
const later = '2026-03-02T15:00:05.000Z';

const requested: MessageEvent = {
  type: 'MessageRequested',
  data: { ...origin, to: '+15550001111', from: '+15550009999', body: 'Hello Ana', requestedAt: at },
};
const request: MessageCommand = {
  type: 'RequestMessage',
  data: requested.data as Extract<MessageCommand, { type: 'RequestMessage' }>['data'],
};
const withheld: MessageEvent = {
  type: 'MessageWithheld',
  data: { ...origin, to: '+15550001111', reason: 'opted_out', at },
};
const sent: MessageEvent = { type: 'MessageSent', data: { messageId, carrierMessageId: 'SM1', sentAt: at } };
const report = (
  progress: CarrierMessageProgress,
  reportedAt = later,
  errorCode?: string,
): ApplyMessageStatusReport => ({
  type: 'ApplyMessageStatusReport',
  data: { messageId, carrierMessageId: 'SM1', progress, reportedAt, ...(errorCode ? { errorCode } : {}) },
});
const reported = (progress: 'queued' | 'sent' | 'delivered', reportedAt = later): MessageEvent => ({
  type: 'MessageStatusReported',
  data: { messageId, carrierMessageId: 'SM1', progress, reportedAt },
});

describe('message: requesting and sending', () => {
  it('is requested once, before the carrier is asked', () => spec.given([]).when(request).then([requested]));

  it('refuses a second request or a withholding of a message already decided', () => {
    spec
      .given([requested])
      .when(request)
      .thenThrows(IllegalStateError, /already requested or withheld/, 'MESSAGE.ALREADY_DECIDED');
    spec.given([withheld]).when(request).thenThrows(IllegalStateError, undefined, 'MESSAGE.ALREADY_DECIDED');
    spec
      .given([requested])
      .when({ type: 'WithholdMessage', data: withheld.data as never })
      .thenThrows(IllegalStateError);
  });

  it('records a withheld step so it is never tried again', () =>
    spec
      .given([])
      .when({ type: 'WithholdMessage', data: withheld.data as never })
      .then([withheld]));

  it('records the carrier id once', () => {
    spec.given([requested]).when({ type: 'RecordMessageSent', data: sent.data }).then([sent]);
    spec.given([requested, sent]).when({ type: 'RecordMessageSent', data: sent.data }).then([]);
  });

  it('records a carrier refusal as a failure, once', () => {
    const failure = { messageId, reason: 'carrier refused: 21211', at, errorCode: '21211' };
    spec
      .given([requested])
      .when({ type: 'RecordMessageFailure', data: failure })
      .then([{ type: 'MessageFailed', data: failure }]);
    spec
      .given([requested, { type: 'MessageFailed', data: failure }])
      .when({ type: 'RecordMessageFailure', data: failure })
      .then([]);
  });

  it('knows nothing of a message never requested', () => {
    spec
      .given([])
      .when(report('delivered'))
      .thenThrows(NotFoundError, /never requested/, 'MESSAGE.NOT_FOUND');
    spec.given([]).when({ type: 'RecordMessageSent', data: sent.data }).thenThrows(NotFoundError);
  });
});

describe('message: carrier status reports, in any order and twice', () => {
  it('records progress forward', () => {
    spec
      .given([requested, sent])
      .when(report('queued'))
      .then([reported('queued')]);
    spec
      .given([requested, sent, reported('queued')])
      .when(report('sent'))
      .then([reported('sent')]);
    spec
      .given([requested, sent, reported('sent')])
      .when(report('delivered'))
      .then([reported('delivered')]);
  });

  it('appends nothing for a duplicate or a report older than what is known', () => {
    spec
      .given([requested, sent, reported('sent')])
      .when(report('sent'))
      .then([]);
    spec
      .given([requested, sent, reported('sent')])
      .when(report('queued'))
      .then([]);
    spec
      .given([requested, sent, reported('delivered')])
      .when(report('sent'))
      .then([]);
  });

  it('turns failed and undelivered into MessageFailed with the carrier error code', () => {
    spec
      .given([requested, sent])
      .when(report('undelivered', later, '30003'))
      .then([
        {
          type: 'MessageFailed',
          data: { messageId, reason: 'undelivered', at: later, carrierMessageId: 'SM1', errorCode: '30003' },
        },
      ]);
    spec
      .given([requested, sent, reported('sent')])
      .when(report('failed'))
      .then([{ type: 'MessageFailed', data: { messageId, reason: 'failed', at: later, carrierMessageId: 'SM1' } }]);
  });

  it('changes nothing after a final status: delivered after failed, failed after delivered', () => {
    const failed: MessageEvent = {
      type: 'MessageFailed',
      data: { messageId, reason: 'failed', at: later, carrierMessageId: 'SM1' },
    };
    spec.given([requested, sent, failed]).when(report('delivered')).then([]);
    spec
      .given([requested, sent, reported('delivered')])
      .when(report('failed'))
      .then([]);
    spec
      .given([requested, sent, reported('delivered')])
      .when({ type: 'RecordMessageFailure', data: { messageId, reason: 'late', at } })
      .then([]);
  });

  it('takes a report that beats our record of the send, and still records the send after it', () => {
    spec
      .given([requested])
      .when(report('delivered'))
      .then([reported('delivered')]);
    spec
      .given([requested, reported('delivered')])
      .when({ type: 'RecordMessageSent', data: sent.data })
      .then([sent]);
  });

  it('ignores reports about a withheld message', () => spec.given([withheld]).when(report('delivered')).then([]));
});
