import type { Voicemail } from '../../domain/campaign/draft.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import type { CallOutcomeFact, FormAnswerFact } from '../../domain/workflow/plan.ts';
import type { Doc } from '../readStore.ts';

export const DUE_MESSAGES = 'due_messages';
export const WORKFLOW_CAMPAIGNS = 'workflow_campaigns';

/**
 * One campaign contact as the workflow runner sees it: its history (facts), the steps planned and not
 * yet requested, and `dueAt`, the earliest instant the runner has something to do for it (a fact not
 * yet reviewed, or a planned step falling due), null when nothing is waiting.
 */
export type ContactFacts = {
  readonly campaignId: string;
  readonly contactId: string;
  readonly contact: EnrolledContact;
  readonly enrolledAt: string;
  readonly outcomes: readonly CallOutcomeFact[];
  readonly answers: readonly FormAnswerFact[];
  /** Facts known (enrolment, each outcome, each answer) and facts a review has planned from. */
  readonly facts: number;
  readonly factsSeen: number;
  /** When the newest fact happened: a review is due from then. */
  readonly factAt: string;
  readonly pending: Readonly<Record<string, { readonly messageId: string; readonly dueAt: string }>>;
  readonly done: readonly string[];
  /** Marked Completed: nothing more goes to the contact. */
  readonly completed: boolean;
};

export type DueMessagesDoc = Doc & ContactFacts & { readonly dueAt: string | null };

export const dueMessagesId = (campaignId: string, contactId: string): string => `${campaignId}.${contactId}`;

const earliest = (times: readonly string[]): string | null =>
  times.length === 0 ? null : times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));

/** The document with its `dueAt` worked out again from its facts and pending steps. */
export const withDueAt = (doc: Doc & ContactFacts): DueMessagesDoc => {
  const times = Object.values(doc.pending).map((p) => p.dueAt);
  if (doc.facts > doc.factsSeen) times.push(doc.factAt);
  const due = earliest(times);
  // Carrier times come in many spellings; the queue compares ISO strings, so one spelling it is.
  return { ...doc, dueAt: due === null ? null : new Date(due).toISOString() };
};

/** A launched campaign as the workflow runner needs it: is it sending, and what. */
export type WorkflowCampaignDoc = Doc & {
  readonly name: string;
  readonly status: 'ACTIVE' | 'PAUSED' | 'COMPLETED';
  readonly caseType: string;
  readonly workflows: readonly unknown[];
  /** The voicemail policy, whose follow-up text is a workflow of its own. */
  readonly voicemail?: Voicemail;
  readonly hasWorkflows: boolean;
};
