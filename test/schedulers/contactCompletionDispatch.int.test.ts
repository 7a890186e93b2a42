import { expect } from 'chai';
import { campaignContactCommands } from '../../commands/campaignContacts/campaignContactCommands.ts';
import { streamConsentCheck } from '../../commands/messages/consentCheck.ts';
import type { SendEmail } from '../../commands/outreach/email.ts';
import type { Workflow } from '../../domain/campaign/draft.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { campaignContactsProjection } from '../../projections/campaignContacts/campaignContactsProjection.ts';
import { dueMessagesProjection } from '../../projections/outreach/dueMessagesProjection.ts';
import type { Projection } from '../../projections/projection.ts';
import { projectionRunner, type ProjectionRunner } from '../../projections/projectionRunner.ts';
import { workflowRunner } from '../../schedulers/workflowRunner.ts';
import { companyId, contacts, dispatchHarness, type DispatchHarness } from './dispatchHarness.ts';
import { realTime } from '../support/realTime.ts';

const campaignId = '01900000-0000-7000-8000-0000000000a7';
const workflows: Workflow[] = [
  {
    trigger: { kind: 'enrolled' },
    steps: [
      { channel: 'sms', body: 'We will call you today about your claim.' },
      { channel: 'email', subject: 'Your claim', body: 'Details of your claim.', delayMinutes: 60 },
    ],
  },
];

describe('contacts marked Completed or Completed (All Calls), as the dispatcher and workflow runner treat them', () => {
  let h: DispatchHarness;
  let messageModels: ProjectionRunner;
  const emails: SendEmail[] = [];

  const settle = async () => {
    await h.caughtUp();
    await messageModels.waitFor(await h.stores.eventStore.headPosition(), { timeoutMs: 10_000 });
  };
  const runner = () =>
    workflowRunner({
      eventStore: h.stores.eventStore,
      readStore: h.stores.readStore,
      registry: engineRegistry,
      telephony: h.telephony,
      email: { send: async (email) => (emails.push(email), { providerMessageId: `ses-${emails.length}` }) },
      consent: streamConsentCheck(h.stores.eventStore),
      routing: {
        smsFrom: '+13125559999',
        emailFrom: 'intake@hartley.example',
        smsStatusCallbackUrl: (id) => `http://127.0.0.1/webhooks/twilio/sms/status?messageId=${id}`,
        unsubscribeUrl: ({ messageId }) => `http://127.0.0.1/unsubscribe/token-${messageId}`,
      },
      clock: h.handTicked,
    });
  const messagesTo = async () =>
    (await h.eventsOf('MessageRequested'))
      .map((e) => `${(e.data as { channel: string }).channel}:${(e.data as { contactId: string }).contactId}`)
      .sort();
  const calledContacts = async () =>
    (await h.eventsOf('CallRequested')).map((e) => (e.data as { contactId: string }).contactId);

  beforeEach(async () => {
    h = dispatchHarness();
    await h.start();
    messageModels = projectionRunner({
      clock: realTime,
      eventStore: h.stores.eventStore,
      readStore: h.stores.readStore,
      projections: [dueMessagesProjection, campaignContactsProjection] as Projection[],
      pollIntervalMs: 10,
    });
    await messageModels.start();
    emails.length = 0;
  });
  afterEach(async () => {
    await messageModels.stop();
    await h.dispose();
  });

  it('a Completed contact gets neither calls nor messages; a Completed (All Calls) contact gets no calls but every message', async () => {
    const enrolled = contacts(3).map((c, i) => ({ ...c, name: `Client ${i}`, email: `client${i}@example.com` }));
    await h.launch(campaignId, enrolled, { type: 'multichannel', workflows });
    await settle();
    const commands = campaignContactCommands({ eventStore: h.stores.eventStore, registry: engineRegistry });
    const context = (id: string) => ({
      commandId: id,
      companyId,
      actor: 'api-key:test',
      now: new Date(h.clock.current),
    });
    await commands.complete(campaignId, ['contact-0'], 'settled', context('complete'));
    await commands.completeAllCalls(campaignId, ['contact-1'], undefined, context('calls-done'));
    await settle();

    const d = h.dispatcher();
    await d.tick();
    await runner().tick();
    await settle();
    expect(await calledContacts()).to.deep.equal(['contact-2']);
    expect(await messagesTo()).to.deep.equal(['sms:contact-1', 'sms:contact-2']);

    // An hour on, the busy retry and the email fall due together.
    const [call] = h.telephony.placed;
    await d.settlement.report(
      {
        callId: call!.callId,
        carrierCallId: h.telephony.carrierCallIdOf(call!.callId),
        progress: 'busy',
        reportedAt: h.clock.current.toISOString(),
      },
      { commandId: 'busy', companyId, actor: 'carrier', now: h.clock.current },
    );
    await settle();
    h.advance(61);
    await d.tick();
    await runner().tick();
    await settle();
    expect(await calledContacts()).to.deep.equal(['contact-2', 'contact-2']);
    expect(await messagesTo()).to.deep.equal(['email:contact-1', 'email:contact-2', 'sms:contact-1', 'sms:contact-2']);
    expect(emails.map((e) => e.to).sort()).to.deep.equal(['client1@example.com', 'client2@example.com']);

    const listed = await h.stores.readStore.find('campaign_contacts', { campaignId }, { sort: [['contactId', 1]] });
    expect(listed.items.map((doc) => [doc['contactId'], doc['status'], doc['attempts']])).to.deep.equal([
      ['contact-0', 'completed', 0],
      ['contact-1', 'completed_all_calls', 0],
      ['contact-2', 'active', 2],
    ]);
  });

  it('a contact resumed after Mark Completed is called and messaged again', async () => {
    await h.launch(
      campaignId,
      contacts(1).map((c) => ({ ...c, email: 'client0@example.com' })),
      { type: 'multichannel', workflows },
    );
    await settle();
    const commands = campaignContactCommands({ eventStore: h.stores.eventStore, registry: engineRegistry });
    await commands.complete(campaignId, ['contact-0'], undefined, {
      commandId: 'c',
      companyId,
      actor: 'test',
      now: new Date(h.clock.current),
    });
    await settle();
    const d = h.dispatcher();
    await d.tick();
    await runner().tick();
    expect(await calledContacts()).to.deep.equal([]);
    expect(await messagesTo()).to.deep.equal([]);
    await commands.resume(campaignId, ['contact-0'], 'client asked for a call back', {
      commandId: 'r',
      companyId,
      actor: 'test',
      now: new Date(h.clock.current),
    });
    await settle();
    await d.tick();
    await runner().tick();
    expect(await calledContacts()).to.deep.equal(['contact-0']);
    expect(await messagesTo()).to.deep.equal(['sms:contact-0']);
  });
});
