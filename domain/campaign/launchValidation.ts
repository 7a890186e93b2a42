import { placesCalls } from './voiceRuns.ts';
import type { CampaignSettings } from '../company/events.ts';
import type { ErrorDetail } from '../errors.ts';
import type { Case } from '../list/events.ts';
import { E164, Email, EXAMPLE_PHONE, HttpUrl, isIsoInstant, TimeZone } from '../values.ts';
import type { LocalHours } from '../outreach/callingHoursRules.ts';
import type { Draft, DraftSlot } from './draft.ts';
import { slotsProblems } from './slotRules.ts';
import { reportScheduleProblems, voicemailProblems, workflowProblems } from './settingRules.ts';
import { named } from '../namedValue.ts';

/**
 * The list as its stream says at launch, summed up case by case (`withCase`) so a launch of any size
 * holds its counts, never its cases; `strays` are cases of another case type, the first few named.
 */
export type ListFacts = {
  listId: string;
  caseType: string;
  revision: number;
  caseCount: number;
  contactCount: number;
  strays: { count: number; externalIds: string[] };
};

/** Stray cases named in a launch refusal; the rest are counted. */
const NAMED_STRAYS = 5;

/** An empty list's facts, to sum its cases into. */
export const emptyListFacts = (listId: string, caseType: string, revision: number): ListFacts => ({
  listId,
  caseType,
  revision,
  caseCount: 0,
  contactCount: 0,
  strays: { count: 0, externalIds: [] },
});

/** Adds one case to the list's facts, in place: a list of a million cases is summed without a copy per case. */
export const withCase = (facts: ListFacts, found: Case): ListFacts => {
  facts.caseCount += 1;
  facts.contactCount += found.contacts.length;
  if (found.caseType !== facts.caseType) {
    facts.strays.count += 1;
    if (facts.strays.externalIds.length < NAMED_STRAYS) facts.strays.externalIds.push(found.externalId);
  }
  return facts;
};

/** The facts of a list holding `cases`, at `revision`. */
export const listFactsOf = (listId: string, caseType: string, revision: number, cases: readonly Case[]): ListFacts =>
  cases.reduce(withCase, emptyListFacts(listId, caseType, revision));
/** `taskFields`: what the agent must fill for a contact's task to be complete (the required fields, or all when none is). */
export type FormFacts = {
  formId: string;
  caseType: string;
  fieldKeys: readonly string[];
  taskFields?: readonly string[];
};
export type AgentFacts = { agentId: string; formId?: string };

/**
 * What launch checks the draft against, gathered from other streams. A fact that does not exist, or
 * belongs to another company, is absent.
 */
export type LaunchFacts = {
  list?: ListFacts;
  form?: FormFacts;
  agent?: AgentFacts;
  company?: CampaignSettings;
  /** The company's postal address, which every email must carry (CAN-SPAM); absent until the company sets it. */
  postalAddress?: string;
  /** Problems of the message templates (workflow steps, voicemail message), found where the template engine lives. */
  templates?: readonly ErrorDetail[];
  /** Problems of the report schedules' saved filters, found by the reports that read them. */
  reportFilters?: readonly ErrorDetail[];
  /** Problems of the webhook URL's address (a private or loopback one), found where addresses are classified. */
  webhookUrl?: readonly ErrorDetail[];
  /** The federal calling window in force, as configuration gives it: every slot must lie inside it. */
  federalHours: LocalHours;
};

const minimumNameLength = 3;

/** The slots a launched campaign calls in: its own, or the company's default business hours now. */
export const resolvedSlots = (
  draft: Draft,
  company: CampaignSettings | undefined,
): readonly DraftSlot[] | undefined => {
  const schedule = draft.schedule ?? { mode: 'company' as const };
  if (schedule.mode === 'custom') return schedule.slots;
  return company?.defaultBusinessHours;
};

const positiveWhole = (value: number | undefined, path: string, what: string): ErrorDetail[] =>
  value === undefined || (Number.isSafeInteger(value) && value > 0)
    ? []
    : [{ path, message: `${what} must be a whole number above 0` }];

const listProblems = (draft: Draft, list: ListFacts | undefined): ErrorDetail[] => {
  if (draft.listId === undefined) return [{ path: 'listId', message: 'choose a list' }];
  if (!list || list.listId !== draft.listId)
    return [{ path: 'listId', message: `no list ${named(draft.listId)} in this company` }];
  if (list.caseCount === 0) return [{ path: 'listId', message: 'the list has no cases' }];
  const { count, externalIds } = list.strays;
  if (count === 0) return [];
  const more = count > externalIds.length ? ` and ${count - externalIds.length} more` : '';
  return [
    {
      path: 'listId',
      message: `${count} case(s) do not have the list's case type ${list.caseType}: ${externalIds.join(', ')}${more}`,
    },
  ];
};

const formProblems = (draft: Draft, facts: LaunchFacts): ErrorDetail[] => {
  if (draft.formId === undefined) return [];
  const { form, list } = facts;
  if (!form || form.formId !== draft.formId)
    return [{ path: 'formId', message: `no form ${named(draft.formId)} in this company` }];
  if (list && list.listId === draft.listId && form.caseType !== list.caseType)
    return [
      { path: 'formId', message: `the form's case type ${form.caseType} is not the list's case type ${list.caseType}` },
    ];
  return [];
};

const agentProblems = (draft: Draft, agent: AgentFacts | undefined): ErrorDetail[] => {
  if (draft.agentId !== undefined && (!agent || agent.agentId !== draft.agentId))
    return [{ path: 'agentId', message: `no agent ${named(draft.agentId)} in this company` }];
  if (draft.agentId === undefined && (draft.type === 'voice' || draft.type === 'multichannel'))
    return [{ path: 'agentId', message: `a ${draft.type} campaign needs an agent` }];
  return [];
};

const routingProblems = (draft: Draft): ErrorDetail[] => {
  const routing = draft.routing;
  if (!routing) return [];
  const problems: ErrorDetail[] = [];
  if (routing.mode !== 'ai_only' && !E164.is(routing.forwardingNumber))
    problems.push({
      path: 'routing.forwardingNumber',
      message: `${routing.mode} routing needs a forwarding number in E.164 form (${EXAMPLE_PHONE})`,
    });
  if (routing.timezone !== undefined && !TimeZone.is(routing.timezone))
    problems.push({ path: 'routing.timezone', message: 'expected an IANA time zone such as America/Chicago' });
  return problems;
};

const scheduleProblems = (draft: Draft, { company, federalHours }: LaunchFacts): ErrorDetail[] => {
  const slots = resolvedSlots(draft, company);
  if (slots === undefined || slots.length === 0)
    return [
      {
        path: 'schedule',
        message:
          draft.schedule?.mode === 'custom'
            ? 'add at least one time slot'
            : 'the company has no default business hours: set them or use custom slots',
      },
    ];
  return slotsProblems('schedule.slots', slots, federalHours);
};

const runProblems = (draft: Draft, federalHours: LocalHours): ErrorDetail[] =>
  (draft.runs ?? []).flatMap((run, i) => [
    ...(isIsoInstant(run.start) ? [] : [{ path: `runs.${i}.start`, message: 'expected an ISO-8601 time with offset' }]),
    ...(run.slots.length === 0
      ? [{ path: `runs.${i}.slots`, message: 'add at least one time slot' }]
      : slotsProblems(`runs.${i}.slots`, run.slots, federalHours)),
    ...(run.channels.length === 0 ? [{ path: `runs.${i}.channels`, message: 'choose at least one channel' }] : []),
  ]);

/** Calls are placed only in runs that name the voice channel: a calling campaign without one would never call. */
const callingRunProblems = (draft: Draft): ErrorDetail[] => {
  if (draft.type !== 'voice' && draft.type !== 'multichannel') return [];
  if (placesCalls(draft)) return [];
  return [{ path: 'runs', message: 'add at least one run with the voice channel: without one no call is ever placed' }];
};

const messagingProblems = (draft: Draft): ErrorDetail[] => {
  if (draft.type !== 'messaging') return [];
  const hasStep = (draft.workflows ?? []).some((w) =>
    w.steps.some((s) => s.channel === 'sms' || s.channel === 'email'),
  );
  return hasStep ? [] : [{ path: 'workflows', message: 'a messaging campaign needs at least one SMS or email step' }];
};

/** Email steps print the company's postal address (15 USC 7704(a)(5)): without one, launch fails now rather than every email later. */
const emailSenderProblems = (draft: Draft, postalAddress: string | undefined): ErrorDetail[] => {
  if (postalAddress !== undefined) return [];
  const workflows = draft.workflows ?? [];
  for (const [i, workflow] of workflows.entries())
    for (const [j, step] of workflow.steps.entries())
      if (step.channel === 'email')
        return [
          {
            path: `workflows.${i}.steps.${j}`,
            message:
              "email needs the company's postal address (CAN-SPAM): set email.postalAddress with PUT /v1/settings/email",
          },
        ];
  return [];
};

const crmProblems = (draft: Draft, form: FormFacts | undefined): ErrorDetail[] => {
  const mappings = draft.crmFieldMappings ?? [];
  if (mappings.length === 0) return [];
  if (draft.formId === undefined) return [{ path: 'crmFieldMappings', message: 'field mappings need a form' }];
  const seen = new Set<string>();
  return mappings.flatMap((mapping, i) => {
    const problems: ErrorDetail[] = [];
    if (form && !form.fieldKeys.includes(mapping.formField))
      problems.push({
        path: `crmFieldMappings.${i}.formField`,
        message: `the form has no field ${named(mapping.formField, 'key')}`,
      });
    if (mapping.caseField.trim() === '')
      problems.push({ path: `crmFieldMappings.${i}.caseField`, message: 'name the case field' });
    else if (seen.has(mapping.caseField))
      problems.push({
        path: `crmFieldMappings.${i}.caseField`,
        message: `the case field ${mapping.caseField} is mapped twice`,
      });
    seen.add(mapping.caseField);
    return problems;
  });
};

const completionProblems = (draft: Draft): ErrorDetail[] =>
  draft.completeOnFormComplete && draft.formId === undefined
    ? [{ path: 'completeOnFormComplete', message: 'completing on a complete form needs a form' }]
    : [];

const settingProblems = (draft: Draft, facts: LaunchFacts): ErrorDetail[] => {
  const invocation = draft.externalInvocation;
  return [
    ...positiveWhole(draft.concurrency?.limit, 'concurrency.limit', 'the concurrency limit'),
    ...positiveWhole(draft.concurrency?.pacingPerMinute, 'concurrency.pacingPerMinute', 'the pacing per minute'),
    ...positiveWhole(draft.retry?.maxAttempts, 'retry.maxAttempts', 'the number of attempts'),
    ...positiveWhole(draft.retry?.intervalMinutes, 'retry.intervalMinutes', 'the retry interval in minutes'),
    ...(invocation?.enabled && invocation.webhookUrl !== undefined && !HttpUrl.is(invocation.webhookUrl)
      ? [{ path: 'externalInvocation.webhookUrl', message: 'expected an http(s) URL' }]
      : []),
    ...(draft.reportSchedules ?? []).flatMap((schedule, i) =>
      reportScheduleProblems(`reportSchedules.${i}`, schedule, Email.is),
    ),
    ...(draft.workflows ?? []).flatMap((workflow, i) =>
      workflowProblems(`workflows.${i}`, workflow, draft.formId === undefined ? undefined : facts.form),
    ),
    ...crmProblems(draft, facts.form),
    ...completionProblems(draft),
    ...voicemailProblems('voicemail', draft.voicemail),
  ];
};

/** Every reason the draft cannot launch, each with the path of the part at fault; none means it can. */
export const launchProblems = (name: string, draft: Draft, facts: LaunchFacts): ErrorDetail[] => [
  ...(name.trim().length >= minimumNameLength
    ? []
    : [{ path: 'name', message: `the name needs at least ${minimumNameLength} characters` }]),
  ...(draft.type === undefined ? [{ path: 'type', message: 'choose voice, messaging or multichannel' }] : []),
  ...listProblems(draft, facts.list),
  ...formProblems(draft, facts),
  ...agentProblems(draft, facts.agent),
  ...messagingProblems(draft),
  ...emailSenderProblems(draft, facts.postalAddress),
  ...routingProblems(draft),
  ...scheduleProblems(draft, facts),
  ...runProblems(draft, facts.federalHours),
  ...callingRunProblems(draft),
  ...settingProblems(draft, facts),
  ...(facts.templates ?? []),
  ...(facts.reportFilters ?? []),
  ...(facts.webhookUrl ?? []),
];
