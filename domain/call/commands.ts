import type { Command } from '../decider.ts';
import type { CallReport } from './reports.ts';

type Call = { callId: string };

export type RecordCallPlaced = Command<
  'RecordCallPlaced',
  Call & { campaignId: string; contactId: string; carrierCallId: string; placedAt: string; reconciled?: boolean }
>;
export type ApplyCallReport = Command<'ApplyCallReport', { callId: string; report: CallReport }>;
export type RecordTransfer = Command<'RecordTransfer', Call & { at: string; to?: string }>;
export type RecordInCallOptOut = Command<'RecordInCallOptOut', Call & { at: string }>;

export type CallCommand = RecordCallPlaced | ApplyCallReport | RecordTransfer | RecordInCallOptOut;
