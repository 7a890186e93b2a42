import { expect } from 'chai';
import { allowsDispatch, consentOf } from '../../../commands/consent/consentOf.ts';
import { consentCommands } from '../../../commands/consent/consentCommands.ts';
import { consentReplies } from '../../../commands/consent/consentReplies.ts';
import { inboundSmsConsent } from '../../../commands/consent/inboundSms.ts';
import type { CommandContext } from '../../../commands/commandContext.ts';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { consentStream } from '../../../domain/consent/events.ts';
import { tempStores } from '../../support/tempStores.ts';

const companyA = '01970000-0000-7000-8000-00000000000a';
const companyB = '01970000-0000-7000-8000-00000000000b';
const phone = '+13125550142';
const sender = { name: 'Hartley & Vance' };

describe('consent ledger on the event store', () => {
  let stores: ReturnType<typeof tempStores>;
  const context = (companyId = companyA, actor = 'carrier:sms'): CommandContext => ({ commandId: newEntityId(), companyId, actor, now: new Date('2026-03-02T15:00:00Z') });

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
    const second = await inbound(phone, 'please stop texting me', { campaignId: 'c1', messageId: 'SM2' }, sender, context());
    expect(second).to.deep.include({ recorded: false, reply: undefined });
    const events = [];
    for await (const event of stores.eventStore.readStream(consentStream(companyA, phone))) events.push(event);
    expect(events).to.have.length(1);
    expect(events[0]!.data).to.deep.include({ channel: 'all', source: 'sms_keyword', keyword: 'STOP', excerpt: 'stop', campaignId: 'c1', messageId: 'SM1' });
  });

  it('HELP gets the help text and records nothing; START after STOP resumes texts while calls stay blocked', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    expect(await inbound(phone, 'HELP', {}, sender, context())).to.deep.include({ recorded: false, reply: consentReplies(sender).help });
    expect(await stores.eventStore.headPosition()).to.equal(0n);
    await inbound(phone, 'STOP', {}, sender, context());
    const optedIn = await inbound(phone, 'Start', {}, sender, context());
    expect(optedIn).to.deep.include({ recorded: true, reply: consentReplies(sender).optInConfirmation });
    expect((await consentOf(stores.eventStore, companyA, phone)).blocked).to.deep.equal({ voice: true, sms: false, email: false });
  });

  it('a free-text request to stop is recorded with its source and the words that asked', async () => {
    const inbound = inboundSmsConsent(consentCommands({ eventStore: stores.eventStore, registry: engineRegistry }));
    const answer = await inbound(phone, "Don't call me again.", {}, sender, context());
    expect(answer.intent).to.deep.equal({ kind: 'opt_out_request', phrase: "don't call me again" });
    const events = [];
    for await (const event of stores.eventStore.readStream(consentStream(companyA, phone))) events.push(event);
    expect(events[0]!.data).to.deep.include({ source: 'sms_free_text', excerpt: "Don't call me again." });
    expect(await inbound(phone, 'stop by the office', {}, sender, context())).to.deep.include({ recorded: false, reply: undefined });
  });
});
