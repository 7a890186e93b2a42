import { expect } from 'chai';
import {
  isRevocation,
  unroutedTextsDecider,
  type RecordUnroutedText,
  type UnroutedText,
  type UnroutedTextEvent,
} from '../../../domain/consent/unroutedTexts.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';

const spec = deciderSpecification(unroutedTextsDecider);
const text: UnroutedText = {
  from: '+13125550100',
  to: '+13125550111',
  body: 'STOP',
  carrierMessageId: 'SM1',
  receivedAt: '2026-11-20T16:00:00.000Z',
  intent: 'opt_out',
};
const record = (data = text): RecordUnroutedText => ({ type: 'RecordUnroutedText', data });
const received = (data = text): UnroutedTextEvent => ({ type: 'UnroutedTextReceived', data });

describe('unrouted texts decider', () => {
  it('records a text no company could be found for, with its intent', () => {
    spec.given([]).when(record()).then([received()]);
  });

  it('records a repeated delivery of the same text once', () => {
    spec.given([received()]).when(record()).then([]);
  });

  it('keeps every other text from the sender, in order', () => {
    const later: UnroutedText = { ...text, carrierMessageId: 'SM2', body: 'hello?', intent: 'message' };
    spec
      .given([received()])
      .when(record(later))
      .thenState((state) => expect(state.texts.map((t) => t.carrierMessageId)).to.deep.equal(['SM1', 'SM2']));
  });

  it('counts a STOP keyword and a request in words as revocations, nothing else', () => {
    expect(
      ['opt_out', 'opt_out_request', 'opt_in', 'help', 'message'].filter((intent) => isRevocation(intent as never)),
    ).to.deep.equal(['opt_out', 'opt_out_request']);
  });
});
