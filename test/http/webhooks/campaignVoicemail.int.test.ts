import { expect } from 'chai';
import express from 'express';
import type { Voicemail } from '../../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../../domain/campaign/events.ts';
import { twilioWebhooks } from '../../../http/webhooks/twilioWebhooks.ts';
import { problemHandler } from '../../../http/problemDetails.ts';
import { createRouteRegistry } from '../../../http/routeRegistry.ts';
import type { RunningServer } from '../../../http/server.ts';
import { listenWatched } from '../../support/problemMessages.ts';
import { dueMessagesProjection } from '../../../projections/outreach/dueMessagesProjection.ts';
import type { Projection } from '../../../projections/projection.ts';
import { projectionRunner, type ProjectionRunner } from '../../../projections/projectionRunner.ts';
import { startFakeTwilio, type FakeTwilio } from '../../support/fakeTwilio.ts';
import { callerNumber } from '../../schedulers/dispatchHarness.ts';
import { reportsHarness, type ReportsHarness } from '../../commands/outreach/reportsHarness.ts';
import { realTime } from '../../support/realTime.ts';

const person = (n: number): EnrolledContact => ({
  caseId: `case-${n}`,
  contactId: `contact-${n}`,
  externalId: `PI-${n}`,
  phone: `+1312555010${n}`,
  name: `Dana${n} Whitfield`,
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
  state: 'IL',
});

/** One campaign a policy, each calling one person. */
const campaigns: { campaignId: string; contact: EnrolledContact; voicemail?: Voicemail }[] = [
  { campaignId: '01900000-0000-7000-8000-000000000801', contact: person(1) },
  { campaignId: '01900000-0000-7000-8000-000000000802', contact: person(2), voicemail: { policy: 'hang_up' } },
  {
    campaignId: '01900000-0000-7000-8000-000000000803',
    contact: person(3),
    voicemail: {
      policy: 'leave_message',
      message:
        'Hello {{contact.firstName}}, this is {{company.name}} about case {{case.externalId}}. Please call us back.',
    },
  },
  {
    campaignId: '01900000-0000-7000-8000-000000000804',
    contact: person(4),
    voicemail: { policy: 'follow_up_sms', message: 'Sorry we missed you, {{contact.firstName}}.' },
  },
];

describe("an answering machine gets the campaign's voicemail policy in the call's TwiML", () => {
  let r: ReportsHarness;
  let fake: FakeTwilio;
  let server: RunningServer;
  let facts: ProjectionRunner;
  const callIds = new Map<string, string>();

  before(async () => {
    r = reportsHarness();
    await r.start();
    facts = projectionRunner({
      clock: realTime,
      eventStore: r.h.stores.eventStore,
      readStore: r.h.stores.readStore,
      projections: [dueMessagesProjection as Projection],
      pollIntervalMs: 10,
    });
    await facts.start();
    fake = await startFakeTwilio();
    let router: express.Router = express.Router();
    const app = express();
    app.use((req, res, next) => router(req, res, next));
    app.use(problemHandler);
    server = await listenWatched(app);
    router = twilioWebhooks(r.reports(), {
      authToken: fake.authToken,
      publicUrl: server.url,
      routes: createRouteRegistry(),
      readStore: r.h.stores.readStore,
      clock: () => new Date(r.h.clock.current),
    });
    for (const c of campaigns)
      await r.h.launch(c.campaignId, [c.contact], c.voicemail ? { voicemail: c.voicemail } : {});
    await r.caughtUp();
    await facts.waitFor(await r.h.stores.eventStore.headPosition(), { timeoutMs: 10_000 });
    await r.dispatcher.tick();
    await r.caughtUp();
    for (const placed of r.h.telephony.placed) callIds.set(placed.to, placed.callId);
    expect(callIds.size).to.equal(campaigns.length);
  });
  after(async () => {
    await server.close(100);
    await fake.close();
    await facts.stop();
    await r.dispose();
  });

  const twiml = async (contact: EnrolledContact, answeredBy: string) => {
    const callId = callIds.get(contact.phone)!;
    const params = {
      AccountSid: fake.accountSid,
      CallSid: `CA${callId.replace(/-/g, '')}`,
      CallStatus: 'in-progress',
      To: contact.phone,
      From: callerNumber,
      AnsweredBy: answeredBy,
    };
    const answer = await fake.playCallback(`${server.url}/webhooks/twilio/voice/twiml/${callId}`, params);
    expect(answer.status).to.equal(200);
    return answer.text;
  };
  const hangUpOnly = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

  it('hangs up on a machine when the campaign has no policy or hang_up', async () => {
    expect(await twiml(campaigns[0]!.contact, 'machine_end_beep')).to.equal(hangUpOnly);
    expect(await twiml(campaigns[1]!.contact, 'machine_end_beep')).to.equal(hangUpOnly);
  });

  it("says the campaign's message, filled with the contact's fields, after the beep, then hangs up", async () => {
    expect(await twiml(campaigns[2]!.contact, 'machine_end_beep')).to.equal(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello Dana3, this is Hartley &amp; Vance LLP about case PI-3. Please call us back.</Say><Hangup/></Response>',
    );
  });

  it('hangs up for follow_up_sms: the text goes out once the call has ended', async () => {
    expect(await twiml(campaigns[3]!.contact, 'machine_end_beep')).to.equal(hangUpOnly);
  });

  it('puts a person through to the agent whatever the policy', async () => {
    for (const c of campaigns) {
      const text = await twiml(c.contact, 'human');
      expect(text, c.campaignId).to.include('<Stream url="wss://agent.example.com/stream">');
      expect(text).to.not.include('<Say>');
    }
  });
});
