import { messageStream } from '../../../domain/message/events.ts';
import { NotFoundError } from '../../../domain/errors.ts';
import type { EventStore } from '../../eventStore.ts';
import { named } from '../../../domain/namedValue.ts';

/** The company a message belongs to: the one its stream was started for (messages are requested before they are sent). */
export const messageCompanyOf = async (eventStore: EventStore, messageId: string): Promise<string> => {
  for await (const event of eventStore.readStream(messageStream(messageId))) return event.metadata.companyId;
  throw new NotFoundError('MESSAGE.NOT_FOUND', `No message ${named(messageId)}.`);
};
