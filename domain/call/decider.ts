import { assertNever, type Decider } from '../decider.ts';
import { ValidationError } from '../errors.ts';
import { checkedAnswers } from '../form/answerRules.ts';
import type { ApplyCallReport, CallCommand } from './commands.ts';
import type { CallEvent } from './events.ts';
import { requireSameCarrierCall } from './carrierCallBinding.ts';
import { isFinal, movesForward, outcomeOf } from './progress.ts';
import { evolveCall, initialCallState, type CallState } from './state.ts';
import { named } from '../namedValue.ts';

const recording = (state: CallState, callId: string, url: string | undefined): CallEvent[] =>
  url !== undefined && state.recordingUrl === undefined ? [{ type: 'RecordingAvailable', data: { callId, url } }] : [];

/** Reports arrive late, twice and out of order: only one that moves the call forward records anything. */
const applyReport = (state: CallState, { callId, report }: ApplyCallReport['data']): CallEvent[] => {
  if (report.callId !== callId)
    throw new ValidationError(
      'CALL.WRONG_CALL',
      `A report of call ${named(report.callId)} cannot change call ${callId}.`,
    );
  const { carrierCallId, progress, reportedAt } = report;
  requireSameCarrierCall(state, callId, carrierCallId);
  if (!movesForward(state.progress, progress)) return recording(state, callId, report.recordingUrl);
  if (!isFinal(progress))
    return [
      {
        type: 'CallProgressed',
        data: {
          callId,
          carrierCallId,
          progress,
          reportedAt,
          ...(report.sequence !== undefined ? { sequence: report.sequence } : {}),
          ...(report.answeredBy ? { answeredBy: report.answeredBy } : {}),
        },
      },
    ];
  const answeredBy = report.answeredBy ?? state.answeredBy;
  const outcome = outcomeOf(progress, answeredBy, state);
  const completed: CallEvent = {
    type: 'CallCompleted',
    data: {
      callId,
      carrierCallId,
      outcome,
      progress,
      durationSeconds: report.durationSeconds ?? 0,
      endedAt: reportedAt,
      ...(answeredBy ? { answeredBy } : {}),
    },
  };
  return [completed, ...recording(state, callId, report.recordingUrl)];
};

/** The campaign and contact a call is for, when known: a transfer names them, so its campaign's webhook can tell of it. */
const partiesOf = (call: { readonly campaignId?: string; readonly contactId?: string } | undefined) => ({
  ...(call?.campaignId !== undefined ? { campaignId: call.campaignId } : {}),
  ...(call?.contactId !== undefined ? { contactId: call.contactId } : {}),
});

export const decideCall = (command: CallCommand, state: CallState): CallEvent | CallEvent[] => {
  const { callId } = command.data;
  switch (command.type) {
    case 'RecordCallPlaced': {
      if (state.placement) return [];
      const { campaignId, contactId, carrierCallId, placedAt, reconciled } = command.data;
      return {
        type: 'CallPlaced',
        data: { callId, campaignId, contactId, carrierCallId, placedAt, ...(reconciled ? { reconciled } : {}) },
      };
    }
    case 'RecordInboundCall': {
      // Twilio repeats its request for instructions: the carrier call is one call, recorded once.
      if (state.revision >= 0) return [];
      const received: CallEvent = { type: 'InboundCallReceived', data: command.data };
      const { route, receivedAt } = command.data;
      if (route.action !== 'transfer') return [received];
      return [
        received,
        {
          type: 'CallTransferred',
          data: {
            callId,
            at: receivedAt,
            ...(route.forwardingNumber ? { to: route.forwardingNumber } : {}),
            ...partiesOf(command.data),
          },
        },
      ];
    }
    case 'ApplyCallReport':
      return applyReport(state, command.data);
    case 'RecordTransfer': {
      // A transfer reported after the call ended changes no outcome already recorded.
      if (state.transferred || state.outcome) return [];
      const { at, to } = command.data;
      return {
        type: 'CallTransferred',
        data: { callId, at, ...(to !== undefined ? { to } : {}), ...partiesOf(state.placement ?? state.inbound) },
      };
    }
    case 'RecordInCallOptOut':
      if (state.optedOut) return [];
      return { type: 'CallOptOutRequested', data: { callId, at: command.data.at } };
    case 'RecordFormAnswers': {
      // A repeated or partial report records only what it changes; answers that do not fit the form record nothing.
      const { campaignId, contactId, at, form } = command.data;
      const answers = form ? checkedAnswers(form, command.data.answers) : command.data.answers;
      const changed = Object.fromEntries(
        Object.entries(answers).filter(([field, value]) => !(field in state.answers) || state.answers[field] !== value),
      );
      if (Object.keys(changed).length === 0) return [];
      return { type: 'FormAnswersRecorded', data: { callId, campaignId, contactId, answers: changed, at } };
    }
    case 'RecordCallSummary': {
      const { campaignId, contactId, at, summary } = command.data;
      if (state.summary === summary) return [];
      return { type: 'CallSummaryRecorded', data: { callId, campaignId, contactId, summary, at } };
    }
    default:
      return assertNever(command);
  }
};

/** One call: placed (or received), progressing, completed, with its recording, transfer and in-call opt-out. */
export const callDecider: Decider<CallState, CallCommand, CallEvent> = {
  decide: decideCall,
  evolve: evolveCall,
  initialState: initialCallState,
};
