import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import type { SendEmail } from '../../../commands/outreach/email.ts';

/** RFC 8058: a List-Unsubscribe https link is one-click only when this header says so. */
const oneClick = 'List-Unsubscribe=One-Click';

/** Our id of the message, so bounces and complaints can be traced back to it. */
export const messageIdHeader = 'X-Outreach-Message-Id';

/**
 * The email as one raw MIME message (text and html alternatives, attachments, our headers),
 * built by nodemailer's composer so encoding and line folding follow the RFCs.
 */
export const rawMessage = async (email: SendEmail): Promise<Buffer> => {
  const composer = new MailComposer({
    from: email.from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    ...(email.html === undefined ? {} : { html: email.html }),
    headers: { ...withOneClick(email.headers), [messageIdHeader]: email.messageId },
    attachments: (email.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      content: a.content,
    })),
  });
  return composer.compile().build();
};

/** An https List-Unsubscribe link without its Post header would make mailbox providers open a page instead. */
const withOneClick = (headers: Readonly<Record<string, string>>): Record<string, string> => {
  const entries = Object.entries(headers);
  const find = (name: string) => entries.find(([key]) => key.toLowerCase() === name.toLowerCase());
  const unsubscribe = find('List-Unsubscribe');
  if (!unsubscribe || find('List-Unsubscribe-Post') || !/<https:\/\//i.test(unsubscribe[1])) return { ...headers };
  return { ...headers, 'List-Unsubscribe-Post': oneClick };
};
