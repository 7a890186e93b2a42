import type { MessageEvent } from '../../domain/message/events.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const SENT_TEXTS = 'sent_texts';

/** One text a company asked the carrier to send, by the number it went to and when. */
export type SentText = Doc & { messageId: string; to: string; requestedAt: string };

type Fed = Extract<MessageEvent, { type: 'MessageRequested' }>;

/**
 * The texts sent to each number, across the company's campaigns, for the frequency caps that count
 * texts as well as calls. A text counts from its request, as a call does: whether the carrier then
 * delivered it does not undo the attempt.
 */
export const sentTextsProjection = projectionOf<Fed>({
  name: 'sent_texts',
  version: 1,
  collections: [
    {
      name: SENT_TEXTS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['to', 1],
            ['requestedAt', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    MessageRequested: (event) => {
      if (event.data.channel !== 'sms') return [];
      const { messageId, to, requestedAt } = event.data;
      const doc: SentText = { _id: messageId, companyId: event.metadata.companyId, messageId, to, requestedAt };
      return [{ collection: SENT_TEXTS, id: messageId, creates: true, apply: (current) => current ?? doc }];
    },
  },
});
