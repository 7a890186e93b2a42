import type { Command } from '../decider.ts';
import type { FormField } from '../form/events.ts';
import type { FormAnswers } from '../form/answerRules.ts';
import type { CallReport } from './reports.ts';
import type { CallEvent } from './events.ts';

type Call = { callId: string };

export type RecordCallPlaced = Command<
  'RecordCallPlaced',
  Call & { campaignId: string; contactId: string; carrierCallId: string; placedAt: string; reconciled?: boolean }
>;
/** An inbound call as the engine routed it; the same carrier call is recorded once. */
export type RecordInboundCall = Command<
  'RecordInboundCall',
  Extract<CallEvent, { type: 'InboundCallReceived' }>['data']
>;
export type ApplyCallReport = Command<'ApplyCallReport', { callId: string; report: CallReport }>;
export type RecordTransfer = Command<'RecordTransfer', Call & { at: string; to?: string }>;
export type RecordInCallOptOut = Command<'RecordInCallOptOut', Call & { at: string }>;

/** The contact the call is for, which the handler found when the call's own stream does not say yet. */
type About = Call & { campaignId: string; contactId: string; at: string };
/** `form`: the campaign's form fields the answers must fit; absent when the campaign has no form. */
export type RecordFormAnswers = Command<
  'RecordFormAnswers',
  About & { answers: FormAnswers; form?: readonly FormField[] }
>;
export type RecordCallSummary = Command<'RecordCallSummary', About & { summary: string }>;

export type CallCommand =
  | RecordCallPlaced
  | RecordInboundCall
  | ApplyCallReport
  | RecordTransfer
  | RecordInCallOptOut
  | RecordFormAnswers
  | RecordCallSummary;
