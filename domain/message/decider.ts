import { assertNever, type Decider } from '../decider.ts';
import { IllegalStateError, NotFoundError } from '../errors.ts';
import type { MessageCommand } from './commands.ts';
import type { MessageEvent } from './events.ts';
import { isFinal, progressRank, type MessageState } from './state.ts';
import { named } from '../namedValue.ts';

type Requested = Extract<MessageState, { status: 'Requested' }>;

const initialState = (): MessageState => ({ status: 'Unrequested' });

const requested = (state: MessageState, messageId: string): Requested | undefined => {
  switch (state.status) {
    case 'Unrequested':
      throw new NotFoundError('MESSAGE.NOT_FOUND', `Message ${named(messageId)} was never requested.`);
    case 'Withheld':
      return undefined;
    case 'Requested':
      return state;
    default:
      return assertNever(state);
  }
};

const decide = (command: MessageCommand, state: MessageState): MessageEvent[] => {
  switch (command.type) {
    case 'RequestMessage':
    case 'WithholdMessage': {
      if (state.status !== 'Unrequested')
        throw new IllegalStateError(
          'MESSAGE.ALREADY_DECIDED',
          `Message ${named(command.data.messageId)} was already requested or withheld.`,
        );
      return command.type === 'RequestMessage'
        ? [{ type: 'MessageRequested', data: command.data }]
        : [{ type: 'MessageWithheld', data: command.data }];
    }
    case 'RecordMessageSent': {
      const message = requested(state, command.data.messageId);
      // A status report may have beaten our own record of the send; the send is still a fact worth keeping.
      if (message === undefined || message.sent) return [];
      return [{ type: 'MessageSent', data: command.data }];
    }
    case 'ApplyMessageStatusReport': {
      const message = requested(state, command.data.messageId);
      if (message === undefined || isFinal(message.progress)) return [];
      const { messageId, carrierMessageId, progress, reportedAt, errorCode } = command.data;
      if (progress === 'failed' || progress === 'undelivered')
        return [
          {
            type: 'MessageFailed',
            data: {
              messageId,
              reason: progress,
              at: reportedAt,
              carrierMessageId,
              ...(errorCode === undefined ? {} : { errorCode }),
            },
          },
        ];
      if (progressRank(progress) <= progressRank(message.progress)) return [];
      return [{ type: 'MessageStatusReported', data: { messageId, carrierMessageId, progress, reportedAt } }];
    }
    case 'RecordMessageFailure': {
      const message = requested(state, command.data.messageId);
      if (message === undefined || isFinal(message.progress)) return [];
      return [{ type: 'MessageFailed', data: command.data }];
    }
    default:
      return assertNever(command);
  }
};

const evolve = (state: MessageState, event: MessageEvent): MessageState => {
  switch (event.type) {
    case 'MessageRequested':
      return {
        status: 'Requested',
        messageId: event.data.messageId,
        channel: event.data.channel,
        sent: false,
        progress: 'requested',
      };
    case 'MessageWithheld':
      return { status: 'Withheld', messageId: event.data.messageId, reason: event.data.reason };
    case 'MessageSent':
      return state.status === 'Requested'
        ? { ...state, sent: true, carrierMessageId: event.data.carrierMessageId }
        : state;
    case 'MessageStatusReported':
      return state.status === 'Requested'
        ? {
            ...state,
            progress: event.data.progress,
            carrierMessageId: state.carrierMessageId ?? event.data.carrierMessageId,
          }
        : state;
    case 'MessageFailed':
      return state.status === 'Requested' ? { ...state, progress: 'failed' } : state;
    default:
      return assertNever(event);
  }
};

/** One outbound SMS or email: requested once, then sent, then whatever the carrier reports, in any order. */
export const messageDecider: Decider<MessageState, MessageCommand, MessageEvent> = { decide, evolve, initialState };
