import { expect } from 'chai';
import { inboundCallIdOf } from '../../../commands/outreach/reports/inboundCallId.ts';
import { campaignContactsProjection } from '../../../projections/campaignContacts/campaignContactsProjection.ts';
import type { Projection } from '../../../projections/projection.ts';
import { projectionRunner, type ProjectionRunner } from '../../../projections/projectionRunner.ts';
import { callerNumber, contacts } from '../../schedulers/dispatchHarness.ts';
import { reportsHarness, type ReportsHarness } from './reportsHarness.ts';
import { realTime } from '../../support/realTime.ts';

const reached = '01900000-0000-7000-8000-000000000a01';
const newer = '01900000-0000-7000-8000-000000000a02';
const stranger = '+16175550177';
type Received = { callerMatch: string; campaignId?: string; contactId?: string; route: Record<string, unknown> };

describe('inbound calls: which campaign and contact a caller is, recorded once', () => {
  let r: ReportsHarness;
  let contactsModel: ProjectionRunner;

  beforeEach(async () => {
    r = reportsHarness();
    await r.start();
    contactsModel = projectionRunner({
      clock: realTime,
      eventStore: r.h.stores.eventStore,
      readStore: r.h.stores.readStore,
      projections: [campaignContactsProjection as Projection],
      pollIntervalMs: 10,
    });
    await contactsModel.start();
  });
  afterEach(async () => {
    await contactsModel.stop();
    await r.dispose();
  });

  const settled = async () => {
    await r.caughtUp();
    await contactsModel.waitFor(await r.h.stores.eventStore.headPosition(), { timeoutMs: 10_000 });
  };
  let sid = 0;
  const call = (from: string, to = callerNumber, carrierCallId = `CA${String(++sid).padStart(32, '0')}`) =>
    r.reports().inboundCalls.receive({ carrierCallId, from, to, receivedAt: new Date(r.h.clock.current) });
  const receivedOf = async (callId: string): Promise<Received[]> => {
    const found: Received[] = [];
    for await (const event of r.h.stores.eventStore.readStream(`call-${callId}`))
      if (event.type === 'InboundCallReceived') found.push(event.data as Received);
    return found;
  };

  it('takes the campaign that last reached the caller first, then a contact of the campaign on the number, else an unknown caller', async () => {
    await r.h.launch(reached, contacts(1, 'a'));
    await settled();
    await r.dispatcher.tick();
    await settled();
    r.h.clock.current = new Date(r.h.clock.current.getTime() + 60_000);
    // A later campaign on the same number, whose list has the reached person and another.
    await r.h.launch(newer, contacts(2, 'b'));
    await settled();

    const first = await call('+13125550000');
    expect((await receivedOf(first.callId))[0]).to.include({
      callerMatch: 'last_outreach',
      campaignId: reached,
      contactId: 'a-0',
    });
    const second = await call('+13125550001');
    expect((await receivedOf(second.callId))[0]).to.include({
      callerMatch: 'campaign_contact',
      campaignId: newer,
      contactId: 'b-1',
    });
    const unknown = await call(stranger);
    const [received] = await receivedOf(unknown.callId);
    expect(received).to.include({ callerMatch: 'unknown', campaignId: newer });
    expect(received).to.not.have.property('contactId');
  });

  it('records why a transfer with no forwarding number was answered by the AI', async () => {
    await r.h.launch(reached, contacts(1), { routing: { mode: 'transfer' } });
    await settled();
    const answer = await call(stranger);
    expect(answer.route).to.include({ action: 'ai', reason: 'transfer_mode', fallback: 'no_forwarding_number' });
    expect((await receivedOf(answer.callId))[0]!.route).to.include({
      action: 'ai',
      reason: 'transfer_mode',
      fallback: 'no_forwarding_number',
    });
  });

  it('records one call however often and however concurrently the carrier asks about the same CallSid', async () => {
    await r.h.launch(reached, contacts(1));
    await settled();
    const carrierCallId = 'CA0000000000000000000000000000abcd';
    const answers = await Promise.all(Array.from({ length: 6 }, () => call(stranger, callerNumber, carrierCallId)));
    expect(new Set(answers.map((answer) => answer.callId))).to.deep.equal(new Set([inboundCallIdOf(carrierCallId)]));
    expect(await r.typesOf(`call-${inboundCallIdOf(carrierCallId)}`)).to.deep.equal(['InboundCallReceived']);
  });

  it('records nothing for a number several companies call from when none of them reached the caller', async () => {
    await r.h.addCompany('01900000-0000-7000-8000-0000000000c2', '01900000-0000-7000-8000-0000000000b2', callerNumber);
    await r.h.launch(reached, contacts(1));
    await settled();
    const head = await r.h.stores.eventStore.headPosition();
    const answer = await call(stranger);
    expect(answer.route).to.deep.equal({ action: 'not_in_service', reason: 'no_campaign' });
    expect(await r.h.stores.eventStore.headPosition()).to.equal(head);
  });

  it("lets the agent report on an inbound call from a campaign's contact as on a placed call", async () => {
    await r.h.launch(reached, contacts(1));
    await settled();
    const answer = await call('+13125550000');
    const owner = await r.reports().ownerOf(answer.callId);
    expect(owner).to.include({ callId: answer.callId, campaignId: reached, contactId: 'contact-0' });
  });
});
