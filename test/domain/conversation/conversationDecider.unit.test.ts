import { conversationDecider } from '../../../domain/conversation/decider.ts';
import type { ConversationEvent } from '../../../domain/conversation/events.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(conversationDecider);
const text = (carrierMessageId: string, body = 'STOP') => ({
  companyId: 'co-1',
  address: '+13125550100',
  to: '+15557650000',
  body,
  carrierMessageId,
  receivedAt: '2026-03-02T15:00:00.000Z',
  intent: 'opt_out' as const,
  campaignId: 'camp-1',
  contactId: 'contact-1',
});
const received = (id: string): ConversationEvent => ({ type: 'InboundMessageReceived', data: text(id) });
const record = (id: string) => ({ type: 'RecordInboundMessage' as const, data: text(id) });

describe('conversation: inbound texts', () => {
  it('records a text the first time the carrier delivers it', () =>
    spec
      .given([])
      .when(record('SM1'))
      .then([received('SM1')]));
  it('records nothing when the carrier delivers the same text again', () =>
    spec
      .given([received('SM1'), received('SM2')])
      .when(record('SM1'))
      .then([]));
  it('records a second text with the same words as a text of its own', () =>
    spec
      .given([received('SM1')])
      .when(record('SM2'))
      .then([received('SM2')]));
});
