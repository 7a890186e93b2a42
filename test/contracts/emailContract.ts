import { expect } from 'chai';
import type { Email, SendEmail } from '../../commands/outreach/email.ts';

export type EmailFactory = { open(): Promise<Email> };

const message = (n: number, overrides: Partial<SendEmail> = {}): SendEmail => ({
  messageId: `contract-${n}`,
  from: 'Firm <firm@smith.example>',
  to: `client${n}@example.com`,
  subject: `Message ${n}`,
  text: 'Hello',
  headers: {
    'List-Unsubscribe': `<https://engine.example/unsubscribe/${n}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  ...overrides,
});

/** What every Email adapter promises the engine: each accepted message gets the provider's own id. */
export const emailContract = (factory: EmailFactory): void => {
  let email: Email;
  beforeEach(async () => {
    email = await factory.open();
  });

  it('answers a provider id for each message, a different one for each', async () => {
    const ids = [];
    for (let n = 0; n < 5; n += 1) ids.push((await email.send(message(n))).providerMessageId);
    for (const id of ids) expect(id).to.be.a('string').and.not.equal('');
    expect(new Set(ids).size).to.equal(5);
  });

  it('accepts html alongside text, and attachments', async () => {
    const { providerMessageId } = await email.send(
      message(9, {
        html: '<p>Hello</p>',
        attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('a') }],
      }),
    );
    expect(providerMessageId).to.be.a('string').and.not.equal('');
  });
};
