import type { Command } from '../decider.ts';
import type { CallOutcome } from '../call/outcome.ts';
import type { FormAnswers } from '../form/answerRules.ts';
import type { RetryPolicy } from '../campaign/draft.ts';
import type { CampaignStatus } from '../campaign/state.ts';
import type { CapacityRecord } from './events.ts';
import type { VoiceRun } from './retryPolicy.ts';

type Addressed = { campaignId: string; contactId: string };
type At = { at: string };

/** The calling window at the time of a dispatch, as the window policy answered (instants in ISO). */
export type WindowFact =
  /** Open: the opening a call now falls in, for the auditors' record. */
  | { readonly open: true; readonly opensAt?: string; readonly closesAt?: string }
  /** Closed: why, the contact's own time it was judged at, and when it next opens (absent: not within the policy's horizon). */
  | { readonly open: false; readonly reason: string; readonly localTime?: string; readonly nextOpening?: string };

/**
 * A due contact, with what the dispatcher found out about it at `at`: the campaign's status, the run
 * calling now, the capacity left, the calling window and, once
 * that is open, whether the consent ledger lets it be called (its read may record a revocation, so a
 * closed window is not read past). `callId` names the call, should one be requested.
 */
export type DispatchContact = Command<
  'DispatchContact',
  Addressed &
    At & {
      callId: string;
      run: number;
      to: string;
      timezone: string;
      campaignStatus: CampaignStatus;
      capacity: CapacityRecord;
      window: WindowFact;
      optedOut?: boolean;
    }
>;

/** A call ended; the campaign's retry settings and runs decide what comes next. */
export type RecordCallOutcome = Command<
  'RecordCallOutcome',
  Addressed & {
    callId: string;
    outcome: CallOutcome;
    endedAt: string;
    retry?: RetryPolicy;
    voiceRuns: readonly VoiceRun[];
  }
>;

/** The carrier never heard of a requested call: close the request, the attempt was never made. */
export type ReleaseCallRequest = Command<'ReleaseCallRequest', Addressed & At & { callId: string; reason: string }>;

export type MarkContactCompleted = Command<'MarkContactCompleted', Addressed & At & { reason?: string }>;
export type CompleteAllCalls = Command<'CompleteAllCalls', Addressed & At & { reason?: string }>;
export type ResumeOutreach = Command<'ResumeOutreach', Addressed & At & { reason?: string }>;

/**
 * The agent took answers down, on a campaign that completes a contact whose form is complete:
 * `answers` are the contact's latest over all its calls, `taskFields` what a complete form answers.
 */
export type CompleteOnCompleteForm = Command<
  'CompleteOnCompleteForm',
  Addressed & At & { taskFields: readonly string[]; answers: FormAnswers }
>;
/** An external invocation makes the contact due now; `voiceRuns` are the campaign's runs that call, in order. */
export type InvokeOutreach = Command<
  'InvokeOutreach',
  Addressed & At & { invocationId: string; voiceRuns: readonly VoiceRun[] }
>;

export type EnrollmentCommand =
  | DispatchContact
  | RecordCallOutcome
  | ReleaseCallRequest
  | MarkContactCompleted
  | CompleteAllCalls
  | ResumeOutreach
  | CompleteOnCompleteForm
  | InvokeOutreach;
