import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { Draft } from '../../../domain/campaign/draft.ts';
import type { CampaignEvent } from '../../../domain/campaign/events.ts';
import type { LaunchFacts } from '../../../domain/campaign/launchValidation.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import {
  caseOf,
  campaignId,
  companyId,
  launchable,
  launchableDraft,
  launchableFacts,
  launched,
  listId,
  now,
  saved,
  started,
} from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);
const launch = (facts: LaunchFacts = launchableFacts()): CampaignCommand => ({
  type: 'LaunchCampaign',
  data: { campaignId, companyId, now, facts },
});

describe('campaign launch', () => {
  it('freezes the settings, the list snapshot and the company hours, and enrols every contact', () => {
    const facts = launchableFacts();
    spec
      .given(launchable)
      .when(launch(facts))
      .then([
        {
          type: 'CampaignLaunched',
          data: {
            campaignId,
            launchedAt: now,
            name: 'Spring intake',
            settings: launchableDraft,
            list: { listId, caseType: 'personal injury', listRevision: 2, caseCount: 2, contactCount: 3 },
            companyHours: { timezone: 'America/New_York', businessHours: facts.company!.defaultBusinessHours },
          },
        },
        {
          type: 'ContactsEnrolled',
          data: {
            campaignId,
            batch: 0,
            contacts: [
              {
                caseId: 'case-1',
                contactId: 'contact-1-0',
                externalId: 'EXT-1',
                phone: '+15550000001',
                timezone: 'America/Chicago',
                timezoneSource: 'contact',
                name: 'Client 1',
                email: 'client1@example.com',
                state: 'IL',
              },
              {
                caseId: 'case-2',
                contactId: 'contact-2-0',
                externalId: 'EXT-2',
                phone: '+15550000002',
                timezone: 'America/Chicago',
                timezoneSource: 'contact',
                name: 'Client 2',
                email: 'client2@example.com',
                state: 'IL',
              },
              {
                caseId: 'case-2',
                contactId: 'contact-2-1',
                externalId: 'EXT-2',
                phone: '+15550000002',
                timezone: 'America/Chicago',
                timezoneSource: 'contact',
                name: 'Client 2',
              },
            ],
            messages: false,
          },
        },
      ]);
  });

  it('says in each enrolment batch whether the campaign has any message step to prepare for', () => {
    const state = launchable.reduce(campaignDecider.evolve, campaignDecider.initialState());
    const flags = (events: readonly CampaignEvent[]) =>
      events.flatMap((e) => (e.type === 'ContactsEnrolled' ? [e.data.messages] : []));
    expect(flags(campaignDecider.decide(launch(), state) as CampaignEvent[])).to.deep.equal([false]);
    const withText = [
      ...launchable,
      saved({ voicemail: { policy: 'follow_up_sms', message: 'We called you.' } }),
    ].reduce(campaignDecider.evolve, campaignDecider.initialState());
    expect(flags(campaignDecider.decide(launch(), withText) as CampaignEvent[])).to.deep.equal([true]);
  });

  it('is ACTIVE afterwards with its counts', () =>
    spec
      .given(launchable)
      .when(launch())
      .thenState((state) => {
        expect(state).to.deep.include({ status: 'ACTIVE', enrolledContacts: 3 });
        if (state.status !== 'NONE') expect(state.launch?.list).to.deep.include({ caseCount: 2, contactCount: 3 });
      }));

  it("carries each contact's area-code zones into the enrolment, for the calling window", () => {
    const withZones = {
      ...caseOf(1),
      contacts: [{ ...caseOf(1).contacts[0]!, areaCodeTimezones: ['America/Anchorage', 'America/Adak'] }],
    };
    const state = launchable.reduce(campaignDecider.evolve, campaignDecider.initialState());
    const events = campaignDecider.decide(
      launch(launchableFacts({ list: { listId, caseType: 'personal injury', revision: 9, cases: [withZones] } })),
      state,
    ) as CampaignEvent[];
    const enrolled = events.flatMap((e) => (e.type === 'ContactsEnrolled' ? e.data.contacts : []));
    expect(enrolled.map((c) => c.areaCodeTimezones)).to.deep.equal([['America/Anchorage', 'America/Adak']]);
  });

  it('enrols contacts in batches of at most 1,000', () => {
    const cases = Array.from({ length: 2500 }, (_, i) => caseOf(i + 1));
    const state = launchable.reduce(campaignDecider.evolve, campaignDecider.initialState());
    const events = campaignDecider.decide(
      launch(launchableFacts({ list: { listId, caseType: 'personal injury', revision: 9, cases } })),
      state,
    ) as CampaignEvent[];
    const batches = events.filter((e) => e.type === 'ContactsEnrolled');
    expect(batches.map((e) => e.type === 'ContactsEnrolled' && [e.data.batch, e.data.contacts.length])).to.deep.equal([
      [0, 1000],
      [1, 1000],
      [2, 500],
    ]);
  });

  it('resolves company times to the company hours at launch, not those copied when saved', () => {
    const draft: Draft = {
      ...launchableDraft,
      schedule: { mode: 'company', slots: [{ days: ['sat'], start: '09:00', end: '10:00' }] },
    };
    spec
      .given([started, saved(draft)])
      .when(launch())
      .thenState((state) => {
        if (state.status !== 'NONE')
          expect(state.draft.schedule).to.deep.equal({
            mode: 'company',
            slots: launchableFacts().company!.defaultBusinessHours,
          });
      });
  });

  it('refuses to launch twice', () =>
    spec
      .given([...launchable, launched])
      .when(launch())
      .thenThrows(IllegalStateError, /ACTIVE/, 'CAMPAIGN.NOT_A_DRAFT'));
});
