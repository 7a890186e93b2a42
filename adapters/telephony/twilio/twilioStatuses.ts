import type { AnsweredBy, CallProgress, MessageProgress } from '../../../commands/outreach/carrierReports.ts';

/** Twilio's `CallStatus` values (https://www.twilio.com/docs/voice/api/call-resource#call-status-values). */
export const twilioCallStatuses: Readonly<Record<string, CallProgress>> = {
  queued: 'queued',
  initiated: 'initiated',
  ringing: 'ringing',
  'in-progress': 'in_progress',
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'no_answer',
  failed: 'failed',
  canceled: 'canceled',
};

/** Twilio's `MessageStatus` values, folded onto the five a dispatcher acts on. */
export const twilioMessageStatuses: Readonly<Record<string, MessageProgress>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  canceled: 'failed',
};

/** Twilio's `AnsweredBy` values: a fax line is no person, so it counts as a machine. */
export const twilioAnsweredBy: Readonly<Record<string, AnsweredBy>> = {
  human: 'human',
  machine_start: 'machine',
  machine_end_beep: 'machine',
  machine_end_silence: 'machine',
  machine_end_other: 'machine',
  fax: 'machine',
  unknown: 'unknown',
};

// Own keys only: `constructor` is no call status.
const lookup = <V>(table: Readonly<Record<string, V>>, key: string): V | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

export const callProgressOf = (status: string): CallProgress | undefined => lookup(twilioCallStatuses, status);
export const messageProgressOf = (status: string): MessageProgress | undefined => lookup(twilioMessageStatuses, status);
export const answeredByOf = (answeredBy: string): AnsweredBy | undefined => lookup(twilioAnsweredBy, answeredBy);
