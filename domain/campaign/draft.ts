import * as t from 'io-ts';
import { FiniteNumber, NonEmptyString, Weekday } from '../values.ts';

/**
 * The shape of a campaign being built. While it is a draft every part is optional and only its JSON
 * shape is checked (types and enumerations): values such as phone numbers, hours or recipients are
 * judged at launch, so an autosave of half-finished work is never refused.
 */

export const CampaignType = t.keyof(
  { voice: null, messaging: null, multichannel: null },
  'voice, messaging or multichannel',
);
export type CampaignType = t.TypeOf<typeof CampaignType>;

export const Channel = t.keyof({ voice: null, sms: null, email: null }, 'voice, sms or email');
export type Channel = t.TypeOf<typeof Channel>;

/** A slot as typed in the builder: checked against HH:mm and the federal calling window at launch. */
export const DraftSlot = t.type({ days: t.array(Weekday), start: t.string, end: t.string });
export type DraftSlot = t.TypeOf<typeof DraftSlot>;

/** `company` copies the company's default business hours; `custom` uses the campaign's own slots. */
export const ScheduleMode = t.keyof({ company: null, custom: null }, 'company or custom');

export const Schedule = t.intersection([t.type({ mode: ScheduleMode }), t.partial({ slots: t.array(DraftSlot) })]);
export type Schedule = t.TypeOf<typeof Schedule>;

/** One outreach pass: when it starts, its time slots, the channels it uses. */
export const Run = t.intersection([
  t.type({ start: t.string, slots: t.array(DraftSlot), channels: t.array(Channel) }),
  t.partial({ name: t.string }),
]);
export type Run = t.TypeOf<typeof Run>;

export const CallOutcome = t.keyof(
  { answered: null, no_answer: null, busy: null, voicemail: null, failed: null, transferred: null, opted_out: null },
  'a call outcome (answered, no_answer, busy, voicemail, failed, transferred, opted_out)',
);

/** What starts a workflow: enrolment itself, a call's outcome, or a form answer. */
export const WorkflowTrigger = t.union([
  t.type({ kind: t.literal('enrolled') }),
  t.type({ kind: t.literal('call_outcome'), outcome: CallOutcome }),
  t.type({ kind: t.literal('form_answer'), fieldKey: t.string, value: t.union([t.string, FiniteNumber, t.boolean]) }),
]);
export type WorkflowTrigger = t.TypeOf<typeof WorkflowTrigger>;

/**
 * One message of a workflow, sent `delayMinutes` after the step before it, or at `sendAt`: a local date
 * and time (`2027-01-10T09:00`) in the contact's own zone, or in `timezone` when the step names one.
 */
export const WorkflowStep = t.intersection([
  t.type({ channel: t.keyof({ sms: null, email: null }, 'sms or email'), body: t.string }),
  t.partial({ delayMinutes: FiniteNumber, sendAt: t.string, timezone: t.string, subject: t.string }),
]);
export type WorkflowStep = t.TypeOf<typeof WorkflowStep>;

export const Workflow = t.intersection([
  t.type({ trigger: WorkflowTrigger, steps: t.array(WorkflowStep) }),
  t.partial({ name: t.string }),
]);
export type Workflow = t.TypeOf<typeof Workflow>;

export const Concurrency = t.partial({ limit: FiniteNumber, pacingPerMinute: FiniteNumber });
export type Concurrency = t.TypeOf<typeof Concurrency>;

export const RetryPolicy = t.partial({ maxAttempts: FiniteNumber, intervalMinutes: FiniteNumber });
export type RetryPolicy = t.TypeOf<typeof RetryPolicy>;

export const RoutingMode = t.keyof(
  { ai_only: null, transfer: null, schedule_based: null },
  'ai_only, transfer or schedule_based',
);
export const RoutingAction = t.keyof({ ai: null, transfer: null, voicemail: null }, 'ai, transfer or voicemail');

/** Inbound calls: who answers, in and out of business hours, where transfers go, in which time zone. */
export const Routing = t.intersection([
  t.type({ mode: RoutingMode }),
  t.partial({
    businessHours: RoutingAction,
    afterHours: RoutingAction,
    forwardingNumber: t.string,
    timezone: t.string,
  }),
]);
export type Routing = t.TypeOf<typeof Routing>;

export const ExternalInvocation = t.intersection([t.type({ enabled: t.boolean }), t.partial({ webhookUrl: t.string })]);
export type ExternalInvocation = t.TypeOf<typeof ExternalInvocation>;

export const ReportKind = t.keyof(
  { calls: null, contacts: null, transfers: null, opt_outs: null, engagement: null },
  'calls, contacts, transfers, opt_outs or engagement',
);
export const ReportFrequency = t.keyof({ daily: null, weekly: null, monthly: null }, 'daily, weekly or monthly');

export const WindowUnit = t.keyof({ days: null, weeks: null, months: null }, 'days, weeks or months');

/** The whole days, weeks or months before the run's local date that a run reports on. */
export const ReportWindowSpec = t.type({ last: FiniteNumber, unit: WindowUnit });
export type ReportWindowSpec = t.TypeOf<typeof ReportWindowSpec>;

/**
 * A recurring CSV by email; `dayOfWeek` for weekly, `dayOfMonth` (1-28) for monthly. `id` is given by
 * the scheduled-reports routes; `filters` are the report's own query parameters.
 */
export const ReportSchedule = t.intersection([
  t.type({ report: ReportKind, frequency: ReportFrequency, time: t.string, recipients: t.array(t.string) }),
  t.partial({
    id: t.string,
    dayOfWeek: Weekday,
    dayOfMonth: FiniteNumber,
    timezone: t.string,
    filters: t.record(t.string, t.string),
    window: ReportWindowSpec,
  }),
]);
export type ReportSchedule = t.TypeOf<typeof ReportSchedule>;

/**
 * What an answering machine gets: nothing (hang up), the message said after the beep, or, once the
 * call has ended, the message sent as a text. The message may hold template fields.
 */
export const VoicemailPolicy = t.keyof(
  { hang_up: null, leave_message: null, follow_up_sms: null },
  'hang_up, leave_message or follow_up_sms',
);
export type VoicemailPolicy = t.TypeOf<typeof VoicemailPolicy>;

export const Voicemail = t.intersection([t.type({ policy: VoicemailPolicy }), t.partial({ message: t.string })]);
export type Voicemail = t.TypeOf<typeof Voicemail>;

/** A form field written onto a field of the case. */
export const CrmFieldMapping = t.type({ formField: t.string, caseField: t.string });
export type CrmFieldMapping = t.TypeOf<typeof CrmFieldMapping>;

/** Every part of a draft but its name, which a draft always has. */
export const draftParts = {
  description: t.string,
  type: CampaignType,
  listId: t.string,
  agentId: t.string,
  formId: t.string,
  schedule: Schedule,
  runs: t.array(Run),
  workflows: t.array(Workflow),
  concurrency: Concurrency,
  retry: RetryPolicy,
  routing: Routing,
  externalInvocation: ExternalInvocation,
  reportSchedules: t.array(ReportSchedule),
  crmFieldMappings: t.array(CrmFieldMapping),
  /** A contact whose form the agent has answered completely (over all its calls) is completed and not called again. */
  completeOnFormComplete: t.boolean,
  voicemail: Voicemail,
  /** Record the campaign's calls; the recording's link goes to the Calls report. */
  recordCalls: t.boolean,
};

export type DraftPart = keyof typeof draftParts;
export const draftPartNames = Object.keys(draftParts) as DraftPart[];

export const Draft = t.partial(draftParts);
export type Draft = t.TypeOf<typeof Draft>;

const clearable = <C extends t.Mixed>(codec: C) => t.union([codec, t.null]);

/** An autosave: any subset of the parts (and the name); `null` clears a part. */
export const DraftChanges = t.partial({
  name: NonEmptyString,
  description: clearable(draftParts.description),
  type: clearable(draftParts.type),
  listId: clearable(draftParts.listId),
  agentId: clearable(draftParts.agentId),
  formId: clearable(draftParts.formId),
  schedule: clearable(draftParts.schedule),
  runs: clearable(draftParts.runs),
  workflows: clearable(draftParts.workflows),
  concurrency: clearable(draftParts.concurrency),
  retry: clearable(draftParts.retry),
  routing: clearable(draftParts.routing),
  externalInvocation: clearable(draftParts.externalInvocation),
  reportSchedules: clearable(draftParts.reportSchedules),
  crmFieldMappings: clearable(draftParts.crmFieldMappings),
  completeOnFormComplete: clearable(draftParts.completeOnFormComplete),
  voicemail: clearable(draftParts.voicemail),
  recordCalls: clearable(draftParts.recordCalls),
});
export type DraftChanges = t.TypeOf<typeof DraftChanges>;

/** The builder's steps, in order; a draft remembers the one it was left on. */
export const BuilderStep = t.keyof(
  {
    details: null,
    list: null,
    agent: null,
    form: null,
    schedule: null,
    runs: null,
    workflows: null,
    routing: null,
    settings: null,
    review: null,
  },
  'a builder step (details, list, agent, form, schedule, runs, workflows, routing, settings, review)',
);
export type BuilderStep = t.TypeOf<typeof BuilderStep>;

/** The draft after an autosave: cleared parts removed, the rest replaced whole. */
export const applyChanges = (draft: Draft, changes: DraftChanges): Draft => {
  const next: Record<string, unknown> = { ...draft };
  for (const part of draftPartNames) {
    const value = changes[part];
    if (value === undefined) continue;
    if (value === null) delete next[part];
    else next[part] = value;
  }
  return next as Draft;
};
