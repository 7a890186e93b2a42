import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { Draft } from '../../../domain/campaign/draft.ts';
import type { LaunchFacts } from '../../../domain/campaign/launchValidation.ts';
import { IllegalStateError } from '../../../domain/errors.ts';
import { enrolledContactsOf } from '../../../domain/campaign/enrolment.ts';
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
  it('freezes the settings, the list snapshot and the company hours, leaving its contacts to the enrolment batches', () => {
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
      ]);
  });

  it('enrols each contact as its case and the list give it, area-code zones included, for the calling window', () => {
    const withZones = {
      ...caseOf(2, 'personal injury', 2),
      contacts: [
        { ...caseOf(2).contacts[0]!, areaCodeTimezones: ['America/Anchorage', 'America/Adak'] },
        caseOf(2, 'personal injury', 2).contacts[1]!,
      ],
    };
    expect(enrolledContactsOf(withZones)).to.deep.equal([
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
        areaCodeTimezones: ['America/Anchorage', 'America/Adak'],
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
    ]);
  });

  it('is ACTIVE afterwards with its counts, none enrolled yet', () =>
    spec
      .given(launchable)
      .when(launch())
      .thenState((state) => {
        expect(state).to.deep.include({ status: 'ACTIVE', enrolledContacts: 0 });
        if (state.status !== 'NONE') expect(state.launch?.list).to.deep.include({ caseCount: 2, contactCount: 3 });
      }));

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
