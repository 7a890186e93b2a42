import type { Workflow } from '../domain/campaign/draft.ts';
import { workflowDecider } from '../domain/workflow/decider.ts';
import { workflowStream, type ScheduledStep } from '../domain/workflow/events.ts';
import { federalTextingWindow, planSteps, type TextingWindow } from '../domain/workflow/plan.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import type { EventStore } from '../commands/eventStore.ts';
import type { Scheduler, Timer } from '../commands/scheduler.ts';
import { handlerOf } from '../commands/handleCommand.ts';
import { companySenders } from '../commands/company/companySenders.ts';
import { messageCommands } from '../commands/messages/messageCommands.ts';
import { workflowMessageId } from '../commands/messages/messageIds.ts';
import {
  sendWorkflowStep,
  type ConsentCheck,
  type MessageRouting,
  type SendOutcome,
} from '../commands/messages/sendWorkflowStep.ts';
import type { Email } from '../commands/outreach/email.ts';
import type { Telephony } from '../commands/outreach/telephony.ts';
import { collection } from '../projections/collection.ts';
import type { ReadStore } from '../projections/readStore.ts';
import {
  DUE_MESSAGES,
  WORKFLOW_CAMPAIGNS,
  type DueMessagesDoc,
  type WorkflowCampaignDoc,
} from '../projections/outreach/dueMessagesDocument.ts';
import { recentOutreachTo } from './recentOutreach.ts';

export type WorkflowRunnerOptions = {
  /** The clock a conflict's backoff waits on: real time, whatever clock this runs on. */
  readonly realTime?: Scheduler;
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly registry: EventRegistry;
  readonly telephony: Telephony;
  readonly email: Email;
  readonly consent: ConsentCheck;
  readonly routing: MessageRouting;
  readonly clock: Scheduler;
  /** When a text may go out; the federal 08:00-21:00 rule unless the calling-window policy is given. */
  readonly textingWindow?: TextingWindow;
  /** Contacts reviewed per tick. */
  readonly batchSize?: number;
  /** Pause between ticks that found nothing to do. */
  readonly idleMs?: number;
  readonly log?: { error(fields: object, message: string): void };
};

export type TickResult = { readonly reviewed: number } & Readonly<Record<SendOutcome, number>>;

/**
 * The workflow runner: each tick reads the contacts whose next message step (or unreviewed fact) is
 * due, in due order and only in active campaigns, plans their steps once each, and sends what is due.
 */
export const workflowRunner = (options: WorkflowRunnerOptions) => {
  const { eventStore, readStore, clock } = options;
  const batchSize = options.batchSize ?? 100;
  const textingWindow = options.textingWindow ?? federalTextingWindow;
  const messages = messageCommands(options);
  const planWorkflow = handlerOf(options, workflowDecider);
  const sendDeps = {
    messages,
    telephony: options.telephony,
    email: options.email,
    consent: options.consent,
    routing: options.routing,
  };
  const recentOutreach = recentOutreachTo(readStore);

  const workflowCampaigns = collection<WorkflowCampaignDoc>(readStore, WORKFLOW_CAMPAIGNS);
  const activeCampaigns = async (): Promise<Map<string, WorkflowCampaignDoc>> => {
    const active = await workflowCampaigns.findAll({ status: 'ACTIVE', hasWorkflows: true });
    return new Map(active.map((doc) => [doc._id, doc]));
  };

  const senderOf = companySenders(eventStore);

  const review = async (
    doc: DueMessagesDoc,
    campaign: WorkflowCampaignDoc,
    now: Date,
    tally: Record<SendOutcome, number>,
  ) => {
    const workflows = campaign.workflows as Workflow[];
    const planned = planSteps(
      { workflows, ...(campaign.voicemail ? { voicemail: campaign.voicemail } : {}) },
      doc.contact,
      { enrolledAt: doc.enrolledAt, outcomes: doc.outcomes, answers: doc.answers },
      textingWindow,
    );
    const done = new Set(doc.done);
    const nowMs = now.getTime();
    // The number's recent calls and texts, for the frequency caps, read only when a text is due now.
    const textDue = planned.some((s) => s.channel === 'sms' && !done.has(s.stepId) && Date.parse(s.dueAt) <= nowMs);
    const recent = textDue ? await recentOutreach(doc.companyId, doc.contact.phone, now) : undefined;
    // A text found late (the campaign was paused, the runner was down) still waits for its window.
    const open = planned.flatMap((s) => {
      if (done.has(s.stepId)) return [];
      const due =
        s.channel === 'sms'
          ? textingWindow(doc.contact, Math.max(Date.parse(s.dueAt), nowMs), recent)
          : Date.parse(s.dueAt);
      if (due === undefined) return [];
      const messageId =
        doc.pending[s.stepId]?.messageId ?? workflowMessageId(doc.campaignId, doc.contactId, s.stepId, doc.enrolledAt);
      return [{ ...s, dueAt: new Date(due).toISOString(), messageId }];
    });
    const unplanned = open.filter((s) => {
      const stored = doc.pending[s.stepId];
      return stored === undefined || (Date.parse(s.dueAt) > nowMs && Date.parse(s.dueAt) > Date.parse(stored.dueAt));
    });
    if (doc.facts > doc.factsSeen || unplanned.length > 0) {
      const steps: ScheduledStep[] = unplanned.map((s) => ({
        step: s.stepId,
        messageId: s.messageId,
        channel: s.channel,
        dueAt: s.dueAt,
      }));
      await planWorkflow(
        workflowStream(doc.campaignId, doc.contactId),
        {
          type: 'PlanWorkflowSteps',
          data: {
            campaignId: doc.campaignId,
            contactId: doc.contactId,
            factsSeen: doc.facts,
            steps,
            plannedAt: now.toISOString(),
          },
        },
        {
          commandId: `plan/${doc.campaignId}/${doc.contactId}/${doc.facts}/${steps.map((s) => `${s.step}@${s.dueAt}`).join(',')}`,
          companyId: doc.companyId,
          actor: 'workflow-runner',
          now,
        },
      );
    }
    const textedNow: number[] = [];
    for (const step of open.filter((s) => Date.parse(s.dueAt) <= nowMs)) {
      // A text sent in this review counts against the next one; one that must wait is planned next tick.
      if (
        step.channel === 'sms' &&
        textedNow.length > 0 &&
        textingWindow(doc.contact, nowMs, {
          calls: recent?.calls ?? [],
          texts: [...(recent?.texts ?? []), ...textedNow],
        }) !== nowMs
      )
        continue;
      const sender = await senderOf(doc.companyId, now);
      const outcome = await sendWorkflowStep(
        sendDeps,
        {
          companyId: doc.companyId,
          campaignId: doc.campaignId,
          campaignName: campaign.name,
          caseType: campaign.caseType,
          companyName: sender.name,
          ...(sender.postalAddress === undefined ? {} : { postalAddress: sender.postalAddress }),
          contact: doc.contact,
          messageId: step.messageId,
          step: step.stepId,
          channel: step.channel,
          to: step.to,
          ...(step.subject === undefined ? {} : { subject: step.subject }),
          body: step.body,
        },
        now,
      );
      if (step.channel === 'sms' && (outcome === 'sent' || outcome === 'failed')) textedNow.push(nowMs);
      tally[outcome] += 1;
    }
  };

  /** One pass over what is due now; O(batch) reads whatever the number of contacts. */
  const tick = async (): Promise<TickResult> => {
    const now = clock.now();
    const tally: Record<SendOutcome, number> = { sent: 0, withheld: 0, failed: 0, already_handled: 0 };
    const campaigns = await activeCampaigns();
    if (campaigns.size === 0) return { reviewed: 0, ...tally };
    const due = await collection<DueMessagesDoc>(readStore, DUE_MESSAGES).find(
      { campaignId: { $in: [...campaigns.keys()] }, dueAt: { $lte: now.toISOString() }, completed: false },
      { sort: [['dueAt', 1]], limit: batchSize },
    );
    for (const doc of due.items) {
      try {
        await review(doc, campaigns.get(doc.campaignId)!, now, tally);
      } catch (error) {
        options.log?.error(
          { err: error, campaignId: doc.campaignId, contactId: doc.contactId },
          'workflow review failed',
        );
      }
    }
    return { reviewed: due.items.length, ...tally };
  };

  let timer: Timer | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;
  const loop = async () => {
    const result = await tick().catch((error: unknown) => {
      options.log?.error({ err: error }, 'workflow tick failed');
      return { reviewed: 0 };
    });
    if (!stopped) timer = clock.after(result.reviewed === 0 ? (options.idleMs ?? 1000) : 0, () => (running = loop()));
  };

  return {
    tick,
    start: () => {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    stop: async () => {
      stopped = true;
      timer?.cancel();
      await running;
    },
  };
};

export type WorkflowRunner = ReturnType<typeof workflowRunner>;
