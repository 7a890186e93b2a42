import { expect } from 'chai';
import { consentDecider } from '../../../domain/consent/decider.ts';
import type { ConsentCommand } from '../../../domain/consent/commands.ts';
import type { ConsentEvent } from '../../../domain/consent/events.ts';
import { ValidationError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(consentDecider);
const companyId = '01970000-0000-7000-8000-000000000001';
const phone = '+15551230001';
const email = 'client@example.com';
const at = '2026-03-01T15:00:00.000Z';

const optOut = (
  source: 'sms_keyword' | 'sms_free_text' | 'agent_reported' | 'email_unsubscribe' | 'admin',
  address = phone,
  extra = {},
): ConsentCommand => ({
  type: 'RecordOptOut',
  data: { companyId, address, at, source, ...extra },
});
const optedOut = (
  channel: 'voice' | 'sms' | 'email' | 'all',
  source: ConsentEvent['data']['source'] & string,
  address = phone,
  extra = {},
): ConsentEvent =>
  ({ type: 'ContactOptedOut', data: { companyId, address, channel, source, at, ...extra } }) as ConsentEvent;
const smsOptIn = (keyword = 'START'): ConsentCommand => ({
  type: 'RecordSmsOptIn',
  data: { companyId, address: phone, at, keyword },
});
const reopen = (
  reopenedBy: string,
  reason: string,
  address = phone,
  channel?: 'voice' | 'sms' | 'email' | 'all',
): ConsentCommand => ({
  type: 'ReopenOutreach',
  data: { companyId, address, at, reopenedBy, reason, ...(channel ? { channel } : {}) },
});

describe('consent decider', () => {
  describe('opting out', () => {
    it('an SMS STOP blocks calls and texts to the number (the safer reading of revocation by any reasonable means)', () => {
      spec
        .given([])
        .when(optOut('sms_keyword', phone, { context: { campaignId: 'c1', keyword: 'STOP', excerpt: 'STOP' } }))
        .then([optedOut('all', 'sms_keyword', phone, { campaignId: 'c1', keyword: 'STOP', excerpt: 'STOP' })]);
      spec
        .given([])
        .when(optOut('sms_keyword'))
        .thenState((state) => expect(state.blocked).to.deep.equal({ voice: true, sms: true, email: false }));
    });

    it('a free-text request and an in-call request block every channel of the number too', () => {
      spec
        .given([])
        .when(optOut('sms_free_text'))
        .then([optedOut('all', 'sms_free_text')]);
      spec
        .given([])
        .when(optOut('agent_reported', phone, { context: { callId: 'call-1' } }))
        .then([optedOut('all', 'agent_reported', phone, { callId: 'call-1' })]);
    });

    it('an email unsubscribe blocks email to that address, kept in lower case', () => {
      spec
        .given([])
        .when(optOut('email_unsubscribe', ' Client@Example.COM ', { context: { messageId: 'm1' } }))
        .then([optedOut('email', 'email_unsubscribe', email, { messageId: 'm1' })]);
    });

    it('an admin opt-out blocks the channel it names, all by default', () => {
      spec
        .given([])
        .when(optOut('admin', phone, { channel: 'voice' }))
        .then([optedOut('voice', 'admin')]);
      spec
        .given([])
        .when(optOut('admin'))
        .then([optedOut('all', 'admin')]);
    });

    it('a repeated opt-out records nothing when every channel it covers is already blocked', () => {
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(optOut('sms_keyword'))
        .then([]);
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(optOut('agent_reported'))
        .then([]);
      spec
        .given([optedOut('email', 'email_unsubscribe', email)])
        .when(optOut('email_unsubscribe', email))
        .then([]);
    });

    it('an opt-out that blocks more than what is blocked is recorded', () => {
      spec
        .given([optedOut('voice', 'admin')])
        .when(optOut('sms_keyword'))
        .then([optedOut('all', 'sms_keyword')]);
    });

    it('keeps at most 160 characters of the message that asked', () => {
      spec
        .given([])
        .when(optOut('sms_free_text', phone, { context: { excerpt: 'x'.repeat(500) } }))
        .then([optedOut('all', 'sms_free_text', phone, { excerpt: 'x'.repeat(160) })]);
    });

    it('refuses sources and channels the address cannot have, and addresses that are neither phone nor email', () => {
      spec
        .given([])
        .when(optOut('email_unsubscribe', phone))
        .thenThrows(ValidationError, /cannot come from a phone number/, 'CONSENT.SOURCE_MISMATCH');
      spec
        .given([])
        .when(optOut('sms_keyword', email))
        .thenThrows(ValidationError, /cannot come from an email address/, 'CONSENT.SOURCE_MISMATCH');
      spec
        .given([])
        .when(optOut('admin', email, { channel: 'voice' }))
        .thenThrows(ValidationError, /has no voice channel/, 'CONSENT.CHANNEL_MISMATCH');
      spec.given([]).when(optOut('admin', '555-1234')).thenThrows(ValidationError, /E.164/, 'CONSENT.INVALID_ADDRESS');
    });
  });

  describe('opting in by SMS', () => {
    it('START after STOP resumes texts only; calls stay blocked until an admin reopens them', () => {
      const optedIn: ConsentEvent = {
        type: 'ContactOptedIn',
        data: { companyId, address: phone, channel: 'sms', source: 'sms_keyword', at, keyword: 'START' },
      };
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(smsOptIn())
        .then([optedIn]);
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(smsOptIn())
        .thenState((state) => expect(state.blocked).to.deep.equal({ voice: true, sms: false, email: false }));
    });

    it('a YES or START from a number that never opted out records nothing (an ordinary reply)', () => {
      spec.given([]).when(smsOptIn('START')).then([]);
      spec
        .given([])
        .when({ type: 'RecordSmsOptIn', data: { companyId, address: phone, at, keyword: 'YES', answer: true } })
        .then([]);
      spec
        .given([optedOut('voice', 'admin')])
        .when(smsOptIn('YES'))
        .then([]);
    });
  });

  describe('answering the opt-in question of an uncertain opt-out', () => {
    const question = { answer: 'YES', by: '2026-03-02T15:00:00.000Z' };
    const phraseOptOut = optedOut('all', 'sms_free_text', phone, {
      optInAnswer: 'YES',
      optInAnswerBy: question.by,
      matched: 'en.remove_me: remove me',
    });
    const answer = (when: string, keyword = 'YES'): ConsentCommand => ({
      type: 'RecordSmsOptIn',
      data: { companyId, address: phone, at: when, keyword, answer: true },
    });
    const optedInBy = (keyword: string, when: string): ConsentEvent => ({
      type: 'ContactOptedIn',
      data: { companyId, address: phone, channel: 'sms', source: 'sms_keyword', at: when, keyword },
    });

    it('records the question and its deadline on the opt-out', () => {
      spec
        .given([])
        .when(
          optOut('sms_free_text', phone, { optInQuestion: question, context: { matched: 'en.remove_me: remove me' } }),
        )
        .then([phraseOptOut]);
    });

    it('refuses a question after an opt-out not heard by text, or with a deadline not after the opt-out', () => {
      spec
        .given([])
        .when(optOut('agent_reported', phone, { optInQuestion: question }))
        .thenThrows(ValidationError, /opt-in question/, 'CONSENT.QUESTION_INVALID');
      spec
        .given([])
        .when(optOut('sms_free_text', phone, { optInQuestion: { answer: 'YES', by: at } }))
        .thenThrows(ValidationError, /later deadline/, 'CONSENT.QUESTION_INVALID');
      spec
        .given([])
        .when(optOut('sms_free_text', phone, { optInQuestion: { answer: 'yes', by: question.by } }))
        .thenThrows(ValidationError, /keyword/, 'CONSENT.QUESTION_INVALID');
    });

    it('YES within the window after an opt-out read from words reopens texts; calls stay blocked', () => {
      const inTime = '2026-03-02T14:59:59.000Z';
      spec
        .given([phraseOptOut])
        .when(answer(inTime))
        .then([optedInBy('YES', inTime)]);
      spec
        .given([phraseOptOut])
        .when(answer(question.by))
        .then([optedInBy('YES', question.by)]);
      spec
        .given([phraseOptOut])
        .when(answer(inTime))
        .thenState((state) =>
          expect(state).to.deep.equal({
            blocked: { voice: true, sms: false, email: false },
            revokedByPersonAt: { voice: at },
          }),
        );
    });

    it('YES after the window reopens nothing', () => {
      spec.given([phraseOptOut]).when(answer('2026-03-02T15:00:00.001Z')).then([]);
    });

    it('YES after a bare STOP, which asked no question, reopens nothing', () => {
      spec
        .given([optedOut('all', 'sms_keyword', phone, { keyword: 'STOP' })])
        .when(answer(at))
        .then([]);
    });

    it('a word other than the one asked for is no answer, and a question is answered once', () => {
      spec.given([phraseOptOut]).when(answer(at, 'OUI')).then([]);
      spec
        .given([phraseOptOut, optedInBy('YES', at), optedOut('all', 'sms_keyword')])
        .when(answer(at))
        .then([]);
    });

    it('START always reopens texts, question or none, in time or late', () => {
      spec
        .given([phraseOptOut])
        .when({ ...smsOptIn(), data: { ...smsOptIn().data, at: '2026-04-01T00:00:00.000Z' } } as ConsentCommand)
        .then([optedInBy('START', '2026-04-01T00:00:00.000Z')]);
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(smsOptIn('START'))
        .then([optedInBy('START', at)]);
    });
  });

  describe('reopening by an admin', () => {
    it('records who and why, and unblocks every channel', () => {
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(reopen('api-key:k1', 'client called the office and asked to be contacted again'))
        .then([
          {
            type: 'ContactOptedIn',
            data: {
              companyId,
              address: phone,
              channel: 'all',
              source: 'admin',
              at,
              reopenedBy: 'api-key:k1',
              reason: 'client called the office and asked to be contacted again',
            },
          },
        ]);
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(reopen('api-key:k1', 'asked again'))
        .thenState((state) => expect(state.blocked).to.deep.equal({ voice: false, sms: false, email: false }));
    });

    it('needs who and why', () => {
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(reopen('api-key:k1', '  '))
        .thenThrows(ValidationError, /who and why/, 'CONSENT.REOPEN_INVALID');
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(reopen('', 'asked again'))
        .thenThrows(ValidationError, /who and why/, 'CONSENT.REOPEN_INVALID');
    });

    it('records nothing when nothing it covers is blocked', () => {
      spec.given([]).when(reopen('api-key:k1', 'asked again')).then([]);
      spec
        .given([optedOut('all', 'sms_keyword')])
        .when(reopen('api-key:k1', 'asked again', phone, 'email'))
        .thenThrows(ValidationError, /no email channel/);
    });
  });
});
