import type { NewEvent } from '../../domain/events/event.ts';
import type { RequestOrigin, WatchedEvent } from './outreachLogLine.ts';

/**
 * Who each recent call or message request was for, so the carrier's acknowledgement, which names only
 * our id, gets a line naming the campaign, contact and masked address. The oldest are forgotten past `cap`.
 */
export const requestOrigins = (cap = 10_000) => {
  const origins = new Map<string, RequestOrigin>();
  const keep = (id: string, origin: RequestOrigin) => {
    origins.set(id, origin);
    if (origins.size > cap) origins.delete(origins.keys().next().value as string);
  };
  return {
    /** Remembers a request; answers the origin the event's line and counts need, if any. */
    of: (event: Pick<NewEvent, 'type' | 'data'>): RequestOrigin | undefined => {
      const watched = event as unknown as WatchedEvent;
      switch (watched.type) {
        case 'CallRequested': {
          const { callId, campaignId, contactId, to, attempt } = watched.data;
          keep(callId, { campaignId, contactId, to, attempt });
          return undefined;
        }
        case 'MessageRequested': {
          const { messageId, campaignId, contactId, to, channel } = watched.data;
          keep(messageId, { campaignId, contactId, to, channel });
          return undefined;
        }
        case 'CallPlaced':
          return origins.get(watched.data.callId);
        case 'MessageSent':
        case 'MessageFailed':
          return origins.get(watched.data.messageId);
        default:
          return undefined;
      }
    },
  };
};
