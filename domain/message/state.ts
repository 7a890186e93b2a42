import type { MessageChannel } from './events.ts';

/** How far a message got; `delivered` and `failed` are final and later reports change nothing. */
export type MessageProgress = 'requested' | 'queued' | 'sent' | 'delivered' | 'failed';

const ranks: Record<MessageProgress, number> = { requested: 0, queued: 1, sent: 2, delivered: 3, failed: 3 };

export const progressRank = (progress: MessageProgress): number => ranks[progress];

export const isFinal = (progress: MessageProgress): boolean => progress === 'delivered' || progress === 'failed';

export type MessageState =
  | { readonly status: 'Unrequested' }
  | { readonly status: 'Withheld'; readonly messageId: string; readonly reason: string }
  | {
      readonly status: 'Requested';
      readonly messageId: string;
      readonly channel: MessageChannel;
      /** The carrier's id once it accepted the message (MessageSent), or once a report named it. */
      readonly carrierMessageId?: string;
      readonly sent: boolean;
      readonly progress: MessageProgress;
    };
