import type { CallEvent } from '../../domain/call/events.ts';
import type { Draft } from '../../domain/campaign/draft.ts';
import type { CampaignEvent, EnrolledContact } from '../../domain/campaign/events.ts';
import type { ConsentEvent } from '../../domain/consent/events.ts';
import type { ConversationEvent } from '../../domain/conversation/events.ts';
import type { EnrollmentEvent } from '../../domain/enrollment/events.ts';
import type { MessageEvent } from '../../domain/message/events.ts';
import type { MobileAppEvent } from '../../domain/mobileApp/events.ts';
import type { WorkflowEvent } from '../../domain/workflow/events.ts';
import { launchableDraft } from '../domain/campaign/campaignFixtures.ts';

/** One campaign of company-1 and its first contact, as the projection specifications meet them. */
export const campaignId = 'campaign-1';
export const contactId = 'contact-1';
export const phone = '+13125550100';
export const email = 'client@example.com';
export const launchedAt = '2026-03-02T15:00:00.000Z';

type Of<U, T> = Extract<U, { type: T }>;
const who = { campaignId, contactId };

export const contact: EnrolledContact = {
  caseId: 'case-1',
  contactId,
  externalId: 'EXT-1',
  phone,
  email,
  timezone: 'America/Chicago',
  timezoneSource: 'contact',
  state: 'IL',
  name: 'Dana Client',
};

export const draftStarted: Of<CampaignEvent, 'CampaignDraftStarted'> = {
  type: 'CampaignDraftStarted',
  data: { campaignId, companyId: 'company-1', name: 'Spring intake', createdAt: '2026-03-01T09:00:00.000Z' },
};
export const draftSaved = (
  changes: Of<CampaignEvent, 'CampaignDraftSaved'>['data']['changes'],
): Of<CampaignEvent, 'CampaignDraftSaved'> => ({ type: 'CampaignDraftSaved', data: { campaignId, changes } });
export const launched = (
  settings: Draft = launchableDraft,
  extra: Partial<Of<CampaignEvent, 'CampaignLaunched'>['data']> = {},
): Of<CampaignEvent, 'CampaignLaunched'> => ({
  type: 'CampaignLaunched',
  data: {
    campaignId,
    launchedAt,
    name: 'Spring intake',
    settings,
    list: { listId: 'list-1', caseType: 'personal injury', listRevision: 1, caseCount: 1, contactCount: 2 },
    ...extra,
  },
});
export const enrolled = (
  contacts: readonly EnrolledContact[] = [contact],
  extra: { messages?: boolean; taskFields?: string[] } = {},
): Of<CampaignEvent, 'ContactsEnrolled'> => ({
  type: 'ContactsEnrolled',
  data: { campaignId, batch: 0, contacts: [...contacts], ...extra },
});
export const campaignPaused = (at: string): Of<CampaignEvent, 'CampaignPaused'> => ({
  type: 'CampaignPaused',
  data: { campaignId, at },
});
export const campaignResumed = (at: string): Of<CampaignEvent, 'CampaignResumed'> => ({
  type: 'CampaignResumed',
  data: { campaignId, at },
});
export const campaignCompleted = (at: string): Of<CampaignEvent, 'CampaignCompleted'> => ({
  type: 'CampaignCompleted',
  data: { campaignId, at },
});
export const campaignDeleted = (at: string): Of<CampaignEvent, 'CampaignDeleted'> => ({
  type: 'CampaignDeleted',
  data: { campaignId, at },
});

export const decision = {
  localTime: '2026-03-02T09:00:00.000-06:00',
  timezone: 'America/Chicago',
  window: { opensAt: '2026-03-02T14:00:00.000Z', closesAt: '2026-03-02T23:00:00.000Z' },
  capacity: { limit: 5, inFlight: 0, lines: 10, rate: 50, pacing: 30, available: 5 },
};
export const callRequested = (
  callId: string,
  requestedAt: string,
  attempt = 1,
  to = phone,
): Of<EnrollmentEvent, 'CallRequested'> => ({
  type: 'CallRequested',
  data: { ...who, callId, attempt, run: 0, to, requestedAt, decision },
});
export const attemptEnded = (
  callId: string,
  outcome: Of<EnrollmentEvent, 'CallAttemptEnded'>['data']['outcome'],
  endedAt: string,
  attempt = 1,
): Of<EnrollmentEvent, 'CallAttemptEnded'> => ({
  type: 'CallAttemptEnded',
  data: { ...who, callId, attempt, run: 0, outcome, endedAt },
});
export const requestReleased = (callId: string, at: string): Of<EnrollmentEvent, 'CallRequestReleased'> => ({
  type: 'CallRequestReleased',
  data: { ...who, callId, attempt: 1, reason: 'never_dialled', at },
});
export const nextAttempt = (at: string, reason = 'retry'): Of<EnrollmentEvent, 'NextAttemptScheduled'> => ({
  type: 'NextAttemptScheduled',
  data: { ...who, at, reason },
});
export const callsWithheld = (reason: string, at: string): Of<EnrollmentEvent, 'CallsWithheld'> => ({
  type: 'CallsWithheld',
  data: { ...who, reason, at },
});
export const markedCompleted = (at: string, reason?: string): Of<EnrollmentEvent, 'ContactMarkedCompleted'> => ({
  type: 'ContactMarkedCompleted',
  data: { ...who, at, ...(reason ? { reason } : {}) },
});
export const completedAllCalls = (at: string): Of<EnrollmentEvent, 'ContactCompletedAllCalls'> => ({
  type: 'ContactCompletedAllCalls',
  data: { ...who, at },
});
export const outreachResumed = (at: string): Of<EnrollmentEvent, 'ContactOutreachResumed'> => ({
  type: 'ContactOutreachResumed',
  data: { ...who, at },
});
export const invoked = (at: string): Of<EnrollmentEvent, 'ContactInvoked'> => ({
  type: 'ContactInvoked',
  data: { ...who, invocationId: 'inv-1', at, run: 0 },
});

export const placed = (callId: string, placedAt: string): Of<CallEvent, 'CallPlaced'> => ({
  type: 'CallPlaced',
  data: { callId, ...who, carrierCallId: `CA-${callId}`, placedAt },
});
export const progressed = (
  callId: string,
  progress: Of<CallEvent, 'CallProgressed'>['data']['progress'],
  reportedAt: string,
  answeredBy?: 'human' | 'machine',
): Of<CallEvent, 'CallProgressed'> => ({
  type: 'CallProgressed',
  data: { callId, carrierCallId: `CA-${callId}`, progress, reportedAt, ...(answeredBy ? { answeredBy } : {}) },
});
export const callCompleted = (
  callId: string,
  outcome: Of<CallEvent, 'CallCompleted'>['data']['outcome'],
  durationSeconds: number,
  endedAt: string,
): Of<CallEvent, 'CallCompleted'> => ({
  type: 'CallCompleted',
  data: { callId, carrierCallId: `CA-${callId}`, outcome, progress: 'completed', durationSeconds, endedAt },
});
export const recordingAvailable = (callId: string): Of<CallEvent, 'RecordingAvailable'> => ({
  type: 'RecordingAvailable',
  data: { callId, url: `https://recordings.example.com/${callId}.mp3` },
});
export const transferred = (callId: string, at: string, to = '+15557654321'): Of<CallEvent, 'CallTransferred'> => ({
  type: 'CallTransferred',
  data: { callId, at, to, ...who },
});
export const optOutRequested = (callId: string, at: string): Of<CallEvent, 'CallOptOutRequested'> => ({
  type: 'CallOptOutRequested',
  data: { callId, at },
});
export const answersRecorded = (
  callId: string,
  answers: Record<string, string | number | boolean | null>,
  at: string,
): Of<CallEvent, 'FormAnswersRecorded'> => ({
  type: 'FormAnswersRecorded',
  data: { callId, ...who, answers, at },
});
export const summaryRecorded = (callId: string, summary: string, at: string): Of<CallEvent, 'CallSummaryRecorded'> => ({
  type: 'CallSummaryRecorded',
  data: { callId, ...who, summary, at },
});
export const inboundCall = (
  callId: string,
  receivedAt: string,
  found: { campaignId?: string; contactId?: string } = who,
): Of<CallEvent, 'InboundCallReceived'> => ({
  type: 'InboundCallReceived',
  data: {
    callId,
    carrierCallId: `CA-${callId}`,
    from: phone,
    to: '+13125550199',
    receivedAt,
    callerMatch: found.campaignId ? 'last_outreach' : 'unknown',
    route: {
      action: 'ai',
      reason: 'ai_only',
      mode: 'ai_only',
      timezone: 'America/Chicago',
      localTime: '2026-03-02T10:00:00.000-06:00',
    },
    ...found,
  },
});

export const messageRequested = (
  messageId: string,
  channel: 'sms' | 'email',
  step: string,
  requestedAt: string,
): Of<MessageEvent, 'MessageRequested'> => ({
  type: 'MessageRequested',
  data: {
    messageId,
    ...who,
    channel,
    step,
    to: channel === 'sms' ? phone : email,
    from: '+13125550199',
    body: 'Hi Dana',
    requestedAt,
    ...(channel === 'email' ? { subject: 'Your case' } : {}),
  },
});
export const messageWithheld = (messageId: string, step: string, at: string): Of<MessageEvent, 'MessageWithheld'> => ({
  type: 'MessageWithheld',
  data: { messageId, ...who, channel: 'sms', step, to: phone, reason: 'opted_out', at },
});
export const messageSent = (messageId: string, sentAt: string): Of<MessageEvent, 'MessageSent'> => ({
  type: 'MessageSent',
  data: { messageId, carrierMessageId: `SM-${messageId}`, sentAt },
});
export const messageStatus = (
  messageId: string,
  progress: 'queued' | 'sent' | 'delivered',
  reportedAt: string,
): Of<MessageEvent, 'MessageStatusReported'> => ({
  type: 'MessageStatusReported',
  data: { messageId, carrierMessageId: `SM-${messageId}`, progress, reportedAt },
});
export const messageFailed = (messageId: string, at: string): Of<MessageEvent, 'MessageFailed'> => ({
  type: 'MessageFailed',
  data: { messageId, reason: 'undelivered', at },
});

export const stepsPlanned = (factsSeen: number, steps: { step: string; dueAt: string }[]): WorkflowEvent => ({
  type: 'WorkflowStepsPlanned',
  data: {
    ...who,
    factsSeen,
    plannedAt: launchedAt,
    steps: steps.map((s) => ({ ...s, messageId: `m-${s.step}`, channel: 'sms' as const })),
  },
});

type OptOut = Of<ConsentEvent, 'ContactOptedOut'>;
type OptIn = Of<ConsentEvent, 'ContactOptedIn'>;
export const optedOut = (
  address: string,
  channel: OptOut['data']['channel'],
  at: string,
  heard: Partial<OptOut['data']> = {},
): OptOut => ({
  type: 'ContactOptedOut',
  data: { companyId: 'company-1', address, channel, source: 'sms_keyword', at, ...heard },
});
export const optedIn = (
  address: string,
  channel: OptIn['data']['channel'],
  at: string,
  heard: Partial<OptIn['data']> = {},
): OptIn => ({
  type: 'ContactOptedIn',
  data: { companyId: 'company-1', address, channel, source: 'sms_keyword', at, ...heard },
});

export const inboundText = (
  body: string,
  receivedAt: string,
  found: { campaignId?: string; contactId?: string } = who,
): ConversationEvent => ({
  type: 'InboundMessageReceived',
  data: {
    companyId: 'company-1',
    address: phone,
    to: '+13125550199',
    body,
    carrierMessageId: 'SM-in-1',
    receivedAt,
    intent: 'message',
    ...found,
  },
});
export const inAppMessage = (
  messageId: string,
  direction: 'sent' | 'received',
  at: string,
): Of<MobileAppEvent, 'InAppMessageRecorded'> => ({
  type: 'InAppMessageRecorded',
  data: { ...who, messageId, direction, body: 'See you Monday', at, recordedAt: at },
});
export const appStatusChanged = (
  status: 'not_invited' | 'invited' | 'installed' | 'uninstalled',
  at: string,
): Of<MobileAppEvent, 'MobileAppStatusChanged'> => ({
  type: 'MobileAppStatusChanged',
  data: { ...who, status, at },
});
