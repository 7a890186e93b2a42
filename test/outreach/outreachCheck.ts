import { DateTime } from 'luxon';
import { isStateHoliday } from '../../adapters/holidays/stateHolidays.ts';
import { consentDecider, type ConsentState } from '../../domain/consent/decider.ts';
import type { ConsentEvent } from '../../domain/consent/events.ts';
import type { EnrolledContact } from '../../domain/campaign/events.ts';
import type { TimeSlot } from '../../domain/values.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { callingHoursRules } from '../../domain/outreach/callingHoursRules.ts';
import { callingWindow, contactZones } from '../../domain/outreach/callingWindow.ts';
import { currentRun } from '../../domain/dispatch/currentRun.ts';

export type CheckedCampaign = {
  readonly runs: readonly { readonly start: string; readonly slots: readonly TimeSlot[] }[];
  readonly limit: number | undefined;
  readonly pacingPerMinute: number | undefined;
  readonly lines: number;
  readonly rate: number;
};

const policy = callingWindow({ rules: callingHoursRules(), holidays: isStateHoliday });
const day = 86_400_000;

/**
 * What an auditor checks from the events alone, in store order: each call requested inside the contact's
 * window (the policy asked again, and the federal hours in every zone the contact may be in), to an address
 * that had not opted out, within the run that was calling, and never above capacity or pacing; each
 * message to an address not opted out of its channel. Answers the violations found.
 */
export const outreachViolations = (events: readonly RecordedEvent[], campaign: CheckedCampaign): string[] => {
  const problems: string[] = [];
  const contacts = new Map<string, EnrolledContact>();
  const consent = new Map<string, ConsentState>();
  const callsTo = new Map<string, number[]>();
  const open = new Set<string>();
  const requestTimes: number[] = [];
  const linesFree = Math.floor((campaign.lines * campaign.rate) / 100);

  for (const event of events) {
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'ContactsEnrolled':
        for (const contact of data['contacts'] as EnrolledContact[]) contacts.set(contact.contactId, contact);
        break;
      case 'ContactOptedOut':
      case 'ContactOptedIn': {
        const key = `${data['companyId']}|${data['address']}`;
        consent.set(
          key,
          consentDecider.evolve(consent.get(key) ?? consentDecider.initialState(), event as unknown as ConsentEvent),
        );
        break;
      }
      case 'CallRequested': {
        const { callId, contactId, to, requestedAt, run } = data as {
          callId: string;
          contactId: string;
          to: string;
          requestedAt: string;
          run: number;
        };
        const at = Date.parse(requestedAt);
        const contact = contacts.get(contactId);
        const said = `call ${callId} to ${to} at ${requestedAt}`;
        if (!contact) {
          problems.push(`${said}: no such contact enrolled`);
          break;
        }
        if (consent.get(`${event.metadata.companyId}|${to}`)?.blocked.voice)
          problems.push(`${said}: the number had opted out of calls`);
        const calling = currentRun(campaign.runs, new Date(at));
        if (calling !== campaign.runs[run]) problems.push(`${said}: run ${run} was not the run calling`);
        const recentCalls = (callsTo.get(to) ?? []).filter((t) => t > at - day);
        const verdict = policy.check({ contact, slots: campaign.runs[run]?.slots ?? [], recentCalls }, at);
        if (!verdict.allowed)
          problems.push(`${said}: outside the calling window (${verdict.reason} in ${verdict.zone})`);
        for (const zone of contactZones(contact)) {
          const local = DateTime.fromMillis(at, { zone });
          if (local.hour < 8 || local.hour >= 21) problems.push(`${said}: ${local.toFormat('HH:mm')} in ${zone}`);
        }
        if (campaign.limit !== undefined && open.size >= campaign.limit)
          problems.push(`${said}: ${open.size} calls already in flight, limit ${campaign.limit}`);
        if (open.size >= linesFree)
          problems.push(`${said}: ${open.size} calls already in flight on ${linesFree} lines`);
        requestTimes.push(at);
        const lastMinute = requestTimes.filter((t) => t > at - 60_000 && t <= at).length;
        if (campaign.pacingPerMinute !== undefined && lastMinute > campaign.pacingPerMinute)
          problems.push(`${said}: ${lastMinute} calls in a minute, pacing ${campaign.pacingPerMinute}`);
        callsTo.set(to, [...(callsTo.get(to) ?? []), at]);
        open.add(callId);
        break;
      }
      case 'CallAttemptEnded':
      case 'CallRequestReleased':
      case 'CallCompleted':
        open.delete(data['callId'] as string);
        break;
      case 'MessageRequested': {
        const { channel, to, messageId, step } = data as {
          channel: 'sms' | 'email';
          to: string;
          messageId: string;
          step: string;
        };
        // A keyword's answer (the STOP confirmation, HELP) replies to the person who wrote: it is not outreach.
        if (step.startsWith('reply:')) break;
        if (consent.get(`${event.metadata.companyId}|${to.toLowerCase()}`)?.blocked[channel])
          problems.push(`message ${messageId} by ${channel} to ${to}: opted out`);
        break;
      }
      default:
        break;
    }
  }
  return problems;
};
