import type { RecordedEvent } from '../../../domain/events/event.ts';

/** The calling window's closed reasons, spelt out here so the recount does not lean on the code it checks. */
const closedWindow = new Set([
  'outside_federal_hours',
  'sunday',
  'closed_weekday',
  'state_holiday',
  'outside_state_hours',
  'outside_artificial_voice_hours',
  'blackout',
  'outside_campaign_slots',
  'frequency_cap',
]);

export type RecountedCall = {
  id: string;
  callId: string | null;
  contactId: string;
  contactName: string | null;
  caseId: string | null;
  externalId: string | null;
  direction: 'outbound';
  from: string | null;
  to: string | null;
  outcome: string;
  attempt: number | null;
  run: number | null;
  requestedAt: string;
  placedAt: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  endedAt: string | null;
  durationSeconds: number | null;
  recorded: boolean;
  transferredAt: string | null;
  transferredTo: string | null;
  summary: string | null;
  decision: {
    localTime: string;
    timezone: string;
    window: { opensAt: string | null; closesAt: string | null };
    capacity: unknown;
  } | null;
  refusal: { reason: string; nextAttemptAt: string | null } | null;
};

type Data = Record<string, any>;

/** Every call record of one campaign, worked out from its raw events as an auditor would, in report order. */
export const recountCalls = (events: readonly RecordedEvent[], campaignId: string): RecountedCall[] => {
  const contacts = new Map<string, Data>();
  const agents = new Map<string, string>();
  let agentId: string | undefined;
  const calls = new Map<
    string,
    RecountedCall & { attemptOutcome?: string; carrierOutcome?: string; released?: boolean }
  >();
  const rows: RecountedCall[] = [];
  for (const event of events) {
    const data = event.data as Data;
    const call = typeof data['callId'] === 'string' ? calls.get(data['callId']) : undefined;
    switch (event.type) {
      case 'AgentCreated':
        agents.set(data['agentId'], data['callerNumber']);
        break;
      case 'CampaignLaunched':
        if (data['campaignId'] === campaignId) agentId = data['settings']['agentId'];
        break;
      case 'ContactsEnrolled':
        if (data['campaignId'] === campaignId)
          for (const contact of data['contacts']) contacts.set(contact.contactId, contact);
        break;
      case 'CallRequested': {
        if (data['campaignId'] !== campaignId) break;
        const row: RecountedCall = {
          id: data['callId'],
          callId: data['callId'],
          contactId: data['contactId'],
          contactName: null,
          caseId: null,
          externalId: null,
          direction: 'outbound',
          from: null,
          to: data['to'],
          outcome: 'in_progress',
          attempt: data['attempt'],
          run: data['run'],
          requestedAt: data['requestedAt'],
          placedAt: null,
          answeredAt: null,
          answeredBy: null,
          endedAt: null,
          durationSeconds: null,
          recorded: false,
          transferredAt: null,
          transferredTo: null,
          summary: null,
          decision: {
            localTime: data['decision'].localTime,
            timezone: data['decision'].timezone,
            window: {
              opensAt: data['decision'].window.opensAt ?? null,
              closesAt: data['decision'].window.closesAt ?? null,
            },
            capacity: data['decision'].capacity,
          },
          refusal: null,
        };
        calls.set(row.id, row);
        rows.push(row);
        break;
      }
      case 'NextAttemptScheduled':
      case 'CallsWithheld': {
        if (data['campaignId'] !== campaignId) break;
        const reason = String(data['reason']);
        const why =
          event.type === 'NextAttemptScheduled'
            ? closedWindow.has(reason)
              ? reason
              : undefined
            : reason.startsWith('no_calling_window:')
              ? reason.slice('no_calling_window:'.length)
              : undefined;
        if (!why) break;
        rows.push({
          id: event.id,
          callId: null,
          contactId: data['contactId'],
          contactName: null,
          caseId: null,
          externalId: null,
          direction: 'outbound',
          from: null,
          to: null,
          outcome: 'refused_by_window',
          attempt: null,
          run: event.type === 'NextAttemptScheduled' ? (data['run'] ?? null) : null,
          requestedAt: event.type === 'NextAttemptScheduled' ? event.metadata.occurredAt : data['at'],
          placedAt: null,
          answeredAt: null,
          answeredBy: null,
          endedAt: null,
          durationSeconds: null,
          recorded: false,
          transferredAt: null,
          transferredTo: null,
          summary: null,
          decision: null,
          refusal: { reason: why, nextAttemptAt: event.type === 'NextAttemptScheduled' ? data['at'] : null },
        });
        break;
      }
      case 'CallPlaced':
        if (call) call.placedAt = data['placedAt'];
        break;
      case 'CallProgressed':
        if (call && data['progress'] === 'in_progress' && call.answeredAt === null)
          call.answeredAt = data['reportedAt'];
        if (call && data['answeredBy']) call.answeredBy = data['answeredBy'];
        break;
      case 'CallCompleted':
        if (!call) break;
        call.carrierOutcome = data['outcome'];
        call.durationSeconds = data['durationSeconds'];
        call.endedAt = data['endedAt'];
        if (data['answeredBy']) call.answeredBy = data['answeredBy'];
        break;
      case 'CallAttemptEnded':
        if (!call) break;
        call.attemptOutcome = data['outcome'];
        call.endedAt ??= data['endedAt'];
        break;
      case 'CallRequestReleased':
        if (call) call.released = true;
        break;
      case 'RecordingAvailable':
        if (call) call.recorded = true;
        break;
      case 'CallTransferred':
        if (call) ((call.transferredAt = data['at']), (call.transferredTo = data['to'] ?? null));
        break;
      case 'CallSummaryRecorded':
        if (call) call.summary = data['summary'];
        break;
      default:
        break;
    }
  }
  const from = agentId ? (agents.get(agentId) ?? null) : null;
  for (const row of rows) {
    const contact = contacts.get(row.contactId);
    row.contactName = contact?.['name'] ?? null;
    row.caseId = contact?.['caseId'] ?? null;
    row.externalId = contact?.['externalId'] ?? null;
    if (row.callId !== null) {
      const call = calls.get(row.callId)!;
      row.from = from;
      row.outcome = call.attemptOutcome ?? call.carrierOutcome ?? (call.released ? 'released' : 'in_progress');
      (delete call.attemptOutcome, delete call.carrierOutcome, delete call.released);
    }
  }
  return rows.sort((a, b) =>
    a.requestedAt === b.requestedAt ? (a.id < b.id ? -1 : 1) : a.requestedAt < b.requestedAt ? -1 : 1,
  );
};
