import { expect } from 'chai';
import type { Draft } from '../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import { campaignId, contact, workflowHarness } from './workflowHarness.ts';

type Harness = Awaited<ReturnType<typeof workflowHarness>>;

/** A launched voice campaign with these settings, as the harness launches one but with a voicemail policy. */
const launchWith = async (h: Harness, settings: Draft, contacts: EnrolledContact[]) => {
  await h.launch([], contacts, 'voice');
  const id = '01900000-0000-7000-8000-0000000000a2';
  await h.append(`campaign-${id}`, [
    {
      type: 'CampaignLaunched',
      data: {
        campaignId: id,
        launchedAt: h.clock.now().toISOString(),
        name: 'Spring intake',
        settings: { type: 'voice', ...settings },
        list: {
          listId: 'list-1',
          caseType: 'personal injury',
          listRevision: 0,
          caseCount: contacts.length,
          contactCount: contacts.length,
        },
      },
    },
    { type: 'ContactsEnrolled', data: { campaignId: id, batch: 0, contacts } },
  ]);
  return id;
};

const ended = (id: string, contactId: string, outcome: 'voicemail' | 'no_answer', endedAt: string) => ({
  type: 'CallAttemptEnded' as const,
  data: { campaignId: id, contactId, callId: `call-${contactId}-${outcome}`, attempt: 1, run: 0, outcome, endedAt },
});

describe("the campaign's voicemail follow-up text", function () {
  this.timeout(30_000);
  let h: Harness;
  afterEach(async () => h?.dispose());

  it('goes out once after a call that reached a machine, as step vm.s1, through the consent check and the message stream', async () => {
    h = await workflowHarness();
    const id = await launchWith(
      h,
      {
        voicemail: {
          policy: 'follow_up_sms',
          message: 'Sorry we missed you, {{contact.firstName}}. Call {{company.name}} back.',
        },
      },
      [contact(1), contact(2)],
    );
    expect(await h.tick(), 'nothing to send before any call').to.include({ sent: 0 });

    const at = h.clock.now().toISOString();
    await h.append(`enrollment-${id}.contact-1`, [ended(id, 'contact-1', 'voicemail', at)]);
    await h.append(`enrollment-${id}.contact-2`, [ended(id, 'contact-2', 'no_answer', at)]);
    expect(await h.tick()).to.include({ sent: 1 });
    expect(h.telephony.sentMessages().map((m) => [m.to, m.body])).to.deep.equal([
      ['+13125550001', 'Sorry we missed you, Contact1. Call Hartley & Vance LLP back.'],
    ]);

    await h.append(`enrollment-${id}.contact-1`, [ended(id, 'contact-1', 'voicemail', h.clock.now().toISOString())]);
    await h.tick();
    expect(h.telephony.sentMessages(), 'a second voicemail sends no second text').to.have.length(1);
    const [requested] = await h.allEvents('MessageRequested');
    expect(requested!.data).to.include({ campaignId: id, contactId: 'contact-1', channel: 'sms', step: 'vm.s1' });
  });

  it('sends nothing after a voicemail when the policy is hang_up or the campaign has none', async () => {
    h = await workflowHarness();
    const hangUp = await launchWith(h, { voicemail: { policy: 'hang_up' } }, [contact(1)]);
    const at = h.clock.now().toISOString();
    await h.append(`enrollment-${hangUp}.contact-1`, [ended(hangUp, 'contact-1', 'voicemail', at)]);
    await h.append(`enrollment-${campaignId}.contact-1`, [ended(campaignId, 'contact-1', 'voicemail', at)]);
    await h.tick();
    expect(h.telephony.sentMessages()).to.deep.equal([]);
  });
});
