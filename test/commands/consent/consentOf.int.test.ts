import { expect } from 'chai';
import { allowsDispatch, consentOf } from '../../../commands/consent/consentOf.ts';
import { consentCommands } from '../../../commands/consent/consentCommands.ts';
import { consentReplies } from '../../../commands/consent/consentReplies.ts';
import { inboundSmsConsent } from '../../../commands/consent/inboundSms.ts';
import type { CommandContext } from '../../../commands/commandContext.ts';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { consentStream } from '../../../domain/consent/events.ts';
import { complianceRules } from '../../../domain/compliance/complianceRules.ts';
import { tempStores } from '../../support/tempStores.ts';

const companyA = '01970000-0000-7000-8000-00000000000a';
const companyB = '01970000-0000-7000-8000-00000000000b';
const phone = '+13125550142';
const sender = { name: 'Hartley & Vance' };

describe('consent ledger on the event store', () => {
  let stores: ReturnType<typeof tempStores>;
  const context = (companyId = companyA, actor = 'carrier:sms'): CommandContext => ({
    commandId: newEntityId(),
    companyId,
    actor,
    now: new Date('2026-03-02T15:00:00Z'),
  });

  beforeEach(() => {
    stores = tempStores(engineRegistry);
  });
  afterEach(() => stores.dispose());

  it('consentOf reflects an opt-out at once, read from the consent stream with no read model running', async () => {
    const commands = consentCommands({ eventStore: stores.eventStore, registry: engineRegistry });
    expect(allowsDispatch(await consentOf(stores.eventStore, companyA, phone), 'voice')).to.equal(true);
    await commands.optOut({ address: phone, source: 'agent_reported', context: { callId: 'call-1' } }, context());
    const consent = await consentOf(stores.eventStore, companyA, phone);
    expect(consent.blocked).to.deep.equal({ voice: true, sms: true, email: false });
    expect(allowsDispatch(consent, 'voice')).to.equal(false);
    expect(allowsDispatch(consent, 'sms')).to.equal(false);
    expect(consent.revision).to.equal(0);
  });

  it("one company's opt-out does not block another company's outreach to the same number", async () => {
    const commands = consentCommands({ eventStore: stores.eventStore, registry: engineRegistry });
    await commands.optOut({ address: phone, source: 'sms_keyword' }, context(companyA));
    expect((await consentOf(stores.eventStore, companyB, phone)).blocked.voice).to.equal(false);
  });

  it('email addresses are one address whatever their case', async () => {
    const commands = consentCommands({ eventStore: stores.eventStore, registry: engineRegistry });
    await commands.optOut({ address: 'Jane.Roe@Example.com', source: 'email_unsubscribe' }, context());
    expect((await consentOf(stores.eventStore, companyA, 'jane.roe@example.COM')).blocked.email).to.equal(true);
  });

  it('an inbound STOP records the opt-out and allows one confirmation; a repeat records nothing and sends none', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    const first = await inbound(phone, ' stop ', { campaignId: 'c1', messageId: 'SM1' }, sender, context());
    expect(first).to.deep.include({ recorded: true, reply: consentReplies(sender).optOutConfirmation });
    const second = await inbound(
      phone,
      'please stop texting me',
      { campaignId: 'c1', messageId: 'SM2' },
      sender,
      context(),
    );
    expect(second).to.deep.include({ recorded: false, reply: undefined });
    const events = [];
    for await (const event of stores.eventStore.readStream(consentStream(companyA, phone))) events.push(event);
    expect(events).to.have.length(1);
    expect(events[0]!.data).to.deep.include({
      channel: 'all',
      source: 'sms_keyword',
      keyword: 'STOP',
      excerpt: 'stop',
      campaignId: 'c1',
      messageId: 'SM1',
    });
  });

  it('HELP gets the help text and records nothing; START after STOP resumes texts while calls stay blocked', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    expect(await inbound(phone, 'HELP', {}, sender, context())).to.deep.include({
      recorded: false,
      reply: consentReplies(sender).help,
    });
    expect(await stores.eventStore.headPosition()).to.equal(0n);
    await inbound(phone, 'STOP', {}, sender, context());
    const optedIn = await inbound(phone, 'Start', {}, sender, context());
    expect(optedIn).to.deep.include({ recorded: true, reply: consentReplies(sender).optInConfirmation });
    expect((await consentOf(stores.eventStore, companyA, phone)).blocked).to.deep.equal({
      voice: true,
      sms: false,
      email: false,
    });
  });

  it('a free-text request to stop is recorded with its source, the rule and words that asked, and an opt-in question', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    const answer = await inbound(phone, "Don't call me again.", {}, sender, context());
    expect(answer).to.deep.include({
      intent: {
        kind: 'opt_out_request',
        phrase: 'dont call me again',
        matched: 'en.do_not_contact: dont call me again',
      },
      reply: consentReplies(sender).uncertainOptOutConfirmation,
    });
    expect(answer.reply).to.equal(
      'Hartley & Vance: you are unsubscribed from our calls and texts at this number. Did not mean to stop? Reply YES within 24 hours, or START at any time, to get texts again.',
    );
    const events = [];
    for await (const event of stores.eventStore.readStream(consentStream(companyA, phone))) events.push(event);
    expect(events[0]!.data).to.deep.include({
      source: 'sms_free_text',
      excerpt: "Don't call me again.",
      matched: 'en.do_not_contact: dont call me again',
      optInAnswer: 'YES',
      optInAnswerBy: '2026-03-03T15:00:00.000Z',
    });
    expect(await inbound(phone, 'stop by the office', {}, sender, context())).to.deep.include({
      recorded: false,
      reply: undefined,
    });
  });

  const at = (iso: string): CommandContext => ({ ...context(), now: new Date(iso) });
  const eventsOf = async () => {
    const events = [];
    for await (const event of stores.eventStore.readStream(consentStream(companyA, phone))) events.push(event);
    return events;
  };

  it('a keyword inside a longer text is a keyword opt-out whose confirmation asks; YES within the window reopens texts only', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    const stop = await inbound(phone, 'Stop. Wrong number', { messageId: 'SM1' }, sender, at('2026-03-02T15:00:00Z'));
    expect(stop).to.deep.include({ recorded: true, reply: consentReplies(sender).uncertainOptOutConfirmation });
    expect((await eventsOf())[0]!.data).to.deep.include({
      source: 'sms_keyword',
      keyword: 'STOP',
      matched: 'keyword in a longer text: stop',
      optInAnswer: 'YES',
    });
    const yes = await inbound(phone, 'Yes', {}, sender, at('2026-03-03T14:59:00Z'));
    expect(yes).to.deep.include({ recorded: true, reply: consentReplies(sender).optInConfirmation });
    expect((await consentOf(stores.eventStore, companyA, phone)).blocked).to.deep.equal({
      voice: true,
      sms: false,
      email: false,
    });
  });

  it('YES after a bare STOP, or after the window, reopens nothing and is answered by nothing', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    const stop = await inbound(phone, 'STOP', {}, sender, at('2026-03-02T15:00:00Z'));
    expect(stop).to.deep.include({ recorded: true, reply: consentReplies(sender).optOutConfirmation });
    expect((await eventsOf())[0]!.data).to.not.have.property('optInAnswer');
    expect(await inbound(phone, 'YES', {}, sender, at('2026-03-02T15:01:00Z'))).to.deep.include({
      recorded: false,
      reply: undefined,
    });

    const other = '+13125550199';
    await inbound(other, 'remove me', {}, sender, at('2026-03-02T15:00:00Z'));
    expect(await inbound(other, 'yes', {}, sender, at('2026-03-03T15:00:01Z'))).to.deep.include({
      recorded: false,
      reply: undefined,
    });
    expect((await consentOf(stores.eventStore, companyA, other)).blocked.sms).to.equal(true);
  });

  it('the answer word and its window come from the keywords in force', async () => {
    const keywords = complianceRules({ smsKeywords: { optInAnswer: 'OUI', optInAnswerHours: 1 } }).smsKeywords;
    const inbound = inboundSmsConsent(
      consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }),
      keywords,
    );
    const stop = await inbound(phone, 'please remove me', {}, sender, at('2026-03-02T15:00:00Z'));
    expect(stop.reply).to.contain('Reply OUI within 1 hour, or START at any time');
    expect(await inbound(phone, 'oui', {}, sender, at('2026-03-02T16:00:01Z'))).to.deep.include({ recorded: false });
  });
});
