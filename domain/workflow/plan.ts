import type { Voicemail, Workflow, WorkflowStep, WorkflowTrigger } from '../campaign/draft.ts';
import type { EnrolledContact } from '../campaign/events.ts';
import { assertNever } from '../decider.ts';
import { nextFederalOpening } from './federalTextingHours.ts';
import { sendAtInstant } from './sendAt.ts';

/**
 * Which message steps of a campaign's workflows a contact is due, and when (UTC). A workflow starts at
 * the first occurrence of its trigger (enrolment, a call outcome, a form answer); each step waits its
 * delay after the step before it (the first after the trigger), or its date and time (`sendAt`), so a
 * step id names one message per contact. A dated step its workflow reaches only after that time goes
 * out once, at once. Texts wait for the contact's texting window; email goes out whenever it is due.
 */

export type CallOutcomeFact = { readonly outcome: string; readonly at: string };
export type FormAnswerFact = {
  readonly fieldKey: string;
  readonly value: string | number | boolean;
  readonly at: string;
};

/** What has happened to the contact so far. */
export type ContactHistory = {
  readonly enrolledAt: string;
  readonly outcomes: readonly CallOutcomeFact[];
  readonly answers: readonly FormAnswerFact[];
};

export type WorkflowCampaign = { readonly workflows?: readonly Workflow[]; readonly voicemail?: Voicemail };

/** Earlier calls and texts to the contact's number (epoch ms, any campaign of the company), for the frequency caps. */
export type RecentOutreach = { readonly calls: readonly number[]; readonly texts: readonly number[] };

/** The first instant at or after `from` a text may go to this contact; undefined when none is in sight. */
export type TextingWindow = (
  contact: EnrolledContact & { areaCodeTimezones?: readonly string[] },
  from: number,
  recent?: RecentOutreach,
) => number | undefined;

export type PlannedStep = {
  readonly stepId: string;
  readonly channel: WorkflowStep['channel'];
  readonly to: string;
  readonly dueAt: string;
  readonly subject?: string;
  readonly body: string;
};

export const federalTextingWindow: TextingWindow = (contact, from) =>
  nextFederalOpening([...new Set([contact.timezone, ...(contact.areaCodeTimezones ?? [])])], from);

/** A step's id within the campaign: its workflow's prefix and its position, fixed once the campaign is launched. */
export const stepId = (prefix: string, stepIndex: number): string => `${prefix}.s${stepIndex + 1}`;

/** The voicemail policy's follow-up text as the workflow it implies; its one step is `vm.s1`. */
export const voicemailFollowUp = (voicemail: Voicemail | undefined): Workflow | undefined =>
  voicemail?.policy === 'follow_up_sms' && voicemail.message !== undefined && voicemail.message.trim() !== ''
    ? { trigger: { kind: 'call_outcome', outcome: 'voicemail' }, steps: [{ channel: 'sms', body: voicemail.message }] }
    : undefined;

/** Every workflow the campaign runs, each with the prefix of its step ids: its own, then the implicit ones. */
export const campaignWorkflows = (
  campaign: WorkflowCampaign,
): { readonly prefix: string; readonly workflow: Workflow }[] => {
  const followUp = voicemailFollowUp(campaign.voicemail);
  return [
    ...(campaign.workflows ?? []).map((workflow, w) => ({ prefix: `w${w + 1}`, workflow })),
    ...(followUp ? [{ prefix: 'vm', workflow: followUp }] : []),
  ];
};

const firstAt = (times: readonly string[]): string | undefined =>
  times.length === 0 ? undefined : times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));

/** When the trigger first happened to this contact, if it has. */
export const triggeredAt = (trigger: WorkflowTrigger, history: ContactHistory): string | undefined => {
  switch (trigger.kind) {
    case 'enrolled':
      return history.enrolledAt;
    case 'call_outcome':
      return firstAt(history.outcomes.filter((o) => o.outcome === trigger.outcome).map((o) => o.at));
    case 'form_answer':
      return firstAt(
        history.answers.filter((a) => a.fieldKey === trigger.fieldKey && a.value === trigger.value).map((a) => a.at),
      );
    default:
      return assertNever(trigger);
  }
};

/** A step's earliest time: its date and time, never before the step before it, or its delay after that step. */
const earliestFor = (step: WorkflowStep, previous: number, contactZone: string): number =>
  step.sendAt === undefined
    ? previous + Math.max(0, step.delayMinutes ?? 0) * 60_000
    : Math.max(previous, sendAtInstant(step.sendAt, step.timezone ?? contactZone) ?? previous);

const addressFor = (channel: WorkflowStep['channel'], contact: EnrolledContact): string | undefined =>
  channel === 'sms' ? contact.phone : contact.email;

/**
 * Every step the contact's history has triggered, with its due time. A step the contact has no address
 * for (email without an email address) is left out; a text with no window in sight ends its workflow.
 */
export const planSteps = (
  campaign: WorkflowCampaign,
  contact: EnrolledContact & { areaCodeTimezones?: readonly string[] },
  history: ContactHistory,
  textingWindow: TextingWindow = federalTextingWindow,
): PlannedStep[] => {
  const planned: PlannedStep[] = [];
  for (const { prefix, workflow } of campaignWorkflows(campaign)) {
    const started = triggeredAt(workflow.trigger, history);
    if (started === undefined) continue;
    let previous = Date.parse(started);
    for (const [s, step] of workflow.steps.entries()) {
      const earliest = earliestFor(step, previous, contact.timezone);
      const dueAt = step.channel === 'sms' ? textingWindow(contact, earliest) : earliest;
      if (dueAt === undefined) break;
      previous = dueAt;
      const to = addressFor(step.channel, contact);
      if (to === undefined || to === '') continue;
      planned.push({
        stepId: stepId(prefix, s),
        channel: step.channel,
        to,
        dueAt: new Date(dueAt).toISOString(),
        ...(step.subject === undefined ? {} : { subject: step.subject }),
        body: step.body,
      });
    }
  }
  return planned;
};

/** Steps planned but not yet requested or withheld, earliest first. */
export const pendingSteps = (planned: readonly PlannedStep[], done: ReadonlySet<string>): PlannedStep[] =>
  planned.filter((step) => !done.has(step.stepId)).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
