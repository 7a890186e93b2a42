import { assertNever, type Decider } from '../decider.ts';
import type { EnrollmentCommand, RecordCallOutcome } from './commands.ts';
import { formComplete } from '../form/answerRules.ts';
import { FORM_COMPLETE, type EnrollmentEvent } from './events.ts';
import { dispatchContact } from './dispatch.ts';
import { nextAttempt } from './retryPolicy.ts';
import { invokeOutreach } from './invocation.ts';
import { evolveEnrollment, initialEnrollmentState, type EnrollmentState } from './state.ts';

const recordOutcome = (state: EnrollmentState, data: RecordCallOutcome['data']): EnrollmentEvent[] => {
  const open = state.openCall;
  // A call already ended (or never ours) records nothing: carriers report twice.
  if (!open || open.callId !== data.callId) return [];
  const { campaignId, contactId, callId, outcome, endedAt } = data;
  const ended: EnrollmentEvent = {
    type: 'CallAttemptEnded',
    data: { campaignId, contactId, callId, attempt: open.attempt, run: open.run, outcome, endedAt },
  };
  if (state.status !== 'ACTIVE') return [ended];
  const next = nextAttempt({
    outcome,
    endedAt,
    run: open.run,
    attemptInRun: open.attempt,
    retry: data.retry,
    voiceRuns: data.voiceRuns,
  });
  return next ? [ended, { type: 'NextAttemptScheduled', data: { campaignId, contactId, ...next } }] : [ended];
};

export const decideEnrollment = (
  command: EnrollmentCommand,
  state: EnrollmentState,
): EnrollmentEvent | EnrollmentEvent[] => {
  const { campaignId, contactId } = command.data;
  switch (command.type) {
    case 'DispatchContact':
      return dispatchContact(state, command.data);
    case 'RecordCallOutcome':
      return recordOutcome(state, command.data);
    case 'ReleaseCallRequest': {
      const open = state.openCall;
      if (!open || open.callId !== command.data.callId) return [];
      const { callId, reason, at } = command.data;
      return {
        type: 'CallRequestReleased',
        data: { campaignId, contactId, callId, attempt: open.attempt, reason, at },
      };
    }
    case 'MarkContactCompleted': {
      if (state.status === 'COMPLETED') return [];
      const { at, reason } = command.data;
      return {
        type: 'ContactMarkedCompleted',
        data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) },
      };
    }
    case 'CompleteAllCalls': {
      // Completed is the stronger state: it already stops every call.
      if (state.status !== 'ACTIVE') return [];
      const { at, reason } = command.data;
      return {
        type: 'ContactCompletedAllCalls',
        data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) },
      };
    }
    case 'ResumeOutreach': {
      if (state.status === 'ACTIVE' && state.withheld === undefined) return [];
      const { at, reason } = command.data;
      return {
        type: 'ContactOutreachResumed',
        data: { campaignId, contactId, at, ...(reason !== undefined ? { reason } : {}) },
      };
    }
    case 'CompleteOnCompleteForm': {
      if (
        state.status === 'COMPLETED' ||
        state.formCompleted ||
        !formComplete(command.data.taskFields, command.data.answers)
      )
        return [];
      return {
        type: 'ContactMarkedCompleted',
        data: { campaignId, contactId, at: command.data.at, reason: FORM_COMPLETE },
      };
    }
    case 'InvokeOutreach':
      return invokeOutreach(state, command.data);
    default:
      return assertNever(command);
  }
};

/** One campaign contact: dispatched when due (called, made to wait or withheld), calls ended, retries, completion and resumption. */
export const enrollmentDecider: Decider<EnrollmentState, EnrollmentCommand, EnrollmentEvent> = {
  decide: decideEnrollment,
  evolve: evolveEnrollment,
  initialState: initialEnrollmentState,
};
