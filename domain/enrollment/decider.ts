import { assertNever, type Decider } from '../decider.ts';
import { ConcurrencyError, IllegalStateError } from '../errors.ts';
import type { EnrollmentCommand, RecordCallOutcome, RequestCall } from './commands.ts';
import { formComplete } from '../form/answerRules.ts';
import { enrollmentStream, FORM_COMPLETE, type EnrollmentEvent } from './events.ts';
import { nextAttempt } from './retryPolicy.ts';
import { invokeOutreach } from './invocation.ts';
import { evolveEnrollment, initialEnrollmentState, type EnrollmentState } from './state.ts';

const refused = (code: string, message: string) => new IllegalStateError(code, message);

/** The revision the dispatcher saw must still be the stream's: otherwise someone else acted first. */
const checkRevision = (state: EnrollmentState, data: { campaignId: string; contactId: string; expectedRevision?: number }): void => {
  if (data.expectedRevision !== undefined && data.expectedRevision !== state.revision)
    throw new ConcurrencyError(enrollmentStream(data.campaignId, data.contactId), String(data.expectedRevision), String(state.revision));
};

/** Dispatch needs an active contact with no call open and an attempt that is due. */
const requireDispatchable = (state: EnrollmentState, at: string): void => {
  if (state.status === 'COMPLETED') throw refused('ENROLLMENT.COMPLETED', 'The contact is completed: nothing more is sent.');
  if (state.status === 'COMPLETED_ALL_CALLS') throw refused('ENROLLMENT.CALLS_COMPLETED', 'The contact is completed for calls: no more calls.');
  if (state.openCall) throw refused('ENROLLMENT.CALL_OPEN', `Call ${state.openCall.callId} of attempt ${state.openCall.attempt} is still open.`);
  if (state.nextAttemptAt === null) throw refused('ENROLLMENT.NOTHING_DUE', 'No further attempt is planned for this contact.');
  if (state.nextAttemptAt !== undefined && Date.parse(state.nextAttemptAt) > Date.parse(at))
    throw refused('ENROLLMENT.NOT_DUE', `The next attempt is due at ${state.nextAttemptAt}.`);
};

const requestCall = (state: EnrollmentState, data: RequestCall['data']): EnrollmentEvent => {
  if (data.campaignStatus !== 'ACTIVE') throw refused('ENROLLMENT.CAMPAIGN_NOT_ACTIVE', `The campaign is ${data.campaignStatus}; only ACTIVE campaigns call.`);
  checkRevision(state, data);
  requireDispatchable(state, data.requestedAt);
  const { campaignId, contactId, callId, run, to, requestedAt, decision } = data;
  // Attempts count within a run; a new run starts counting again.
  const attempt = (run === state.run ? state.attemptsInRun : 0) + 1;
  return { type: 'CallRequested', data: { campaignId, contactId, callId, attempt, run, to, requestedAt, decision } };
};

const recordOutcome = (state: EnrollmentState, data: RecordCallOutcome['data']): EnrollmentEvent[] => {
  const open = state.openCall;
  // A call already ended (or never ours) records nothing: carriers report twice.
  if (!open || open.callId !== data.callId) return [];
  const { campaignId, contactId, callId, outcome, endedAt } = data;
  const ended: EnrollmentEvent = { type: 'CallAttemptEnded', data: { campaignId, contactId, callId, attempt: open.attempt, run: open.run, outcome, endedAt } };
  if (state.status !== 'ACTIVE') return [ended];
  const next = nextAttempt({ outcome, endedAt, run: open.run, attemptInRun: open.attempt, retry: data.retry, voiceRuns: data.voiceRuns });
  return next ? [ended, { type: 'NextAttemptScheduled', data: { campaignId, contactId, ...next } }] : [ended];
};

export const decideEnrollment = (command: EnrollmentCommand, state: EnrollmentState): EnrollmentEvent | EnrollmentEvent[] => {
  const { campaignId, contactId } = command.data;
  switch (command.type) {
    case 'RequestCall':
      return requestCall(state, command.data);
    case 'RecordCallOutcome':
      return recordOutcome(state, command.data);
    case 'ReleaseCallRequest': {
      const open = state.openCall;
      if (!open || open.callId !== command.data.callId) return [];
      const { callId, reason, at } = command.data;
      return { type: 'CallRequestReleased', data: { campaignId, contactId, callId, attempt: open.attempt, reason, at } };
    }
    case 'RescheduleCall': {
      checkRevision(state, command.data);
      requireDispatchable(state, command.data.at);
      const { nextAt, reason, localTime } = command.data;
      return { type: 'NextAttemptScheduled', data: { campaignId, contactId, at: nextAt, reason, ...(localTime !== undefined ? { localTime } : {}) } };
    }
    case 'WithholdCalls':
      checkRevision(state, command.data);
      requireDispatchable(state, command.data.at);
      return { type: 'CallsWithheld', data: { campaignId, contactId, reason: command.data.reason, at: command.data.at } };
    case 'MarkContactCompleted': {
      if (state.status === 'COMPLETED') return [];
      const { at, reason } = command.data;
      return { type: 'ContactMarkedCompleted', data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) } };
    }
    case 'CompleteAllCalls': {
      // Completed is the stronger state: it already stops every call.
      if (state.status !== 'ACTIVE') return [];
      const { at, reason } = command.data;
      return { type: 'ContactCompletedAllCalls', data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) } };
    }
    case 'ResumeOutreach': {
      if (state.status === 'ACTIVE' && state.withheld === undefined) return [];
      const { at, reason } = command.data;
      return { type: 'ContactOutreachResumed', data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) } };
    }
    case 'CompleteOnCompleteForm': {
      if (state.status === 'COMPLETED' || state.formCompleted || !formComplete(command.data.taskFields, command.data.answers)) return [];
      return { type: 'ContactMarkedCompleted', data: { campaignId, contactId, at: command.data.at, reason: FORM_COMPLETE } };
    }
    case 'InvokeOutreach':
      return invokeOutreach(state, command.data);
    default:
      return assertNever(command);
  }
};

/** One campaign contact: calls requested and ended, retries, completion and resumption. */
export const enrollmentDecider: Decider<EnrollmentState, EnrollmentCommand, EnrollmentEvent> = {
  decide: decideEnrollment,
  evolve: evolveEnrollment,
  initialState: initialEnrollmentState,
};
