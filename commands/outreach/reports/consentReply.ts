import { createHash, randomUUID } from 'node:crypto';
import { EngineError } from '../../../domain/errors.ts';
import { uuidV7Layout } from '../../eventIds.ts';
import type { MessageCommands } from '../../messages/messageCommands.ts';
import type { Telephony } from '../telephony.ts';

export type ConsentReply = {
  readonly companyId: string;
  readonly campaignId?: string;
  readonly contactId?: string;
  /** The inbound text answered; one reply per inbound text, however often the carrier delivers it. */
  readonly answering: { readonly carrierMessageId: string; readonly receivedAt: string };
  readonly kind: string;
  readonly to: string;
  readonly from: string;
  readonly body: string;
};

/** The reply's message id: the same for every delivery of the inbound text, so its stream starts once. */
export const replyMessageId = (carrierMessageId: string, receivedAt: string): string =>
  uuidV7Layout(Date.parse(receivedAt) || 0, createHash('sha256').update(`reply\u0000${carrierMessageId}`).digest());

export type ReplyOutcome = 'sent' | 'failed' | 'already_handled';

/**
 * Sends a help text or an opt-out confirmation as a message of its own (requested on its stream, then
 * sent, then its carrier id or failure recorded), so it is audited as every other text is.
 */
export const sendConsentReply = async (
  deps: {
    readonly messages: MessageCommands;
    readonly telephony: Telephony;
    readonly statusCallbackUrl: (messageId: string) => string;
  },
  reply: ConsentReply,
  now: Date,
): Promise<ReplyOutcome> => {
  const messageId = replyMessageId(reply.answering.carrierMessageId, reply.answering.receivedAt);
  const context = { companyId: reply.companyId, now, actor: 'consent-reply' };
  try {
    await deps.messages.run(
      {
        type: 'RequestMessage',
        data: {
          messageId,
          campaignId: reply.campaignId ?? '',
          contactId: reply.contactId ?? '',
          channel: 'sms',
          step: `reply:${reply.kind}`,
          to: reply.to,
          from: reply.from,
          body: reply.body,
          requestedAt: now.toISOString(),
        },
      },
      // A fresh claim: a second delivery must meet the stream already started, not repeat the first command.
      `reply-claim/${randomUUID()}`,
      context,
    );
  } catch (error) {
    if (error instanceof EngineError && error.code === 'MESSAGE.ALREADY_DECIDED') return 'already_handled';
    throw error;
  }
  try {
    const { carrierMessageId } = await deps.telephony.sendSms({
      messageId,
      to: reply.to,
      from: reply.from,
      body: reply.body,
      statusCallbackUrl: deps.statusCallbackUrl(messageId),
    });
    await deps.messages.run(
      { type: 'RecordMessageSent', data: { messageId, carrierMessageId, sentAt: now.toISOString() } },
      `sent/${messageId}`,
      context,
    );
    return 'sent';
  } catch (error) {
    const reason = `carrier refused: ${error instanceof Error ? error.name : 'unknown error'}`;
    await deps.messages.run(
      { type: 'RecordMessageFailure', data: { messageId, reason, at: now.toISOString() } },
      `failed/${messageId}`,
      context,
    );
    return 'failed';
  }
};
