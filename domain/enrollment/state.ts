import { assertNever } from '../decider.ts';
import { FORM_COMPLETE, type EnrollmentEvent } from './events.ts';

export type EnrollmentStatus = 'ACTIVE' | 'COMPLETED' | 'COMPLETED_ALL_CALLS';

export type OpenCall = { callId: string; attempt: number; run: number; requestedAt: string };

/**
 * One campaign contact as its stream tells it. Enrolment itself is on the campaign stream, so an empty
 * stream is an active contact due since enrolment (`nextAttemptAt` undefined); `null` means nothing is planned.
 */
export type EnrollmentState = {
  status: EnrollmentStatus;
  /** Revision of the stream's last event, -1 before the first: what a dispatcher expects. */
  revision: number;
  openCall?: OpenCall;
  run: number;
  attemptsInRun: number;
  totalAttempts: number;
  nextAttemptAt?: string | null;
  withheld?: string;
  /** A complete form completed the contact once; after someone resumes outreach, answers never complete it again. */
  formCompleted?: true;
};

export const initialEnrollmentState = (): EnrollmentState => ({
  status: 'ACTIVE',
  revision: -1,
  run: 0,
  attemptsInRun: 0,
  totalAttempts: 0,
});

const folded = (state: EnrollmentState, event: EnrollmentEvent): EnrollmentState => {
  switch (event.type) {
    case 'CallRequested': {
      const { callId, attempt, run, requestedAt } = event.data;
      return {
        ...state,
        openCall: { callId, attempt, run, requestedAt },
        run,
        attemptsInRun: attempt,
        totalAttempts: state.totalAttempts + 1,
        nextAttemptAt: null,
      };
    }
    case 'CallAttemptEnded': {
      const { openCall: _closed, ...rest } = state;
      return { ...rest, nextAttemptAt: null };
    }
    case 'CallRequestReleased': {
      const { openCall: _released, ...rest } = state;
      return {
        ...rest,
        attemptsInRun: state.attemptsInRun - 1,
        totalAttempts: state.totalAttempts - 1,
        nextAttemptAt: event.data.at,
      };
    }
    case 'NextAttemptScheduled':
      return { ...state, nextAttemptAt: event.data.at };
    case 'CallsWithheld':
      return { ...state, nextAttemptAt: null, withheld: event.data.reason };
    case 'ContactMarkedCompleted':
      return {
        ...state,
        status: 'COMPLETED',
        nextAttemptAt: null,
        ...(event.data.reason === FORM_COMPLETE ? { formCompleted: true as const } : {}),
      };
    case 'ContactCompletedAllCalls':
      return { ...state, status: 'COMPLETED_ALL_CALLS', nextAttemptAt: null };
    case 'ContactInvoked':
      return { ...state, nextAttemptAt: event.data.at };
    case 'ContactOutreachResumed': {
      const { withheld: _cleared, ...rest } = state;
      return { ...rest, status: 'ACTIVE', nextAttemptAt: event.data.at };
    }
    default:
      return assertNever(event);
  }
};

export const evolveEnrollment = (state: EnrollmentState, event: EnrollmentEvent): EnrollmentState => ({
  ...folded(state, event),
  revision: state.revision + 1,
});
