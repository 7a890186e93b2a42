import { SESClient, SendRawEmailCommand, type SESClientConfig } from '@aws-sdk/client-ses';
import type { Email, SendEmail } from '../../../commands/outreach/email.ts';
import { rawMessage } from './rawMessage.ts';

export type SesEmailOptions = {
  readonly region: string;
  /** An SES-compatible endpoint (SES_ENDPOINT); undefined means AWS's own. */
  readonly endpoint: string | undefined;
  /** The sender (SES_FROM) used when a message names none. */
  readonly from: string;
  /** Unset: the SDK's default chain (environment, profile, instance role). */
  readonly credentials?: SESClientConfig['credentials'];
};

/** The Email port on Amazon SES v1 SendRawEmail: one raw MIME message, so headers and attachments go as built. */
export const sesEmail = (options: SesEmailOptions): Email & { close(): void } => {
  const client = new SESClient({
    region: options.region,
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
  });
  return {
    async send(email: SendEmail) {
      const message = { ...email, from: email.from || options.from };
      const data = await rawMessage(message);
      const answer = await client.send(
        new SendRawEmailCommand({ Source: message.from, Destinations: [message.to], RawMessage: { Data: data } }),
      );
      if (!answer.MessageId) throw new Error('SES accepted the message without a MessageId');
      return { providerMessageId: answer.MessageId };
    },
    close: () => client.destroy(),
  };
};
