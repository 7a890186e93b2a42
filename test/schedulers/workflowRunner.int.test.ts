import { expect } from 'chai';
import { consentCommands } from '../../commands/consent/consentCommands.ts';
import type { Workflow } from '../../domain/campaign/draft.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import { messageStream } from '../../domain/message/events.ts';
import { campaignId, companyId, contact, postalAddress, workflowHarness } from './workflowHarness.ts';

type Harness = Awaited<ReturnType<typeof workflowHarness>>;

const beforeAndAfter: Workflow[] = [
  {
    trigger: { kind: 'enrolled' },
    steps: [
      {
        channel: 'sms',
        body: 'Hi {{contact.firstName}}, {{company.name}} will call you about case {{case.externalId}}.',
      },
      {
        channel: 'email',
        delayMinutes: 60,
        subject: '{{campaign.name}}: case {{case.externalId}}',
        body: 'Dear {{contact.name}},\nWe will call you soon.',
      },
    ],
  },
  {
    trigger: { kind: 'call_outcome', outcome: 'voicemail' },
    steps: [{ channel: 'sms', body: 'Sorry we missed you, {{contact.firstName}}.' }],
  },
];

describe('workflow runner', function () {
  this.timeout(30_000);
  let h: Harness;
  afterEach(async () => h?.dispose());

  it('withholds an email, never retried, when the company has no postal address to print (a campaign launched before launch asked for one)', async () => {
    h = await workflowHarness();
    const emailOnly: Workflow[] = [
      { trigger: { kind: 'enrolled' }, steps: [{ channel: 'email', subject: 'News', body: 'Dear {{contact.name}}' }] },
    ];
    await h.launch(emailOnly, [contact(1)], 'messaging', campaignId, false);
    expect(await h.tick()).to.include({ reviewed: 1, withheld: 1, sent: 0 });
    expect(h.email.sentEmails()).to.have.length(0);
    const withheld = (await h.allEvents('MessageWithheld')).map((e) => e.data as { to: string; reason: string });
    expect(withheld.map((w) => [w.to, w.reason])).to.deep.equal([['contact1@example.com', 'no_postal_address']]);
    expect(await h.tick()).to.include({ reviewed: 0 });
  });

  it('sends steps before calls, then after a call outcome, each once, requested before the carrier is asked and with carrier statuses after', async () => {
    h = await workflowHarness();
    const { email: _none, ...noEmail } = contact(2);
    await h.launch(beforeAndAfter, [contact(1), noEmail]);

    expect(await h.tick()).to.include({ reviewed: 2, sent: 2 });
    expect(h.telephony.sentMessages().map((m) => [m.to, m.body, m.from])).to.have.deep.members([
      ['+13125550001', 'Hi Contact1, Hartley & Vance LLP will call you about case PI-1.', '+13125559999'],
      ['+13125550002', 'Hi Contact2, Hartley & Vance LLP will call you about case PI-2.', '+13125559999'],
    ]);
    expect(await h.tick(), 'nothing is due until the email').to.include({ reviewed: 0, sent: 0 });

    await h.clock.advance(60 * 60_000);
    await h.settle();
    expect(await h.tick()).to.include({ reviewed: 1, sent: 1 });
    const [mail] = h.email.sentEmails();
    expect(mail).to.include({
      to: 'contact1@example.com',
      from: 'intake@hartley.example',
      subject: 'Spring intake: case PI-1',
    });
    expect(mail!.text).to.equal(
      `Dear Contact1 Doe,\nWe will call you soon.\n\n${postalAddress}\nUnsubscribe: https://engine.example/unsubscribe/token-${mail!.messageId}`,
    );
    expect(mail!.html).to.include(
      'Hartley &amp; Vance LLP<br>\n100 N LaSalle St, Suite 1200<br>\nChicago, IL 60602<br>\n<a href="https://engine.example/unsubscribe/token-',
    );
    expect(mail!.headers).to.deep.equal({
      'List-Unsubscribe': `<https://engine.example/unsubscribe/token-${mail!.messageId}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(await h.tick()).to.include({ reviewed: 0 });

    await h.append(`enrollment-${campaignId}.contact-1`, [
      {
        type: 'CallAttemptEnded',
        data: {
          campaignId,
          contactId: 'contact-1',
          callId: 'call-1',
          attempt: 1,
          run: 0,
          outcome: 'voicemail',
          endedAt: h.clock.now().toISOString(),
        },
      },
    ]);
    expect(await h.tick()).to.include({ reviewed: 1, sent: 1 });
    expect(h.telephony.sentMessages().at(-1)).to.include({
      to: '+13125550001',
      body: 'Sorry we missed you, Contact1.',
    });
    expect(h.telephony.sentMessages()).to.have.length(3);

    await h.clock.runUntilIdle(24 * 3_600_000);
    await h.settle();
    const sms = h.telephony.sentMessages()[0]!;
    const types = await h.streamTypes(messageStream(sms.messageId));
    expect(types.slice(0, 2)).to.deep.equal(['MessageRequested', 'MessageSent']);
    expect(
      types.slice(2).every((t) => t === 'MessageStatusReported' || t === 'MessageFailed'),
      types.join(),
    ).to.equal(true);
    expect(types.length, 'the carrier reported back').to.be.greaterThan(2);
    const requested = await h.allEvents('MessageRequested');
    expect(requested).to.have.length(4);
    expect(new Set(requested.map((e) => (e.data as { step: string }).step))).to.deep.equal(
      new Set(['w1.s1', 'w1.s2', 'w2.s1']),
    );
  });

  it('withholds and records a step to an address that opted out, in any campaign of the company', async () => {
    h = await workflowHarness();
    await h.launch(beforeAndAfter, [contact(1), contact(2)]);
    await consentCommands({ eventStore: h.stores.eventStore, registry: engineRegistry }).optOut(
      { address: '+13125550001', source: 'sms_keyword' },
      { commandId: 'stop-1', companyId, actor: 'carrier', now: h.clock.now() },
    );
    expect(await h.tick()).to.include({ sent: 1, withheld: 1 });
    expect(h.telephony.sentMessages().map((m) => m.to)).to.deep.equal(['+13125550002']);
    const [withheld] = await h.allEvents('MessageWithheld');
    expect(withheld!.data).to.include({ contactId: 'contact-1', channel: 'sms', step: 'w1.s1', reason: 'opted_out' });
    expect(await h.tick(), 'a withheld step is never tried again').to.include({ reviewed: 0 });
  });

  it('sends nothing for a paused or completed campaign or a contact marked Completed; resuming sends what fell due', async () => {
    h = await workflowHarness();
    await h.launch(beforeAndAfter, [contact(1), contact(2)]);
    const at = h.clock.now().toISOString();
    await h.append(`campaign-${campaignId}`, [{ type: 'CampaignPaused', data: { campaignId, at } }]);
    await h.append(`enrollment-${campaignId}.contact-2`, [
      { type: 'ContactMarkedCompleted', data: { campaignId, contactId: 'contact-2', at } },
    ]);
    expect(await h.tick()).to.include({ reviewed: 0, sent: 0 });
    await h.append(`campaign-${campaignId}`, [{ type: 'CampaignResumed', data: { campaignId, at } }]);
    expect(await h.tick()).to.include({ reviewed: 1, sent: 1 });
    expect(h.telephony.sentMessages().map((m) => m.to)).to.deep.equal(['+13125550001']);
    await h.append(`campaign-${campaignId}`, [{ type: 'CampaignCompleted', data: { campaignId, at } }]);
    await h.clock.advance(2 * 60 * 60_000);
    await h.settle();
    expect(await h.tick()).to.include({ reviewed: 0, sent: 0 });
    expect(h.email.sentEmails()).to.have.length(0);
  });

  it('sends nothing for a draft', async () => {
    h = await workflowHarness();
    await h.append(`campaign-${campaignId}`, [
      {
        type: 'CampaignDraftStarted',
        data: { campaignId, companyId, name: 'Draft', createdAt: h.clock.now().toISOString() },
      },
      { type: 'CampaignDraftSaved', data: { campaignId, changes: { type: 'messaging', workflows: beforeAndAfter } } },
    ]);
    expect(await h.tick()).to.include({ reviewed: 0, sent: 0 });
  });

  it('runs a messaging-only campaign (instead of calls): email at once, texts held at night until 08:00 local', async () => {
    // 21:30 in Chicago.
    h = await workflowHarness('2026-03-03T03:30:00.000Z');
    const instead: Workflow[] = [
      {
        trigger: { kind: 'enrolled' },
        steps: [
          { channel: 'email', subject: 'Hello', body: 'Hello' },
          { channel: 'sms', body: 'Reply YES' },
        ],
      },
    ];
    await h.launch(instead, [contact(1)], 'messaging');
    expect(await h.tick()).to.include({ reviewed: 1, sent: 1 });
    expect(h.email.sentEmails()).to.have.length(1);
    expect(h.telephony.sentMessages()).to.have.length(0);
    await h.clock.advanceTo(new Date('2026-03-03T13:59:00.000Z'));
    await h.settle();
    expect(await h.tick()).to.include({ reviewed: 0 });
    await h.clock.advanceTo(new Date('2026-03-03T14:00:00.000Z'));
    await h.settle();
    expect(await h.tick()).to.include({ reviewed: 1, sent: 1 });
    expect(h.telephony.sentMessages()[0]).to.include({ body: 'Reply YES', sentAt: '2026-03-03T14:00:00.000Z' });
  });

  it('holds a text that fell due during a pause until the next window opening', async () => {
    h = await workflowHarness('2026-03-02T23:00:00.000Z');
    const texts: Workflow[] = [{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hi' }] }];
    await h.launch(texts, [contact(1)]);
    await h.append(`campaign-${campaignId}`, [
      { type: 'CampaignPaused', data: { campaignId, at: h.clock.now().toISOString() } },
    ]);
    // Resumed at 22:30 Chicago time: the text waits for 08:00.
    await h.clock.advanceTo(new Date('2026-03-03T04:30:00.000Z'));
    await h.append(`campaign-${campaignId}`, [
      { type: 'CampaignResumed', data: { campaignId, at: h.clock.now().toISOString() } },
    ]);
    expect(await h.tick()).to.include({ reviewed: 1, sent: 0 });
    expect(await h.tick(), 'postponed, not reviewed again every tick').to.include({ reviewed: 0 });
    await h.clock.advanceTo(new Date('2026-03-03T14:00:00.000Z'));
    await h.settle();
    expect(await h.tick()).to.include({ sent: 1 });
  });

  it('reads only a batch per tick, and two runners on one store send each step once', async () => {
    h = await workflowHarness();
    const contacts = Array.from({ length: 30 }, (_, i) => contact(i + 1));
    await h.launch([{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hi' }] }], contacts);
    expect(await h.tick(h.runner({ batchSize: 5 }))).to.include({ reviewed: 5, sent: 5 });
    const [a, b] = [h.runner({ batchSize: 10 }), h.runner({ batchSize: 10 })];
    for (let round = 0; round < 4; round++) {
      await Promise.all([a.tick(), b.tick()]);
      await h.settle();
    }
    const sentTo = h.telephony.sentMessages().map((m) => m.to);
    expect(sentTo).to.have.length(30);
    expect(new Set(sentTo).size).to.equal(30);
    expect(await h.allEvents('MessageRequested')).to.have.length(30);
  });
});
