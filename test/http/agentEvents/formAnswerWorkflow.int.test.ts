import { expect } from 'chai';
import { virtualClock } from '../../../adapters/clock/virtualClock.ts';
import { simulatedEmail } from '../../../adapters/email/simulated/simulatedEmail.ts';
import { simulatedTelephony } from '../../../adapters/telephony/simulated/simulatedTelephony.ts';
import { streamConsentCheck } from '../../../commands/messages/consentCheck.ts';
import type { Workflow } from '../../../domain/campaign/draft.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import type { Event } from '../../../domain/events/event.ts';
import {
  CAMPAIGN_CONTACTS,
  campaignContactId,
  type CampaignContactDoc,
} from '../../../projections/campaignContacts/campaignContactDocument.ts';
import { workflowRunner } from '../../../schedulers/workflowRunner.ts';
import { startApi, type Api } from '../../support/apiHarness.ts';
import { callSeeds } from './agentEventSeeds.ts';

const campaignId = '01900000-0000-7000-8000-000000000901';
const callId = '01900000-0000-7000-8000-000000000902';
const phone = '+13125550142';
const at = '2026-03-02T15:00:00.000Z';

const workflows: Workflow[] = [
  {
    trigger: { kind: 'form_answer', fieldKey: 'wants_callback', value: true },
    steps: [
      {
        channel: 'sms',
        body: 'Thanks {{contact.firstName}}, {{company.name}} will call you back about {{case.externalId}}.',
      },
    ],
  },
  {
    trigger: { kind: 'form_answer', fieldKey: 'clinic', value: 'South' },
    steps: [{ channel: 'sms', body: 'South clinic directions.' }],
  },
];

describe('a form answer the agent reports triggers the workflow waiting for it', function () {
  this.timeout(30_000);
  let api: Api;
  afterEach(() => api?.close());

  it('sends the form_answer step once after POST /v1/agent-events, and the contact stays open until it is reviewed', async () => {
    const clock = virtualClock(new Date(at));
    api = await startApi({ clock: () => clock.now() });
    const { companyId, apiKey } = await api.createCompany();
    const seeds = callSeeds(api, companyId);
    const append = (stream: string, events: readonly Event[]) => seeds.append(stream, events, at);
    const caughtUp = async () =>
      api.engine.runner.waitFor(await api.stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    const contact = {
      caseId: 'case-1',
      contactId: 'contact-1',
      externalId: 'PI-1',
      phone,
      name: 'Dana Whitfield',
      timezone: 'America/Chicago',
      timezoneSource: 'contact' as const,
    };
    await append(`campaign-${campaignId}`, [
      { type: 'CampaignDraftStarted', data: { campaignId, companyId, name: 'Spring intake', createdAt: at } },
      {
        type: 'CampaignLaunched',
        data: {
          campaignId,
          launchedAt: at,
          name: 'Spring intake',
          settings: { type: 'voice', workflows },
          list: { listId: 'list-1', caseType: 'personal injury', listRevision: 0, caseCount: 1, contactCount: 1 },
        },
      },
      { type: 'ContactsEnrolled', data: { campaignId, batch: 0, contacts: [contact] } },
    ]);
    await seeds.placedCall(campaignId, 'contact-1', callId, at);
    await caughtUp();

    const telephony = simulatedTelephony({
      seed: 3,
      scheduler: clock,
      reports: {
        messageStatus: async () => {},
        callStatus: async () => {},
        agent: async () => {},
        inboundSms: async () => {},
      },
    });
    const runner = workflowRunner({
      eventStore: api.stores.eventStore,
      readStore: api.stores.readStore,
      registry: engineRegistry,
      telephony,
      email: simulatedEmail({
        seed: 3,
        scheduler: clock,
        reports: { messageStatus: async () => {}, unsubscribe: async () => {} },
      }),
      consent: streamConsentCheck(api.stores.eventStore),
      routing: {
        smsFrom: '+13125559999',
        emailFrom: 'intake@hartley.example',
        smsStatusCallbackUrl: (id) => `https://engine.example/sms/${id}`,
        unsubscribeUrl: () => 'https://engine.example/unsubscribe',
      },
      clock,
    });
    const tick = async () => {
      const result = await runner.tick();
      await caughtUp();
      return result;
    };
    const contactDoc = async () =>
      (await api.stores.readStore.get(
        CAMPAIGN_CONTACTS,
        campaignContactId(campaignId, 'contact-1'),
      )) as CampaignContactDoc;

    await tick();
    expect(telephony.sentMessages(), 'no answer yet, no text').to.deep.equal([]);
    expect((await contactDoc()).messagesOpen).to.equal(false);

    const report = { kind: 'form_answers', callId, answers: { wants_callback: true, clinic: 'North' } };
    for (let i = 0; i < 2; i++)
      expect((await api.call('POST', '/v1/agent-events', { key: apiKey, body: report })).status).to.equal(202);
    await caughtUp();
    expect((await contactDoc()).messagesOpen, 'the answer is a fact still to review').to.equal(true);

    expect(await tick()).to.include({ sent: 1 });
    expect(telephony.sentMessages().map((m) => [m.to, m.body])).to.deep.equal([
      [phone, 'Thanks Dana, Hartley & Vance LLP will call you back about PI-1.'],
    ]);
    await tick();
    expect(telephony.sentMessages(), 'once, and not the step for another answer').to.have.length(1);
    expect((await contactDoc()).messagesOpen).to.equal(false);
  });
});
