import { expect } from 'chai';
import { maskSecretsAndContacts, maskDeep } from '../../http/redaction.ts';

describe('maskSecretsAndContacts', () => {
  const cases: [string, string][] = [
    ['+15551234567', '+*********67'],
    ['call +442071838750 now', 'call +**********50 now'],
    ['?phone=%2B15551234567&x=1', '?phone=%2B*********67&x=1'],
    ['jane.doe@example.com', 'j***@example.com'],
    ['to=jane%40example.co.uk', 'to=j***@example.co.uk'],
    ['x+15551234567@example.com', 'x***@example.com'],
    [
      'call 3125550111 or 1-312-555-0112 or (312) 555-0113 or 312.555.0114',
      'call ********11 or *-***-***-**12 or (***) ***-**13 or ***.***.**14',
    ],
    ['Bearer oek_0190f0e4_0190f0e5_Zm9v-YmFy and more', 'Bearer oek_[redacted] and more'],
    ['link /unsubscribe/u1.eyJjIjoiYSJ9.c2ln-bmF0dXJl now', 'link /unsubscribe/u1.[redacted] now'],
  ];
  for (const [input, masked] of cases) {
    it(`masks ${input}`, () => expect(maskSecretsAndContacts(input)).to.equal(masked));
  }

  it('leaves positions, ids and short numbers alone', () => {
    for (const text of [
      'position 12345678901234567890',
      'campaign 0190f0e4-7b1a-7c3e-9a2b-3c4d5e6f7a8b',
      'contact 0190f0e4-7b1a-7c3e-9a2b-312555011199',
      '+1234',
      'lag 5000',
      'at 2026-12-07T04:24:23.000Z',
      'took 1234 ms',
    ])
      expect(maskSecretsAndContacts(text)).to.equal(text);
  });
});

describe('maskDeep', () => {
  it('masks strings inside plain objects and arrays and leaves other objects untouched', () => {
    const error = new Error('+15551234567');
    const masked = maskDeep({ a: ['+15551234567', { b: 'jane@example.com' }], n: 3, error }) as Record<string, unknown>;
    expect(masked).to.deep.equal({ a: ['+*********67', { b: 'j***@example.com' }], n: 3, error });
    expect(masked.error).to.equal(error);
  });

  it('keeps positions and checkpoints, which may be as long as a phone number', () => {
    expect(
      maskDeep({
        checkpoint: '3125550111',
        position: '13125550111',
        note: '3125550111',
        checkpointNote: { checkpoint: 'call +13125550111' },
      }),
    ).to.deep.equal({
      checkpoint: '3125550111',
      position: '13125550111',
      note: '********11',
      checkpointNote: { checkpoint: 'call +*********11' },
    });
  });
});
