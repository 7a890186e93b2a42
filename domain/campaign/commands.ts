import type { Command } from '../decider.ts';
import type { TimeSlot } from '../values.ts';
import type { BuilderStep, DraftChanges, ReportSchedule } from './draft.ts';
import type { LaunchFacts } from './launchValidation.ts';
import type { EnrolledContact } from './events.ts';
import type { Roster } from './campaignContacts.ts';

/** Every campaign command names its campaign and the caller's company. */
type Addressed = { campaignId: string; companyId: string };
type At = { now: string };
type Lifecycle = Addressed & At & { reason?: string };

export type StartDraft = Command<'StartDraft', Addressed & At & { name: string }>;

/**
 * An autosave. The handler adds what the draft copies from elsewhere: the company's business hours
 * (for the "company times" schedule) and the form linked to a newly chosen agent.
 */
export type SaveDraft = Command<
  'SaveDraft',
  Addressed & {
    changes: DraftChanges;
    companyHours?: readonly TimeSlot[];
    agentForm?: { agentId: string; formId: string };
  }
>;

export type ChangeStep = Command<'ChangeStep', Addressed & { step: BuilderStep }>;
export type LaunchCampaign = Command<'LaunchCampaign', Addressed & At & { facts: LaunchFacts }>;
/**
 * Enrols the next batch of the frozen list: `contacts` are the list's contacts from the `from`-th on,
 * read up to the launch's `listRevision`, as many as `nextEnrolment` asks for.
 */
export type ContinueEnrolment = Command<
  'ContinueEnrolment',
  Addressed & { listId: string; listRevision: number; from: number; contacts: readonly EnrolledContact[] }
>;
export type PauseCampaign = Command<'PauseCampaign', Lifecycle>;
export type ResumeCampaign = Command<'ResumeCampaign', Lifecycle>;
export type CompleteCampaign = Command<'CompleteCampaign', Lifecycle>;
export type DeleteCampaign = Command<'DeleteCampaign', Addressed & At>;
/** A draft's report schedules are part of the draft: adding or removing one saves the draft. */
export type AddDraftReportSchedule = Command<
  'AddDraftReportSchedule',
  Addressed & { schedule: ReportSchedule & { id: string } }
>;
export type RemoveDraftReportSchedule = Command<'RemoveDraftReportSchedule', Addressed & { reportId: string }>;

/** Outreach started now by an external system, for the contacts named (all when none is), read from the campaign's roster. */
export type InvokeCampaign = Command<
  'InvokeCampaign',
  Addressed &
    At & {
      invocationId: string;
      invokedBy: string;
      contactIds?: readonly string[];
      externalIds?: readonly string[];
      roster: Roster;
    }
>;

export type CampaignCommand =
  | StartDraft
  | SaveDraft
  | ChangeStep
  | LaunchCampaign
  | ContinueEnrolment
  | PauseCampaign
  | ResumeCampaign
  | CompleteCampaign
  | DeleteCampaign
  | AddDraftReportSchedule
  | RemoveDraftReportSchedule
  | InvokeCampaign;
