import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import { rosterOf } from '../../../domain/campaign/campaignContacts.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { Draft } from '../../../domain/campaign/draft.ts';
import type { CampaignEvent, EnrolledContact } from '../../../domain/campaign/events.ts';
import { invokedContactIds } from '../../../domain/campaign/invocation.ts';
import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import { campaignId, companyId, launchableDraft, now, otherCompanyId, saved, started } from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);

const enrolled = (contactId: string, externalId: string): EnrolledContact => ({
  caseId: `case-${externalId}`,
  contactId,
  externalId,
  phone: '+15550001111',
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
});
const contacts = [
  enrolled('ada', 'PI-1'),
  enrolled('grace', 'PI-2'),
  enrolled('castor', 'PI-TWINS'),
  enrolled('pollux', 'PI-TWINS'),
];
const roster = rosterOf([contacts]);

const invocable: Draft = { ...launchableDraft, externalInvocation: { enabled: true } };
const launchedWith = (settings: Draft): CampaignEvent[] => [
  started,
  saved(settings),
  {
    type: 'CampaignLaunched',
    data: {
      campaignId,
      launchedAt: now,
      name: 'Spring intake',
      settings,
      list: { listId: 'list-1', caseType: 'personal injury', listRevision: 1, caseCount: 3, contactCount: 4 },
    },
  },
  { type: 'ContactsEnrolled', data: { campaignId, batch: 0, contacts } },
];
const active = launchedWith(invocable);

const invoke = (
  target: { contactIds?: string[]; externalIds?: string[] } = {},
  company = companyId,
): CampaignCommand => ({
  type: 'InvokeCampaign',
  data: { campaignId, companyId: company, now, invocationId: 'inv-1', invokedBy: 'key-1', roster, ...target },
});

const invoked = (count: number, target: { contactIds?: string[]; externalIds?: string[] } = {}): CampaignEvent => ({
  type: 'CampaignInvoked',
  data: { campaignId, invocationId: 'inv-1', at: now, invokedBy: 'key-1', contacts: count, ...target },
});

describe('external invocation of a campaign', () => {
  it('given an active campaign launched with invocation on, when invoked for all, then records the invocation for every contact', () =>
    spec
      .given(active)
      .when(invoke())
      .then([invoked(4)]));

  it('records the ids it was given, counting each contact once: an external id reaches every contact of its case', () => {
    spec
      .given(active)
      .when(invoke({ contactIds: ['ada', 'castor'], externalIds: ['PI-TWINS'] }))
      .then([invoked(3, { contactIds: ['ada', 'castor'], externalIds: ['PI-TWINS'] })]);
    expect(invokedContactIds(roster, { contactIds: ['ada', 'castor'], externalIds: ['PI-TWINS'] })).to.deep.equal([
      'ada',
      'castor',
      'pollux',
    ]);
    expect(invokedContactIds(roster, {})).to.deep.equal(['ada', 'grace', 'castor', 'pollux']);
  });

  it('refuses a campaign launched with invocation off or absent, naming externalInvocation.enabled', () => {
    for (const settings of [launchableDraft, { ...launchableDraft, externalInvocation: { enabled: false } }])
      spec
        .given(launchedWith(settings))
        .when(invoke())
        .thenThrows(IllegalStateError, /externalInvocation\.enabled/, 'INVOCATION.DISABLED');
  });

  it('refuses a draft, a paused and a completed campaign, naming the status', () => {
    spec
      .given([started, saved(invocable)])
      .when(invoke())
      .thenThrows(IllegalStateError, /DRAFT/, 'INVOCATION.CAMPAIGN_NOT_ACTIVE');
    const paused: CampaignEvent = { type: 'CampaignPaused', data: { campaignId, at: now } };
    spec
      .given([...active, paused])
      .when(invoke())
      .thenThrows(IllegalStateError, /PAUSED/, 'INVOCATION.CAMPAIGN_NOT_ACTIVE');
    const completed: CampaignEvent = { type: 'CampaignCompleted', data: { campaignId, at: now } };
    spec
      .given([...active, completed])
      .when(invoke())
      .thenThrows(IllegalStateError, /COMPLETED/, 'INVOCATION.CAMPAIGN_NOT_ACTIVE');
  });

  it('refuses a campaign that places no calls', () => {
    const messaging: Draft = { ...invocable, type: 'messaging', runs: [] };
    spec
      .given(launchedWith(messaging))
      .when(invoke())
      .thenThrows(IllegalStateError, /no calls/, 'INVOCATION.NO_CALLS');
  });

  it('refuses unknown ids, naming each by its place in the request', () => {
    let refusal: NotFoundError | undefined;
    try {
      campaignDecider.decide(
        invoke({ contactIds: ['ada', 'nobody', 'ada', 'ghost'], externalIds: ['PI-1', 'PI-404'] }),
        active.reduce(campaignDecider.evolve, campaignDecider.initialState()),
      );
    } catch (error) {
      refusal = error as NotFoundError;
    }
    expect(refusal).to.be.instanceOf(NotFoundError);
    expect(refusal!.errors.map((e) => e.path)).to.deep.equal(['contactIds.1', 'contactIds.3', 'externalIds.1']);
    expect(refusal!.message).to.match(/nobody, ghost, PI-404/);
  });

  it("answers not found for another company's campaign", () =>
    spec.given(active).when(invoke({}, otherCompanyId)).thenThrows(NotFoundError));

  it('changes nothing of the campaign but its revision', () =>
    spec
      .given(active)
      .when(invoke())
      .thenState((state) => {
        const before = active.reduce(campaignDecider.evolve, campaignDecider.initialState());
        expect({ ...state, revision: 0 }).to.deep.equal({ ...before, revision: 0 });
        expect(state.revision).to.equal(before.revision + 1);
      }));
});
