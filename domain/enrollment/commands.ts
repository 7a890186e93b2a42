import type { Command } from '../decider.ts';
import type { CallOutcome } from '../call/outcome.ts';
import type { FormAnswers } from '../form/answerRules.ts';
import type { RetryPolicy } from '../campaign/draft.ts';
import type { CampaignStatus } from '../campaign/state.ts';
import type { DispatchDecision } from './events.ts';
import type { VoiceRun } from './retryPolicy.ts';

type Addressed = { campaignId: string; contactId: string };
type At = { at: string };

/** The dispatcher's request; it carries the campaign's status and the revision it saw the contact at. */
export type RequestCall = Command<
  'RequestCall',
  Addressed & { callId: string; run: number; to: string; requestedAt: string; campaignStatus: CampaignStatus; decision: DispatchDecision; expectedRevision?: number }
>;

/** A call ended; the campaign's retry settings and runs decide what comes next. */
export type RecordCallOutcome = Command<
  'RecordCallOutcome',
  Addressed & { callId: string; outcome: CallOutcome; endedAt: string; retry?: RetryPolicy; voiceRuns: readonly VoiceRun[] }
>;

/** The carrier never heard of a requested call: close the request, the attempt was never made. */
export type ReleaseCallRequest = Command<'ReleaseCallRequest', Addressed & At & { callId: string; reason: string }>;

/** Outside the contact's calling window: wait for its next opening. */
export type RescheduleCall = Command<'RescheduleCall', Addressed & At & { nextAt: string; reason: string; localTime?: string; expectedRevision?: number }>;

export type WithholdCalls = Command<'WithholdCalls', Addressed & At & { reason: string; expectedRevision?: number }>;

export type MarkContactCompleted = Command<'MarkContactCompleted', Addressed & At & { reason?: string }>;
export type CompleteAllCalls = Command<'CompleteAllCalls', Addressed & At & { reason?: string }>;
export type ResumeOutreach = Command<'ResumeOutreach', Addressed & At & { reason?: string }>;

/**
 * The agent took answers down, on a campaign that completes a contact whose form is complete:
 * `answers` are the contact's latest over all its calls, `taskFields` what a complete form answers.
 */
export type CompleteOnCompleteForm = Command<'CompleteOnCompleteForm', Addressed & At & { taskFields: readonly string[]; answers: FormAnswers }>;
/** An external invocation makes the contact due now; `voiceRuns` are the campaign's runs that call, in order. */
export type InvokeOutreach = Command<'InvokeOutreach', Addressed & At & { invocationId: string; voiceRuns: readonly VoiceRun[] }>;

export type EnrollmentCommand =
  | RequestCall
  | RecordCallOutcome
  | ReleaseCallRequest
  | RescheduleCall
  | WithholdCalls
  | MarkContactCompleted
  | CompleteAllCalls
  | ResumeOutreach
  | CompleteOnCompleteForm
  | InvokeOutreach;
