import { expect } from 'chai';
import { campaignDecider } from '../../../domain/campaign/decider.ts';
import type { CampaignCommand } from '../../../domain/campaign/commands.ts';
import type { Draft } from '../../../domain/campaign/draft.ts';
import type { CampaignEvent } from '../../../domain/campaign/events.ts';
import { listFactsOf, type LaunchFacts } from '../../../domain/campaign/launchValidation.ts';
import { IllegalStateError, type ErrorDetail } from '../../../domain/errors.ts';
import { deciderSpecification } from '../../support/deciderSpecification.ts';
import {
  caseOf,
  campaignId,
  companyId,
  launchableDraft,
  launchableFacts,
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

/** The problems launch reports for a draft (replacing the launchable one) and facts. */
const problemsOf = (
  draft: Draft,
  facts: LaunchFacts = launchableFacts(),
  history: readonly CampaignEvent[] = [started],
): ErrorDetail[] => {
  const state = [...history, saved(draft)].reduce(campaignDecider.evolve, campaignDecider.initialState());
  try {
    campaignDecider.decide(launch(facts), state);
  } catch (error) {
    expect(error).to.be.instanceOf(IllegalStateError);
    expect((error as IllegalStateError).code).to.equal('CAMPAIGN.NOT_LAUNCHABLE');
    return [...(error as IllegalStateError).errors];
  }
  return [];
};

const without = (part: keyof Draft): Draft => {
  const { [part]: _removed, ...rest } = launchableDraft;
  return rest;
};

const paths = (problems: readonly ErrorDetail[]) => problems.map((p) => p.path);

describe('campaign launch validation', () => {
  it('launches the launchable draft: no problems', () => expect(problemsOf(launchableDraft)).to.deep.equal([]));

  it('needs a name of at least 3 characters', () => {
    const named = (name: string): CampaignEvent => ({
      type: 'CampaignDraftStarted',
      data: { campaignId, companyId, name, createdAt: now },
    });
    expect(paths(problemsOf(launchableDraft, launchableFacts(), [named('Ab')]))).to.deep.equal(['name']);
    expect(problemsOf(launchableDraft, launchableFacts(), [named('Abc')])).to.deep.equal([]);
  });

  it('needs a campaign type', () => expect(paths(problemsOf(without('type')))).to.deep.equal(['type']));

  it('needs a list', () =>
    expect(problemsOf(without('listId'))).to.deep.equal([{ path: 'listId', message: 'choose a list' }]));

  it('needs the list to exist in the company', () =>
    expect(problemsOf(launchableDraft, { ...launchableFacts(), list: undefined })).to.deep.equal([
      { path: 'listId', message: `no list ${listId} in this company` },
    ]));

  it('names a list, form or agent id that is empty in words, leaving no gap in the message', () =>
    expect(
      problemsOf(
        { ...launchableDraft, listId: '', formId: '', agentId: '' },
        { ...launchableFacts(), list: undefined, form: undefined, agent: undefined },
      ).map((p) => p.message),
    ).to.include.members([
      'no list with an empty id in this company',
      'no form with an empty id in this company',
      'no agent with an empty id in this company',
    ]));

  it('needs cases in the list', () =>
    expect(
      paths(problemsOf(launchableDraft, launchableFacts({ list: listFactsOf(listId, 'personal injury', 0, []) }))),
    ).to.deep.equal(['listId']));

  it("needs every case to have the list's case type, naming the ones that do not", () => {
    const cases = [caseOf(1), caseOf(2, 'workers comp'), caseOf(3, 'estate')];
    const problems = problemsOf(
      launchableDraft,
      launchableFacts({ list: listFactsOf(listId, 'personal injury', 3, cases) }),
    );
    expect(paths(problems)).to.deep.equal(['listId']);
    expect(problems[0]!.message).to.match(/2 case\(s\).*EXT-2, EXT-3/);
  });

  it('names the first five cases of another case type and counts the rest, however long the list', () => {
    const cases = [caseOf(1), ...Array.from({ length: 7 }, (_, i) => caseOf(i + 2, 'estate'))];
    const problems = problemsOf(
      launchableDraft,
      launchableFacts({ list: listFactsOf(listId, 'personal injury', 3, cases) }),
    );
    expect(problems).to.deep.equal([
      {
        path: 'listId',
        message:
          "7 case(s) do not have the list's case type personal injury: EXT-2, EXT-3, EXT-4, EXT-5, EXT-6 and 2 more",
      },
    ]);
  });

  it("needs a form to have the list's case type", () => {
    const problems = problemsOf(
      launchableDraft,
      launchableFacts({ form: { formId: launchableDraft.formId!, caseType: 'estate', fieldKeys: ['injury_date'] } }),
    );
    expect(problems).to.deep.equal([
      { path: 'formId', message: "the form's case type estate is not the list's case type personal injury" },
    ]);
  });

  it('needs a chosen form to exist', () =>
    expect(paths(problemsOf(launchableDraft, { ...launchableFacts(), form: undefined }))).to.include('formId'));

  it('launches without a form when none is chosen', () =>
    expect(
      problemsOf({ ...without('formId'), crmFieldMappings: [] }, { ...launchableFacts(), form: undefined }),
    ).to.deep.equal([]));

  for (const type of ['voice', 'multichannel'] as const)
    it(`needs an agent for a ${type} campaign`, () =>
      expect(problemsOf({ ...without('agentId'), type }, { ...launchableFacts(), agent: undefined })).to.deep.equal([
        { path: 'agentId', message: `a ${type} campaign needs an agent` },
      ]));

  it('needs a chosen agent to exist', () =>
    expect(paths(problemsOf(launchableDraft, { ...launchableFacts(), agent: undefined }))).to.deep.equal(['agentId']));

  it('needs at least one SMS or email step for a messaging campaign, and no agent', () => {
    const messaging: Draft = { ...without('agentId'), type: 'messaging' };
    expect(problemsOf(messaging)).to.deep.equal([
      { path: 'workflows', message: 'a messaging campaign needs at least one SMS or email step' },
    ]);
    const withStep: Draft = {
      ...messaging,
      workflows: [{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hello from the firm' }] }],
    };
    expect(problemsOf(withStep)).to.deep.equal([]);
  });

  it("needs the company's postal address for email steps (CAN-SPAM), naming the first email step; texts need none", () => {
    const { postalAddress: _none, ...noAddress } = launchableFacts();
    const messaging: Draft = { ...without('agentId'), type: 'messaging' };
    const steps: Draft = {
      ...messaging,
      workflows: [
        { trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hello from the firm' }] },
        {
          trigger: { kind: 'enrolled' },
          steps: [
            { channel: 'sms', body: 'Again' },
            { channel: 'email', subject: 'Your case', body: 'Details' },
            { channel: 'email', subject: 'More', body: 'More' },
          ],
        },
      ],
    };
    expect(problemsOf(steps, noAddress)).to.deep.equal([
      {
        path: 'workflows.1.steps.1',
        message:
          "email needs the company's postal address (CAN-SPAM): set email.postalAddress with PUT /v1/settings/email",
      },
    ]);
    expect(problemsOf(steps)).to.deep.equal([]);
    expect(problemsOf({ ...messaging, workflows: [steps.workflows![0]!] }, noAddress)).to.deep.equal([]);
  });

  for (const mode of ['transfer', 'schedule_based'] as const)
    it(`needs a valid forwarding number for ${mode} routing`, () => {
      expect(paths(problemsOf({ ...launchableDraft, routing: { mode } }))).to.deep.equal(['routing.forwardingNumber']);
      expect(paths(problemsOf({ ...launchableDraft, routing: { mode, forwardingNumber: '555-1234' } }))).to.deep.equal([
        'routing.forwardingNumber',
      ]);
    });

  it('needs no forwarding number for AI-only routing, and a valid time-zone override if any', () => {
    expect(problemsOf({ ...launchableDraft, routing: { mode: 'ai_only' } })).to.deep.equal([]);
    expect(
      paths(problemsOf({ ...launchableDraft, routing: { mode: 'ai_only', timezone: 'Mars/Olympus' } })),
    ).to.deep.equal(['routing.timezone']);
  });

  it('needs schedule slots inside 08:00-21:00, each ending after it starts', () => {
    const slots = (start: string, end: string): Draft => ({
      ...launchableDraft,
      schedule: { mode: 'custom', slots: [{ days: ['mon'], start, end }] },
    });
    expect(problemsOf(slots('07:30', '12:00'))).to.deep.equal([
      { path: 'schedule.slots.0', message: 'the slot 07:30-12:00 must lie inside 08:00-21:00' },
    ]);
    expect(paths(problemsOf(slots('18:00', '21:30')))).to.deep.equal(['schedule.slots.0']);
    expect(paths(problemsOf(slots('12:00', '10:00')))).to.deep.equal(['schedule.slots.0']);
    expect(paths(problemsOf(slots('9am', '17:00')))).to.deep.equal(['schedule.slots.0.start']);
    expect(problemsOf(slots('08:00', '21:00'))).to.deep.equal([]);
  });

  it('given federal hours narrowed to 09:00-20:00 in the facts, when slots open at 08:30, then each is a problem naming those hours', () => {
    const narrowed = launchableFacts({ federalHours: { start: '09:00', end: '20:00' } });
    const from = (start: string) => [{ days: ['mon' as const], start, end: '12:00' }];
    const draft = (start: string): Draft => ({
      ...launchableDraft,
      schedule: { mode: 'custom', slots: from(start) },
      runs: [{ start: '2026-03-09T09:00:00-06:00', slots: from(start), channels: ['voice'] }],
    });
    expect(problemsOf(draft('08:30'), narrowed)).to.deep.equal([
      { path: 'schedule.slots.0', message: 'the slot 08:30-12:00 must lie inside 09:00-20:00' },
      { path: 'runs.0.slots.0', message: 'the slot 08:30-12:00 must lie inside 09:00-20:00' },
    ]);
    expect(problemsOf(draft('09:00'), narrowed)).to.deep.equal([]);
    const companyFrom0800 = launchableFacts({
      federalHours: { start: '09:00', end: '20:00' },
      company: { ...launchableFacts().company!, defaultBusinessHours: from('08:00') },
    });
    expect(problemsOf({ ...launchableDraft, schedule: { mode: 'company' } }, companyFrom0800)).to.deep.equal([
      { path: 'schedule.slots.0', message: 'the slot 08:00-12:00 must lie inside 09:00-20:00' },
    ]);
  });

  it('needs at least one slot and one weekday', () => {
    expect(paths(problemsOf({ ...launchableDraft, schedule: { mode: 'custom', slots: [] } }))).to.deep.equal([
      'schedule',
    ]);
    expect(
      paths(
        problemsOf({
          ...launchableDraft,
          schedule: { mode: 'custom', slots: [{ days: [], start: '09:00', end: '10:00' }] },
        }),
      ),
    ).to.deep.equal(['schedule.slots.0.days']);
  });

  it('takes company times from the company at launch, and needs the company to have them', () => {
    expect(problemsOf({ ...launchableDraft, schedule: { mode: 'company' } })).to.deep.equal([]);
    expect(
      paths(
        problemsOf({ ...launchableDraft, schedule: { mode: 'company' } }, { ...launchableFacts(), company: undefined }),
      ),
    ).to.deep.equal(['schedule']);
  });

  it('needs run slots inside the calling window, a start time and a channel', () => {
    const runs: Draft['runs'] = [
      {
        start: '2026-03-09T09:00:00-06:00',
        slots: [{ days: ['mon'], start: '09:00', end: '11:00' }],
        channels: ['voice'],
      },
      { start: 'next monday', slots: [{ days: ['tue'], start: '20:00', end: '22:00' }], channels: [] },
    ];
    expect(paths(problemsOf({ ...launchableDraft, runs }))).to.deep.equal([
      'runs.1.start',
      'runs.1.slots.0',
      'runs.1.channels',
    ]);
  });

  it('needs a run start on a day the calendar has', () => {
    const runs: Draft['runs'] = [
      {
        start: '2026-02-30T09:00:00-06:00',
        slots: [{ days: ['mon'], start: '09:00', end: '11:00' }],
        channels: ['voice'],
      },
    ];
    expect(paths(problemsOf({ ...launchableDraft, runs }))).to.deep.equal(['runs.0.start']);
  });

  it('refuses a voice or multichannel campaign with no run that calls, naming runs', () => {
    const noCall = [
      { path: 'runs', message: 'add at least one run with the voice channel: without one no call is ever placed' },
    ];
    const textsOnly: Draft['runs'] = [
      {
        start: '2026-03-09T09:00:00-06:00',
        slots: [{ days: ['mon'], start: '09:00', end: '11:00' }],
        channels: ['sms', 'email'],
      },
    ];
    for (const type of ['voice', 'multichannel'] as const) {
      expect(problemsOf({ ...without('runs'), type }), type).to.deep.equal(noCall);
      expect(problemsOf({ ...launchableDraft, type, runs: [] }), type).to.deep.equal(noCall);
      expect(problemsOf({ ...launchableDraft, type, runs: textsOnly }), type).to.deep.equal(noCall);
    }
  });

  it('launches a messaging campaign without runs: it places no calls', () => {
    const messaging: Draft = {
      ...without('runs'),
      type: 'messaging',
      workflows: [{ trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Hello' }] }],
    };
    expect(problemsOf(messaging)).to.deep.equal([]);
  });

  it('needs a dated workflow step to name a real local date and time, a real zone, and no delay beside it', () => {
    const withStep = (step: Record<string, unknown>): Draft => ({
      ...launchableDraft,
      workflows: [
        { trigger: { kind: 'enrolled' }, steps: [{ channel: 'sms', body: 'Your hearing is on Thursday.', ...step }] },
      ],
    });
    expect(problemsOf(withStep({ sendAt: '2027-01-10T09:00' }))).to.deep.equal([]);
    expect(problemsOf(withStep({ sendAt: '2027-01-10T09:00', timezone: 'America/New_York' }))).to.deep.equal([]);
    expect(problemsOf(withStep({ sendAt: '2027-01-10T09:00', delayMinutes: 30 }))).to.deep.equal([
      {
        path: 'workflows.0.steps.0.sendAt',
        message: 'choose either sendAt or delayMinutes: a step is sent at a date and time or after a delay, not both',
      },
    ]);
    for (const sendAt of ['2027-01-10 09:00', '2027-02-30T09:00', '2027-01-10T09:00:00-06:00', 'tomorrow'])
      expect(problemsOf(withStep({ sendAt })), sendAt).to.deep.equal([
        {
          path: 'workflows.0.steps.0.sendAt',
          message: 'expected a local date and time YYYY-MM-DDTHH:mm, such as 2027-01-10T09:00',
        },
      ]);
    expect(paths(problemsOf(withStep({ sendAt: '2027-01-10T09:00', timezone: 'Mars/Olympus' })))).to.deep.equal([
      'workflows.0.steps.0.timezone',
    ]);
    expect(paths(problemsOf(withStep({ timezone: 'America/Chicago' })))).to.deep.equal([
      'workflows.0.steps.0.timezone',
    ]);
  });

  it('needs concurrency and pacing to be positive whole numbers', () => {
    expect(paths(problemsOf({ ...launchableDraft, concurrency: { limit: 0, pacingPerMinute: 30 } }))).to.deep.equal([
      'concurrency.limit',
    ]);
    expect(paths(problemsOf({ ...launchableDraft, concurrency: { limit: 5, pacingPerMinute: -2 } }))).to.deep.equal([
      'concurrency.pacingPerMinute',
    ]);
    expect(paths(problemsOf({ ...launchableDraft, concurrency: { limit: 2.5 } }))).to.deep.equal(['concurrency.limit']);
  });

  it('refuses whole numbers past 2^53, which JSON.parse has already rounded', () =>
    expect(
      paths(problemsOf({ ...launchableDraft, concurrency: { limit: 2 ** 53 + 2 }, retry: { maxAttempts: 1e300 } })),
    ).to.deep.equal(['concurrency.limit', 'retry.maxAttempts']));

  it('needs a retry policy of positive whole numbers', () =>
    expect(paths(problemsOf({ ...launchableDraft, retry: { maxAttempts: 0, intervalMinutes: 1.5 } }))).to.deep.equal([
      'retry.maxAttempts',
      'retry.intervalMinutes',
    ]));

  it('needs valid report schedules', () => {
    const reportSchedules: Draft['reportSchedules'] = [
      { report: 'calls', frequency: 'weekly', time: '25:00', recipients: [] },
      {
        report: 'contacts',
        frequency: 'monthly',
        dayOfMonth: 31,
        time: '08:00',
        recipients: ['ops@example.com', 'not an email'],
        timezone: 'Nowhere/Land',
      },
    ];
    expect(paths(problemsOf({ ...launchableDraft, reportSchedules }))).to.deep.equal([
      'reportSchedules.0.time',
      'reportSchedules.0.dayOfWeek',
      'reportSchedules.0.recipients',
      'reportSchedules.1.dayOfMonth',
      'reportSchedules.1.timezone',
      'reportSchedules.1.recipients.1',
    ]);
  });

  it('needs CRM field mappings from fields of the form, each case field once', () => {
    const crmFieldMappings = [
      { formField: 'injury_date', caseField: 'incident_date' },
      { formField: 'shoe_size', caseField: 'incident_date' },
    ];
    expect(paths(problemsOf({ ...launchableDraft, crmFieldMappings }))).to.deep.equal([
      'crmFieldMappings.1.formField',
      'crmFieldMappings.1.caseField',
    ]);
    expect(
      paths(problemsOf({ ...without('formId'), crmFieldMappings: [{ formField: 'a', caseField: 'b' }] })),
    ).to.deep.equal(['crmFieldMappings']);
  });

  it('needs a form to complete contacts on a complete form', () => {
    expect(
      paths(problemsOf({ ...without('formId'), crmFieldMappings: [], completeOnFormComplete: true })),
    ).to.deep.equal(['completeOnFormComplete']);
    expect(
      paths(problemsOf({ ...without('formId'), crmFieldMappings: [], completeOnFormComplete: false })),
    ).to.deep.equal([]);
    expect(paths(problemsOf({ ...launchableDraft, completeOnFormComplete: true }))).to.deep.equal([]);
  });

  it('needs workflows that can run: form answers of real fields, emails with subjects, messages written', () => {
    const workflows: Draft['workflows'] = [
      {
        trigger: { kind: 'form_answer', fieldKey: 'wants_callback', value: true },
        steps: [{ channel: 'sms', body: 'We will call you back' }],
      },
      {
        trigger: { kind: 'form_answer', fieldKey: 'favourite_colour', value: 'blue' },
        steps: [{ channel: 'email', body: ' ' }],
      },
      {
        trigger: { kind: 'call_outcome', outcome: 'voicemail' },
        steps: [{ channel: 'sms', body: 'Call us', delayMinutes: -5 }],
      },
    ];
    expect(paths(problemsOf({ ...launchableDraft, workflows }))).to.deep.equal([
      'workflows.1.trigger.fieldKey',
      'workflows.1.steps.0.body',
      'workflows.1.steps.0.subject',
      'workflows.2.steps.0.delayMinutes',
    ]);
  });

  it('needs an http(s) webhook URL when external invocation is enabled with one', () => {
    expect(
      paths(problemsOf({ ...launchableDraft, externalInvocation: { enabled: true, webhookUrl: 'crm.example.com' } })),
    ).to.deep.equal(['externalInvocation.webhookUrl']);
    expect(
      problemsOf({ ...launchableDraft, externalInvocation: { enabled: false, webhookUrl: 'crm.example.com' } }),
    ).to.deep.equal([]);
  });

  it('reports every problem at once', () => {
    const broken: Draft = {
      type: 'messaging',
      formId: launchableDraft.formId!,
      schedule: { mode: 'custom', slots: [{ days: ['mon'], start: '06:00', end: '22:00' }] },
      concurrency: { limit: 0, pacingPerMinute: 0 },
      routing: { mode: 'transfer' },
      reportSchedules: [{ report: 'calls', frequency: 'daily', time: '08:00', recipients: [] }],
    };
    const named: CampaignEvent = {
      type: 'CampaignDraftStarted',
      data: { campaignId, companyId, name: 'No', createdAt: now },
    };
    const problems = problemsOf(
      broken,
      launchableFacts({ form: { formId: launchableDraft.formId!, caseType: 'estate', fieldKeys: [] } }),
      [named],
    );
    expect(paths(problems)).to.deep.equal([
      'name',
      'listId',
      'workflows',
      'routing.forwardingNumber',
      'schedule.slots.0',
      'concurrency.limit',
      'concurrency.pacingPerMinute',
      'reportSchedules.0.recipients',
    ]);
    problems.forEach((problem) => expect(problem.message).to.be.a('string').and.not.equal(''));
  });

  it('a refused launch records nothing and leaves the draft a draft', () =>
    spec
      .given([started, saved(without('listId'))])
      .when(launch())
      .thenThrows(IllegalStateError, /cannot launch: 1 problem/, 'CAMPAIGN.NOT_LAUNCHABLE'));
});
