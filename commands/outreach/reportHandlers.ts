import type { AgentReport } from './agentReports.ts';
import type { CallStatusReport, InboundSms, MessageStatusReport } from './carrierReports.ts';

/*
 * The port carriers call into: every carrier adapter (the simulated ones, Twilio's webhook routes,
 * the agent route) hands its parsed reports to these handlers, which outreachReports implements.
 */

/** Where a telephony carrier's callbacks land. */
export type TelephonyReportHandlers = {
  readonly callStatus: (report: CallStatusReport) => Promise<void>;
  readonly agent: (report: AgentReport) => Promise<void>;
  readonly messageStatus: (report: MessageStatusReport) => Promise<void>;
  readonly inboundSms: (sms: InboundSms) => Promise<void>;
};

/** A recipient's mailbox provider posting `List-Unsubscribe=One-Click` to the message's https link (RFC 8058). */
export type UnsubscribeClick = { readonly messageId: string; readonly to: string; readonly url: string; readonly clickedAt: string };

/** Where an email carrier's reports land. */
export type EmailReportHandlers = {
  readonly messageStatus: (report: MessageStatusReport) => Promise<void>;
  readonly unsubscribe: (click: UnsubscribeClick) => Promise<void>;
};
