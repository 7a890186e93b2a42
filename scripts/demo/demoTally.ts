import type { RecordedEvent } from '../../domain/events/event.ts';
import { closedReasons } from '../../domain/outreach/callingWindow.ts';

/** Reasons the calling window gives for a closed window, as the dispatcher records them. */
const windowReasons: ReadonlySet<unknown> = new Set(closedReasons);

export type ContactOutcome = {
  contactId: string;
  caseId: string;
  externalId: string;
  name: string;
  phone: string;
  email: string;
  state: string;
  timezone: string;
  timezoneSource: string;
  calls: number;
  lastOutcome: string;
  answered: boolean;
  smsSent: number;
  emailsSent: number;
  repliesReceived: number;
  optedOut: boolean;
  status: string;
};

export type DemoSummary = {
  callsPlaced: number;
  callsAnswered: number;
  voicemails: number;
  transfers: number;
  optOuts: number;
  smsSent: number;
  emailsSent: number;
  messagesReceived: number;
  contactsReached: number;
  contactsCompleted: number;
  callsRefusedByWindow: number;
};

type Data = Record<string, any>;

/**
 * What happened to one campaign, counted from its events alone (as an auditor would): the summary
 * the demo prints and one row per contact for its CSV.
 */
export const demoTally = (campaignId: string, companyId: string) => {
  const contacts = new Map<string, ContactOutcome>();
  const byPhone = new Map<string, ContactOutcome>();
  const callCampaign = new Set<string>();
  const messages = new Map<string, { contact: ContactOutcome | undefined; channel: string }>();
  const summary: DemoSummary = {
    callsPlaced: 0,
    callsAnswered: 0,
    voicemails: 0,
    transfers: 0,
    optOuts: 0,
    smsSent: 0,
    emailsSent: 0,
    messagesReceived: 0,
    contactsReached: 0,
    contactsCompleted: 0,
    callsRefusedByWindow: 0,
  };

  const apply = (event: RecordedEvent): void => {
    const data = event.data as Data;
    if (event.metadata.companyId !== companyId) return;
    switch (event.type) {
      case 'ContactsEnrolled':
        if (data['campaignId'] !== campaignId) return;
        for (const c of data['contacts'] as Data[]) {
          const row: ContactOutcome = {
            contactId: c['contactId'],
            caseId: c['caseId'],
            externalId: c['externalId'],
            name: c['name'] ?? '',
            phone: c['phone'],
            email: c['email'] ?? '',
            state: c['state'] ?? '',
            timezone: c['timezone'],
            timezoneSource: c['timezoneSource'],
            calls: 0,
            lastOutcome: '',
            answered: false,
            smsSent: 0,
            emailsSent: 0,
            repliesReceived: 0,
            optedOut: false,
            status: 'active',
          };
          contacts.set(row.contactId, row);
          byPhone.set(row.phone, row);
        }
        return;
      case 'CallPlaced':
        if (data['campaignId'] !== campaignId) return;
        callCampaign.add(data['callId']);
        summary.callsPlaced += 1;
        if (contacts.has(data['contactId'])) contacts.get(data['contactId'])!.calls += 1;
        return;
      case 'CallAttemptEnded': {
        if (data['campaignId'] !== campaignId) return;
        const row = contacts.get(data['contactId']);
        const outcome = data['outcome'] as string;
        if (outcome === 'answered' || outcome === 'transferred') summary.callsAnswered += 1;
        if (outcome === 'voicemail') summary.voicemails += 1;
        if (outcome === 'transferred') summary.transfers += 1;
        if (row) {
          row.lastOutcome = outcome;
          if (outcome === 'answered' || outcome === 'transferred') row.answered = true;
        }
        return;
      }
      case 'NextAttemptScheduled':
        if (data['campaignId'] === campaignId && windowReasons.has(data['reason'])) summary.callsRefusedByWindow += 1;
        return;
      case 'CallsWithheld':
        if (data['campaignId'] !== campaignId) return;
        if (String(data['reason']).startsWith('no_calling_window')) summary.callsRefusedByWindow += 1;
        return;
      case 'ContactMarkedCompleted':
      case 'ContactCompletedAllCalls':
        if (data['campaignId'] === campaignId && contacts.has(data['contactId']))
          contacts.get(data['contactId'])!.status =
            event.type === 'ContactMarkedCompleted' ? 'completed' : 'completed_all_calls';
        return;
      case 'MessageRequested':
        if (data['campaignId'] === campaignId)
          messages.set(data['messageId'], { contact: contacts.get(data['contactId']), channel: data['channel'] });
        return;
      case 'MessageSent': {
        const message = messages.get(data['messageId']);
        if (!message) return;
        if (message.channel === 'sms') ((summary.smsSent += 1), message.contact && (message.contact.smsSent += 1));
        else ((summary.emailsSent += 1), message.contact && (message.contact.emailsSent += 1));
        return;
      }
      case 'InboundMessageReceived': {
        const row = byPhone.get(data['from'] ?? data['address']);
        if (!row) return;
        summary.messagesReceived += 1;
        row.repliesReceived += 1;
        return;
      }
      case 'ContactOptedOut': {
        const row = byPhone.get(data['address']) ?? [...contacts.values()].find((c) => c.email === data['address']);
        // Counted by contact at the end: a contact who opts out twice, or by text and by email, is one opt-out.
        if (row) row.optedOut = true;
        return;
      }
      default:
        return;
    }
  };

  const finish = () => {
    // Statuses stay the API's words; a contact who answered but is not completed is still active.
    summary.contactsReached = [...contacts.values()].filter((row) => row.answered).length;
    summary.contactsCompleted = [...contacts.values()].filter((row) => row.status !== 'active').length;
    summary.optOuts = [...contacts.values()].filter((row) => row.optedOut).length;
    return { summary, contacts: [...contacts.values()] };
  };

  return { apply, finish };
};
