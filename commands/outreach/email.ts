/** What the engine asks of an email service (Amazon SES, an SES-compatible endpoint, or the simulated one). */

export type EmailAttachment = { readonly filename: string; readonly contentType: string; readonly content: Buffer };

export type SendEmail = {
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
  /** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  readonly headers: Readonly<Record<string, string>>;
  readonly attachments?: readonly EmailAttachment[];
};

export interface Email {
  send(email: SendEmail): Promise<{ providerMessageId: string }>;
}
