import { expect } from 'chai';
import type { Event } from '../../domain/events/event.ts';
import type { RecentOutreach, TextingWindow } from '../../domain/workflow/plan.ts';
import type { Filter, FindOptions, ReadStore } from '../../projections/readStore.ts';
import { DISPATCHED_CALLS } from '../../projections/outreach/dispatchedCallsProjection.ts';
import { SENT_TEXTS } from '../../projections/outreach/sentTextsProjection.ts';
import type { WindowSubject } from '../../schedulers/dispatch/policies.ts';
import { dispatchHarness, companyId, contacts, type DispatchHarness } from './dispatchHarness.ts';
import { contact, workflowHarness } from './workflowHarness.ts';

const hour = 3_600_000;
const otherCampaign = '01900000-0000-7000-8000-0000000000f1';

const textTo = (to: string, messageId: string, requestedAt: number): Event => ({
  type: 'MessageRequested',
  data: {
    messageId,
    campaignId: otherCampaign,
    contactId: 'someone',
    channel: 'sms',
    step: 'w1.s1',
    to,
    from: '+13125559999',
    body: 'Hello',
    requestedAt: new Date(requestedAt).toISOString(),
  },
});

const callTo = (to: string, callId: string, requestedAt: number): Event => ({
  type: 'CallRequested',
  data: {
    campaignId: otherCampaign,
    contactId: 'someone',
    callId,
    attempt: 1,
    run: 0,
    to,
    requestedAt: new Date(requestedAt).toISOString(),
    decision: {
      localTime: new Date(requestedAt).toISOString(),
      timezone: 'America/Chicago',
      window: {},
      capacity: { limit: null, inFlight: 0, lines: 1, rate: 100, pacing: null, available: 1 },
    },
  },
});

type Read = { readonly collection: string; readonly filter: Filter; readonly options: FindOptions | undefined };

/** The store as it is, noting every `find` it answers. */
const notingFinds = (readStore: ReadStore, reads: Read[]): ReadStore => ({
  ...readStore,
  find: (collection, filter, options) => {
    reads.push({ collection, filter, options });
    return readStore.find(collection, filter, options);
  },
});

/** Reads of one number's recent calls and texts are range reads on (company, number, requestedAt), a few dozen at most. */
const expectBounded = (reads: readonly Read[], to: string) => {
  const recent = reads.filter(
    (read) => read.collection === SENT_TEXTS || (read.collection === DISPATCHED_CALLS && 'to' in read.filter),
  );
  expect(new Set(recent.map((read) => read.collection))).to.have.keys(SENT_TEXTS, DISPATCHED_CALLS);
  for (const read of recent) {
    expect(read.filter).to.deep.include({ companyId, to });
    expect(read.filter['requestedAt']).to.have.property('$gt');
    expect(read.options?.limit).to.be.a('number').and.at.most(50);
  }
};

describe('recent calls and texts for the frequency caps', function () {
  this.timeout(30_000);

  describe('the dispatcher', () => {
    let h: DispatchHarness;
    beforeEach(async () => {
      h = dispatchHarness();
      await h.start();
    });
    afterEach(() => h.dispose());

    it('hands the calling window the calls and texts the company sent the number within the last day, from any campaign', async () => {
      const [person] = contacts(1);
      const now = h.clock.current.getTime();
      await h.launch('01900000-0000-7000-8000-000000000102', [person!]);
      await h.append('message-recent', [textTo(person!.phone, 'recent', now - 2 * hour)]);
      await h.append('message-old', [textTo(person!.phone, 'old', now - 25 * hour)]);
      await h.append('message-neighbour', [textTo('+13125559876', 'neighbour', now - hour)]);
      await h.append(
        'message-elsewhere',
        [textTo(person!.phone, 'elsewhere', now - hour)],
        h.clock.current,
        '01900000-0000-7000-8000-0000000000c2',
      );
      await h.append(`enrollment-${otherCampaign}.someone`, [callTo(person!.phone, 'call-earlier', now - 3 * hour)]);
      await h.caughtUp();

      const subjects: WindowSubject[] = [];
      const reads: Read[] = [];
      await h
        .dispatcher({
          readStore: notingFinds(h.stores.readStore, reads),
          callingWindow: (subject) => {
            subjects.push(subject);
            return { allowed: false, reason: 'frequency_cap', nextOpening: new Date(now + hour) };
          },
        })
        .tick();

      expect(subjects).to.have.length(1);
      expect(subjects[0]).to.deep.include({ recentTexts: [now - 2 * hour], recentCalls: [now - 3 * hour] });
      expectBounded(reads, person!.phone);
    });
  });

  describe('the workflow runner', () => {
    let h: Awaited<ReturnType<typeof workflowHarness>>;
    afterEach(async () => h?.dispose());

    /** The federal-free window that notes what it was given at send time and lets everything through. */
    const noting =
      (seen: RecentOutreach[], refuse: (recent: RecentOutreach) => boolean = () => false): TextingWindow =>
      (_contact, from, recent) => {
        if (recent === undefined) return from;
        seen.push(recent);
        return refuse(recent) ? from + hour : from;
      };

    it('judges each text due with the calls and texts sent to the number within the last day, its own earlier texts included', async () => {
      h = await workflowHarness();
      const phone = contact(1).phone;
      const now = h.clock.now().getTime();
      await h.append('message-recent', [textTo(phone, 'recent', now - 2 * hour)]);
      await h.append(`enrollment-${otherCampaign}.someone`, [callTo(phone, 'call-earlier', now - 3 * hour)]);
      await h.launch(
        [
          {
            trigger: { kind: 'enrolled' },
            steps: [
              { channel: 'sms', body: 'First' },
              { channel: 'sms', delayMinutes: 60, body: 'Second' },
            ],
          },
        ],
        [contact(1)],
      );

      const seen: RecentOutreach[] = [];
      const reads: Read[] = [];
      const run = h.runner({ textingWindow: noting(seen), readStore: notingFinds(h.stores.readStore, reads) });
      expect(await h.tick(run)).to.include({ sent: 1 });
      expect(seen.at(-1)).to.deep.equal({ calls: [now - 3 * hour], texts: [now - 2 * hour] });

      await h.clock.advance(hour);
      await h.settle();
      expect(await h.tick(run)).to.include({ sent: 1 });
      expect(seen.at(-1)).to.deep.equal({ calls: [now - 3 * hour], texts: [now - 2 * hour, now] });
      expectBounded(reads, phone);
    });

    it('counts a text sent in the same review against the next one due with it', async () => {
      h = await workflowHarness();
      const twoAtOnce = [1, 2].map((n) => ({
        trigger: { kind: 'enrolled' as const },
        steps: [{ channel: 'sms' as const, body: `Text ${n}` }],
      }));
      await h.launch(twoAtOnce, [contact(1)]);

      const seen: RecentOutreach[] = [];
      const run = h.runner({ textingWindow: noting(seen, (recent) => recent.texts.length >= 1) });
      expect(await h.tick(run)).to.include({ sent: 1 });
      expect(h.telephony.sentMessages()).to.have.length(1);
      expect(await h.tick(run)).to.include({ sent: 0 });
    });
  });
});
