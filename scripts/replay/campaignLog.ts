import type { EventStore } from '../../commands/eventStore.ts';
import { within, type AsOf } from '../../commands/campaigns/readCampaign.ts';
import { campaignStream } from '../../domain/campaign/events.ts';
import { callStream } from '../../domain/call/events.ts';
import { caseStream } from '../../domain/case/events.ts';
import { consentAddress } from '../../domain/consent/address.ts';
import { consentStream } from '../../domain/consent/events.ts';
import { conversationStream } from '../../domain/conversation/events.ts';
import { enrollmentStream } from '../../domain/enrollment/events.ts';
import type { RecordedEvent } from '../../domain/events/event.ts';
import { messageStream } from '../../domain/message/events.ts';
import { mobileAppStream } from '../../domain/mobileApp/events.ts';
import { workflowStream } from '../../domain/workflow/events.ts';
import { replyMessageId } from '../../commands/outreach/reports/consentReply.ts';

type Data = Record<string, any>;

/** What the campaign's own stream says: whose it is, and whom it enrolled. */
/** The ids of the inbound calls recorded for the campaign, from wherever they are indexed. */
export type InboundCallIds = (companyId: string, campaignId: string) => Promise<readonly string[]>;

type Enrolled = {
  readonly contactId: string;
  readonly caseId: string;
  readonly phone: string;
  readonly email?: string;
};

/**
 * Every event of one campaign, in global order, up to `asOf`, read stream by stream rather than
 * from the whole log: the campaign's stream, then for each contact it enrolled the enrollment and
 * workflow streams, the call and message streams those name, the texts the contact sent about this
 * campaign (and the engine's replies to them), the client's mobile app stream, the case fields this campaign's answers wrote, and the consent streams of the contact's addresses
 * (an opt-out heard anywhere decides what this campaign may do), then the streams of the inbound
 * calls `inboundCalls` names (no stream of the campaign points to them). Answers undefined for an
 * unknown campaign. Holds one line per event in memory, then sorts them by position.
 */
export const campaignLog = async <Line>(
  eventStore: EventStore,
  campaignId: string,
  asOf: AsOf | undefined,
  toLine: (event: RecordedEvent) => Line,
  inboundCalls: InboundCallIds = async () => [],
) => {
  const lines: { position: bigint; line: Line }[] = [];
  const keep = (event: RecordedEvent) => lines.push({ position: event.position, line: toLine(event) });
  const seen = new Set<string>();
  const read = async (
    stream: string,
    wanted: (event: RecordedEvent) => boolean = () => true,
  ): Promise<RecordedEvent[]> => {
    const kept: RecordedEvent[] = [];
    // Contacts of one case may share a phone or an email: each stream is printed once.
    if (seen.has(stream)) return kept;
    seen.add(stream);
    for await (const event of eventStore.readStream(stream)) {
      // A stream's revisions are in position order, and times follow commands: the first event past the point ends it.
      if (!within(event, asOf)) break;
      if (!wanted(event)) continue;
      keep(event);
      kept.push(event);
    }
    return kept;
  };

  const campaign = await read(campaignStream(campaignId));
  const companyId = campaign[0]?.metadata.companyId;
  if (companyId === undefined) return undefined;
  const contacts: Enrolled[] = campaign
    .filter((e) => e.type === 'ContactsEnrolled')
    .flatMap((e) => (e.data as Data)['contacts'] as Enrolled[]);
  const ofThisCampaign = (event: RecordedEvent) => (event.data as Data)['campaignId'] === campaignId;
  const listId = (campaign.find((e) => e.type === 'CampaignLaunched')?.data as Data | undefined)?.['list']?.[
    'listId'
  ] as string | undefined;
  const writtenByThisCampaign = (event: RecordedEvent) => (event.data as Data)['source']?.['campaignId'] === campaignId;

  for (const contact of contacts) {
    const enrollment = await read(enrollmentStream(campaignId, contact.contactId));
    const workflow = await read(workflowStream(campaignId, contact.contactId));
    for (const callId of new Set(
      enrollment.filter((e) => e.type === 'CallRequested').map((e) => (e.data as Data)['callId'] as string),
    ))
      await read(callStream(callId));
    const messageIds = new Set(
      workflow.flatMap((e) => ((e.data as Data)['steps'] as Data[]).map((s) => s['messageId'] as string)),
    );
    const addresses = [contact.phone, ...(contact.email ? [contact.email] : [])].map(
      (raw) => consentAddress(raw).value,
    );
    const texts = await read(conversationStream(companyId, addresses[0]!), ofThisCampaign);
    for (const text of texts)
      messageIds.add(replyMessageId((text.data as Data)['carrierMessageId'], (text.data as Data)['receivedAt']));
    for (const messageId of messageIds) await read(messageStream(messageId));
    for (const address of addresses) await read(consentStream(companyId, address));
    await read(mobileAppStream(campaignId, contact.contactId));
    // The case fields this campaign's answers wrote; contacts of one case share the stream, read once.
    if (listId) await read(caseStream(listId, contact.caseId), writtenByThisCampaign);
  }
  for (const callId of await inboundCalls(companyId, campaignId)) await read(callStream(callId));
  return lines
    .sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0))
    .map((entry) => entry.line);
};
