import { expect } from 'chai';
import { simpleParser } from 'mailparser';
import { sesEmail } from '../../../adapters/email/ses/sesEmail.ts';
import { messageIdHeader } from '../../../adapters/email/ses/rawMessage.ts';
import type { SendEmail } from '../../../commands/outreach/email.ts';
import { startSesEmulator } from './sesEmulator.ts';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { emailFromConfig } from '../../../adapters/email/emailFromConfig.ts';
import { loadConfig } from '../../../adapters/config/loadConfig.ts';

const pdf = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** Each header of a raw message as sent, unfolded: name (lower case) to value. */
const headersOf = async (raw: Buffer | undefined): Promise<Map<string, string>> => {
  const parsed = await simpleParser(raw ?? Buffer.alloc(0));
  return new Map(
    parsed.headerLines.map(({ key, line }) => [
      key,
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n\s+/g, ' ')
        .trim(),
    ]),
  );
};

const letter = (overrides: Partial<SendEmail> = {}): SendEmail => ({
  messageId: '0198a3c2-5f00-7000-8000-000000000001',
  from: 'Smith & Partners <outreach@smith.example>',
  to: 'jane.doe@client.example',
  subject: 'Your claim: one question — réponse demandée',
  text: 'Hello Jane,\nplease answer one question.',
  html: '<p>Hello Jane,</p><p>please answer <b>one</b> question.</p>',
  headers: {
    'List-Unsubscribe': '<https://engine.example/unsubscribe/abc>, <mailto:unsubscribe@smith.example?subject=abc>',
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  },
  attachments: [{ filename: 'claim summary.pdf', contentType: 'application/pdf', content: pdf }],
  ...overrides,
});

describe('SES email adapter against aws-ses-v2-local', () => {
  let ses: Awaited<ReturnType<typeof startSesEmulator>>;
  let email: ReturnType<typeof sesEmail>;

  before(async () => {
    ses = await startSesEmulator();
    email = sesEmail({
      region: 'us-east-1',
      endpoint: ses.endpoint,
      from: 'Default Sender <default@smith.example>',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  });
  beforeEach(() => ses.clear());
  after(async () => {
    email.close();
    await ses.stop();
  });

  it('sends one raw MIME message whose headers, bodies and attachment arrive as built', async () => {
    const { providerMessageId } = await email.send(letter());

    const [stored, ...others] = await ses.storedEmails();
    expect(others).to.have.length(0);
    expect(stored?.messageId).to.equal(providerMessageId);
    expect(stored?.from).to.equal('"Smith & Partners" <outreach@smith.example>');
    expect(stored?.destination.to).to.deep.equal(['jane.doe@client.example']);
    expect(stored?.subject).to.equal('Your claim: one question — réponse demandée');
    expect(stored?.body.text?.trim()).to.equal('Hello Jane,\nplease answer one question.');
    expect(stored?.body.html).to.equal('<p>Hello Jane,</p><p>please answer <b>one</b> question.</p>');
    expect(stored?.attachments.map((a) => [a.filename, a.contentType])).to.deep.equal([
      ['claim summary.pdf', 'application/pdf'],
    ]);
    expect(Buffer.from(stored?.attachments[0]?.content ?? '', 'base64').equals(pdf)).to.equal(true);

    const headers = await headersOf(ses.rawMessages()[0]);
    expect(headers.get('list-unsubscribe')).to.equal(
      '<https://engine.example/unsubscribe/abc>, <mailto:unsubscribe@smith.example?subject=abc>',
    );
    expect(headers.get('list-unsubscribe-post')).to.equal('List-Unsubscribe=One-Click');
    expect(headers.get(messageIdHeader.toLowerCase())).to.equal('0198a3c2-5f00-7000-8000-000000000001');
    expect(headers.get('content-type')).to.match(/^multipart\/mixed;/);
  });

  it('adds the one-click header to an https List-Unsubscribe link that lacks it', async () => {
    await email.send(
      letter({ headers: { 'List-Unsubscribe': '<https://engine.example/unsubscribe/xyz>' }, attachments: [] }),
    );
    expect((await headersOf(ses.rawMessages()[0])).get('list-unsubscribe-post')).to.equal('List-Unsubscribe=One-Click');
  });

  it('leaves a mailto-only List-Unsubscribe without the one-click header, which needs an https link', async () => {
    await email.send(letter({ headers: { 'List-Unsubscribe': '<mailto:unsubscribe@smith.example>' } }));
    const headers = await headersOf(ses.rawMessages()[0]);
    expect(headers.get('list-unsubscribe')).to.equal('<mailto:unsubscribe@smith.example>');
    expect(headers.has('list-unsubscribe-post')).to.equal(false);
  });

  it('sends a text-only message as text/plain, from the configured sender when the message names none', async () => {
    await email.send(letter({ from: '', html: undefined, attachments: undefined }));
    const [stored] = await ses.storedEmails();
    expect(stored?.from).to.equal('"Default Sender" <default@smith.example>');
    expect(stored?.body.html).to.equal(undefined);
    expect(stored?.attachments).to.have.length(0);
    expect((await headersOf(ses.rawMessages()[0])).get('content-type')).to.match(/^text\/plain;/);
  });

  it('keeps a header value with line breaks on one header line, so no header can be smuggled in', async () => {
    await email.send(letter({ headers: { 'X-Case-Reference': 'A-17\r\nBcc: attacker@evil.example' } }));
    const headers = await headersOf(ses.rawMessages()[0]);
    expect(headers.has('bcc')).to.equal(false);
    expect(headers.get('x-case-reference')).to.equal('A-17 Bcc: attacker@evil.example');
    const [stored] = await ses.storedEmails();
    expect(stored?.destination.to).to.deep.equal(['jane.doe@client.example']);
  });

  it('rejects when the endpoint cannot be reached, so the caller records a failed send', async () => {
    const closed = await startSesEmulator();
    await closed.stop();
    const unreachable = sesEmail({
      region: 'us-east-1',
      endpoint: closed.endpoint,
      from: 'default@smith.example',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    let error: unknown;
    try {
      await unreachable.send(letter());
    } catch (e) {
      error = e;
    } finally {
      unreachable.close();
    }
    expect(error).to.be.instanceOf(Error);
    expect(await ses.storedEmails()).to.have.length(0);
  });
});

describe('email chosen from configuration', () => {
  const simulated = {
    seed: 1,
    scheduler: virtualClock(new Date('2025-01-01T00:00:00Z')),
    reports: { messageStatus: async () => {}, unsubscribe: async () => {} },
  };

  it('sends through SES at SES_ENDPOINT when SES_FROM and AWS_REGION are set', async () => {
    const ses = await startSesEmulator();
    const config = loadConfig(
      { AWS_REGION: 'us-east-1', SES_FROM: 'Firm <firm@smith.example>', SES_ENDPOINT: ses.endpoint },
      [],
    );
    const email = emailFromConfig(config.email, simulated, { accessKeyId: 'test', secretAccessKey: 'test' });
    try {
      await ses.clear();
      await email.send(letter({ from: '' }));
      expect((await ses.storedEmails()).map((e) => e.from)).to.deep.equal(['"Firm" <firm@smith.example>']);
    } finally {
      email.close();
      await ses.stop();
    }
  });

  it('uses the simulated service when SES is not configured', async () => {
    const email = emailFromConfig(loadConfig({}, []).email, simulated);
    const { providerMessageId } = await email.send(letter());
    expect(providerMessageId).to.match(/^[0-9a-f]{32}$/);
  });
});
