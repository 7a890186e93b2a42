import type { RecordedEvent } from '../../../domain/events/event.ts';

/** A campaign contact's figures counted straight from the raw events, by the rules the README gives. */
export type Recounted = {
  contactId: string;
  caseId: string;
  externalId: string;
  name: string | null;
  status: string;
  appStatus: string;
  callsPlaced: number;
  callsAnswered: number;
  smsSent: number;
  smsReceived: number;
  emailSent: number;
  inAppSent: number;
  inAppReceived: number;
  callsReceived: number;
  taskFields: string[] | null;
  answers: Map<string, unknown>;
  lastOutcome: string | null;
  summary: { text: string; at: number } | null;
  lastActivity: number | null;
};

type Data = Record<string, any>;

/** Every contact the campaign enrolled, with what the log says happened to it. */
export const recount = (events: readonly RecordedEvent[], campaignId: string): Map<string, Recounted> => {
  const rows = new Map<string, Recounted>();
  const row = (data: Data): Recounted | undefined =>
    data['campaignId'] === campaignId ? rows.get(data['contactId']) : undefined;
  const touch = (r: Recounted | undefined, at: string) => {
    if (r) r.lastActivity = Math.max(r.lastActivity ?? -Infinity, Date.parse(at));
  };
  for (const event of events) {
    const data = event.data as Data;
    const r = row(data);
    switch (event.type) {
      case 'ContactsEnrolled':
        if (data['campaignId'] !== campaignId) break;
        for (const c of data['contacts'] as Data[])
          rows.set(c['contactId'], {
            contactId: c['contactId'],
            caseId: c['caseId'],
            externalId: c['externalId'],
            name: c['name'] ?? null,
            status: 'active',
            appStatus: 'unknown',
            callsPlaced: 0,
            callsAnswered: 0,
            smsSent: 0,
            smsReceived: 0,
            emailSent: 0,
            inAppSent: 0,
            inAppReceived: 0,
            callsReceived: 0,
            taskFields: data['taskFields'] ?? null,
            answers: new Map(),
            lastOutcome: null,
            summary: null,
            lastActivity: null,
          });
        break;
      case 'CallPlaced':
        if (r) r.callsPlaced++;
        touch(r, data['placedAt']);
        break;
      case 'CallAttemptEnded':
        if (r) {
          if (data['outcome'] === 'answered' || data['outcome'] === 'transferred') r.callsAnswered++;
          r.lastOutcome = data['outcome'];
        }
        touch(r, data['endedAt']);
        break;
      case 'MessageRequested':
        if (r) data['channel'] === 'sms' ? r.smsSent++ : r.emailSent++;
        touch(r, data['requestedAt']);
        break;
      case 'InboundCallReceived':
        if (r) r.callsReceived++;
        touch(r, data['receivedAt']);
        break;
      case 'InboundMessageReceived':
        if (r) r.smsReceived++;
        touch(r, data['receivedAt']);
        break;
      case 'InAppMessageRecorded':
        if (r) data['direction'] === 'sent' ? r.inAppSent++ : r.inAppReceived++;
        touch(r, data['at']);
        break;
      case 'MobileAppStatusChanged':
        if (r) r.appStatus = data['status'];
        break;
      case 'FormAnswersRecorded':
        if (r) for (const [k, v] of Object.entries(data['answers'] as Data)) r.answers.set(k, v);
        break;
      case 'CallSummaryRecorded':
        if (r && (!r.summary || Date.parse(data['at']) >= r.summary.at))
          r.summary = { text: data['summary'], at: Date.parse(data['at']) };
        break;
      case 'ContactMarkedCompleted':
        if (r) r.status = 'completed';
        break;
      case 'ContactCompletedAllCalls':
        if (r) r.status = 'completed_all_calls';
        break;
      case 'ContactOutreachResumed':
        if (r) r.status = 'active';
        break;
    }
  }
  return rows;
};

/** The task's status and missing fields as the README defines them. */
export const taskOf = (r: Recounted): { taskStatus: string; missingFields: string[] } => {
  if (!r.taskFields) return { taskStatus: 'no_form', missingFields: [] };
  const answered = [...r.answers].filter(([, v]) => v !== null).map(([k]) => k);
  const missingFields = r.taskFields.filter((f) => !answered.includes(f));
  return {
    taskStatus: answered.length === 0 ? 'not_started' : missingFields.length === 0 ? 'complete' : 'partial',
    missingFields,
  };
};

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/** The engagement row the report should show for a recounted contact. */
export const engagementRowOf = (r: Recounted) => ({
  contactId: r.contactId,
  caseId: r.caseId,
  externalId: r.externalId,
  name: r.name,
  mobileAppStatus: r.appStatus,
  smsSent: r.smsSent,
  smsReceived: r.smsReceived,
  emailSent: r.emailSent,
  emailReceived: 0,
  inAppSent: r.inAppSent,
  inAppReceived: r.inAppReceived,
  callsReceived: r.callsReceived,
  totalOutbound: r.smsSent + r.emailSent + r.inAppSent,
  totalInbound: r.smsReceived + r.inAppReceived + r.callsReceived,
  ...taskOf(r),
  lastSummary: r.summary?.text ?? null,
  lastSummaryAt: iso(r.summary?.at),
  lastActivityAt: iso(r.lastActivity),
});

/** The contacts row, but for the next attempt, which the contacts list answers. */
export const contactsRowOf = (r: Recounted) => ({
  contactId: r.contactId,
  caseId: r.caseId,
  externalId: r.externalId,
  name: r.name,
  status: r.status,
  callsPlaced: r.callsPlaced,
  callsAnswered: r.callsAnswered,
  textsSent: r.smsSent,
  textsReceived: r.smsReceived,
  emailsSent: r.emailSent,
  inAppSent: r.inAppSent,
  inAppReceived: r.inAppReceived,
  lastOutcome: r.lastOutcome,
  lastActivityAt: iso(r.lastActivity),
});
