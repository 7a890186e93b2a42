import type { Command } from '../decider.ts';
import type { InAppDirection, MobileAppStatus } from './events.ts';

type Contact = { campaignId: string; contactId: string };

/** `at` is the app's own time for the message (now when absent); `now` is the engine's. */
export type RecordInAppMessage = Command<
  'RecordInAppMessage',
  Contact & { messageId: string; direction: InAppDirection; body: string; at?: string; now: string }
>;

export type ReportMobileAppStatus = Command<
  'ReportMobileAppStatus',
  Contact & { status: MobileAppStatus; now: string }
>;

export type MobileAppCommand = RecordInAppMessage | ReportMobileAppStatus;
