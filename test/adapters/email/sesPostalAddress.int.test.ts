import { expect } from 'chai';
import { simpleParser } from 'mailparser';
import { sesEmail } from '../../../adapters/email/ses/sesEmail.ts';
import { messageCommands } from '../../../commands/messages/messageCommands.ts';
import { sendWorkflowStep, type StepToSend } from '../../../commands/messages/sendWorkflowStep.ts';
import type { Telephony } from '../../../commands/outreach/telephony.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { tempStores } from '../../support/tempStores.ts';
import { startSesEmulator } from './sesEmulator.ts';

const postalAddress = 'Smith & Partners LLP\n100 N LaSalle St, Suite 1200\nChicago, IL 60602';

describe("a workflow email sent through SES (aws-ses-v2-local) carries the sender's postal address", () => {
  let ses: Awaited<ReturnType<typeof startSesEmulator>>;
  let email: ReturnType<typeof sesEmail>;
  let stores: ReturnType<typeof tempStores>;

  before(async () => {
    ses = await startSesEmulator();
    email = sesEmail({
      region: 'us-east-1',
      endpoint: ses.endpoint,
      from: 'outreach@smith.example',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    stores = tempStores(engineRegistry);
  });
  after(async () => {
    email.close();
    await ses.stop();
    await stores.dispose();
  });

  const step = (overrides: Partial<StepToSend> = {}): StepToSend => ({
    companyId: '01970000-0000-7000-8000-000000000001',
    campaignId: '01970000-0000-7000-8000-0000000000c1',
    campaignName: 'Spring intake',
    caseType: 'personal injury',
    companyName: 'Smith & Partners LLP',
    postalAddress,
    contact: {
      caseId: 'case-1',
      contactId: 'contact-1',
      externalId: 'PI-1',
      phone: '+13125550001',
      name: 'Jane Doe',
      email: 'jane.doe@client.example',
      timezone: 'America/Chicago',
      timezoneSource: 'contact',
    },
    messageId: '0198a3c2-5f00-7000-8000-0000000000e1',
    step: 'w0.s0',
    channel: 'email',
    to: 'jane.doe@client.example',
    subject: 'Your case',
    body: 'Dear {{contact.name}},\nyour case is in good hands.',
    ...overrides,
  });
  const send = (s: StepToSend) =>
    sendWorkflowStep(
      {
        messages: messageCommands({ eventStore: stores.eventStore, registry: engineRegistry }),
        telephony: {} as Telephony,
        email,
        consent: async () => true,
        routing: {
          smsFrom: '+13125559999',
          emailFrom: 'outreach@smith.example',
          smsStatusCallbackUrl: () => 'https://engine.example/webhooks/twilio/sms/status',
          unsubscribeUrl: ({ messageId }) => `https://engine.example/unsubscribe/u1.${messageId}`,
        },
      },
      s,
      new Date('2026-03-02T15:00:00.000Z'),
    );

  it('in its text and HTML footers, next to the unsubscribe link', async () => {
    expect(await send(step())).to.equal('sent');
    const [raw, ...more] = ses.rawMessages();
    expect(more).to.have.length(0);
    const parsed = await simpleParser(raw!);
    const link = 'https://engine.example/unsubscribe/u1.0198a3c2-5f00-7000-8000-0000000000e1';
    expect(parsed.text?.replace(/\r\n/g, '\n')).to.equal(
      `Dear Jane Doe,\nyour case is in good hands.\n\n${postalAddress}\nUnsubscribe: ${link}`,
    );
    expect(parsed.html).to.include(
      `<p>Smith &amp; Partners LLP<br>\n100 N LaSalle St, Suite 1200<br>\nChicago, IL 60602<br>\n<a href="${link}">Unsubscribe</a></p>`,
    );
    expect(
      parsed.headerLines.find((header) => header.key === 'list-unsubscribe')?.line.replace(/\r\n\s+/g, ' '),
    ).to.equal(`List-Unsubscribe: <${link}>`);
  });

  it('is withheld, and nothing reaches SES, when the company has no postal address', async () => {
    await ses.clear();
    const { postalAddress: _none, ...withoutAddress } = step({ messageId: '0198a3c2-5f00-7000-8000-0000000000e2' });
    expect(await send(withoutAddress)).to.equal('withheld');
    expect(ses.rawMessages()).to.have.length(0);
  });
});
