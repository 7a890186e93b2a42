import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { DraftChanges } from '../../../domain/campaign/draft.ts';
import { IllegalStateError, NotFoundError } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import {
  agentId,
  campaignId,
  companyId,
  formId,
  launchable,
  launched,
  now,
  otherCompanyId,
  saved,
  started,
  deleted,
} from './campaignFixtures.ts';

const spec = deciderSpecification(campaignDecider);
const save = (
  changes: DraftChanges,
  extra: Partial<Extract<CampaignCommand, { type: 'SaveDraft' }>['data']> = {},
): CampaignCommand => ({
  type: 'SaveDraft',
  data: { campaignId, companyId, changes, ...extra },
});

/** One value of every part a draft can save. */
const parts: DraftChanges = {
  description: 'Follow up on spring intake',
  type: 'multichannel',
  listId: '01900000-0000-7000-8000-0000000000a9',
  agentId: '01900000-0000-7000-8000-0000000000b9',
  formId: '01900000-0000-7000-8000-0000000000f9',
  schedule: { mode: 'custom', slots: [{ days: ['sat'], start: '10:00', end: '12:00' }] },
  runs: [
    {
      name: 'First pass',
      start: '2026-03-09T09:00:00-06:00',
      slots: [{ days: ['mon'], start: '09:00', end: '11:00' }],
      channels: ['voice', 'sms'],
    },
  ],
  workflows: [
    {
      trigger: { kind: 'call_outcome', outcome: 'no_answer' },
      steps: [{ channel: 'sms', body: 'We tried to reach you', delayMinutes: 5 }],
    },
  ],
  concurrency: { limit: 3, pacingPerMinute: 12 },
  retry: { maxAttempts: 3, intervalMinutes: 60 },
  routing: {
    mode: 'schedule_based',
    businessHours: 'transfer',
    afterHours: 'ai',
    forwardingNumber: '+15550001111',
    timezone: 'America/Denver',
  },
  externalInvocation: { enabled: true, webhookUrl: 'https://crm.example.com/hooks/outreach' },
  reportSchedules: [
    { report: 'engagement', frequency: 'monthly', dayOfMonth: 1, time: '07:30', recipients: ['ops@example.com'] },
  ],
  crmFieldMappings: [{ formField: 'injury_date', caseField: 'incident_date' }],
};

describe('campaign drafts', () => {
  it('starts a draft as soon as it has a name', () =>
    spec
      .given([])
      .when({
        type: 'StartDraft',
        data: { campaignId, companyId, name: 'Spring intake', now: '2026-03-01T09:00:00.000Z' },
      })
      .then([started]));

  it('refuses to start a campaign twice', () =>
    spec
      .given([started])
      .when({ type: 'StartDraft', data: { campaignId, companyId, name: 'Again', now } })
      .thenThrows(IllegalStateError, /already exists/));

  it('is a DRAFT with an empty draft and revision 0 once started', () =>
    spec
      .given([])
      .when({ type: 'StartDraft', data: { campaignId, companyId, name: 'Spring intake', now } })
      .thenState((state) => {
        expect(state).to.deep.include({ status: 'DRAFT', name: 'Spring intake', draft: {}, revision: 0 });
      }));

  for (const [part, value] of Object.entries(parts))
    it(`autosaves ${part} alone, with no launch validation`, () => {
      spec
        .given([started])
        .when(save({ [part]: value }))
        .then([saved({ [part]: value })]);
      spec
        .given([started])
        .when(save({ [part]: value }))
        .thenState((state) => {
          expect(state.status).to.equal('DRAFT');
          if (state.status !== 'NONE') expect(state.draft).to.deep.equal({ [part]: value });
        });
    });

  it('autosaves values that would not launch (a short name, a bad number, slots at night)', () =>
    spec
      .given([started])
      .when(
        save({
          name: 'X',
          routing: { mode: 'transfer', forwardingNumber: '555' },
          schedule: { mode: 'custom', slots: [{ days: [], start: '22:00', end: '23:30' }] },
        }),
      )
      .then([
        saved({
          name: 'X',
          routing: { mode: 'transfer', forwardingNumber: '555' },
          schedule: { mode: 'custom', slots: [{ days: [], start: '22:00', end: '23:30' }] },
        }),
      ]));

  it('renames the draft', () =>
    spec
      .given([started])
      .when(save({ name: 'Summer intake' }))
      .thenState((state) => expect(state).to.deep.include({ name: 'Summer intake' })));

  it('clears a part saved as null', () =>
    spec
      .given([started, saved({ agentId, description: 'keep me' })])
      .when(save({ agentId: null }))
      .thenState((state) => expect(state.status !== 'NONE' && state.draft).to.deep.equal({ description: 'keep me' })));

  it('records nothing when an autosave repeats what is saved', () =>
    spec
      .given([started, saved({ concurrency: { limit: 3, pacingPerMinute: 12 } })])
      .when(save({ concurrency: { pacingPerMinute: 12, limit: 3 }, name: 'Spring intake' }))
      .then([]));

  it('records only the parts that changed', () =>
    spec
      .given([started, saved({ description: 'same' })])
      .when(save({ description: 'same', type: 'voice' }))
      .then([saved({ type: 'voice' })]));

  it('copies the company default business hours into a schedule in company mode, whatever slots were sent', () =>
    spec
      .given([started])
      .when(
        save(
          { schedule: { mode: 'company', slots: [{ days: ['sun'], start: '08:00', end: '09:00' }] } },
          { companyHours: [{ days: ['mon'], start: '09:00', end: '17:00' }] },
        ),
      )
      .then([saved({ schedule: { mode: 'company', slots: [{ days: ['mon'], start: '09:00', end: '17:00' }] } })]));

  it('keeps company mode without slots while the company has no hours yet', () =>
    spec
      .given([started])
      .when(save({ schedule: { mode: 'company' } }))
      .then([saved({ schedule: { mode: 'company' } })]));

  it("links a pre-built agent's form when the agent is chosen", () =>
    spec
      .given([started])
      .when(save({ agentId }, { agentForm: { agentId, formId } }))
      .then([
        {
          type: 'CampaignDraftSaved',
          data: { campaignId, changes: { agentId, formId }, formLinkedFromAgent: agentId },
        },
      ]));

  it('lets a form named in the same save win over the agent form', () =>
    spec
      .given([started])
      .when(save({ agentId, formId: '01900000-0000-7000-8000-0000000000f9' }, { agentForm: { agentId, formId } }))
      .then([saved({ agentId, formId: '01900000-0000-7000-8000-0000000000f9' })]));

  it('remembers the builder step, and records nothing for the same step again', () => {
    spec
      .given([started])
      .when({ type: 'ChangeStep', data: { campaignId, companyId, step: 'runs' } })
      .then([{ type: 'CampaignStepChanged', data: { campaignId, step: 'runs' } }]);
    spec
      .given([started, { type: 'CampaignStepChanged', data: { campaignId, step: 'runs' } }])
      .when({ type: 'ChangeStep', data: { campaignId, companyId, step: 'runs' } })
      .then([]);
  });

  it('refuses edits and step changes once launched (409, nothing recorded)', () => {
    spec
      .given([...launchable, launched])
      .when(save({ description: 'late' }))
      .thenThrows(IllegalStateError, /ACTIVE/, 'CAMPAIGN.NOT_A_DRAFT');
    spec
      .given([...launchable, launched])
      .when({ type: 'ChangeStep', data: { campaignId, companyId, step: 'review' } })
      .thenThrows(IllegalStateError, undefined, 'CAMPAIGN.NOT_A_DRAFT');
  });

  it("answers not found for another company's campaign", () =>
    spec
      .given([started])
      .when(save({ description: 'x' }, { companyId: otherCompanyId }))
      .thenThrows(NotFoundError, undefined, 'CAMPAIGN.NOT_FOUND'));

  it('answers not found for a campaign that was never started', () =>
    spec
      .given([])
      .when(save({ description: 'x' }))
      .thenThrows(NotFoundError));

  it('deletes a draft at any time, and then it is gone', () => {
    spec
      .given([started, saved({ type: 'voice' })])
      .when({ type: 'DeleteCampaign', data: { campaignId, companyId, now } })
      .then([deleted]);
    spec
      .given([started, deleted])
      .when(save({ description: 'x' }))
      .thenThrows(NotFoundError);
    spec
      .given([started, deleted])
      .when({ type: 'DeleteCampaign', data: { campaignId, companyId, now } })
      .thenThrows(NotFoundError);
  });

  it('refuses to delete a launched, paused or completed campaign', () => {
    const remove: CampaignCommand = { type: 'DeleteCampaign', data: { campaignId, companyId, now } };
    spec
      .given([...launchable, launched])
      .when(remove)
      .thenThrows(IllegalStateError, /only DRAFT/, 'CAMPAIGN.NOT_A_DRAFT');
    spec
      .given([...launchable, launched, { type: 'CampaignPaused', data: { campaignId, at: now } }])
      .when(remove)
      .thenThrows(IllegalStateError);
    spec
      .given([...launchable, launched, { type: 'CampaignCompleted', data: { campaignId, at: now } }])
      .when(remove)
      .thenThrows(IllegalStateError);
  });
});
