/** The port webhook delivery sends through; adapters/webhooks implements it over HTTP. */

export type WebhookRequest = {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
};
/** What came back: a status, or an error in words (refused, timed out, connection failed), and how long it took. */
export type WebhookAnswer = { readonly statusCode?: number; readonly latencyMs: number; readonly error?: string };
/** Sends one webhook request; never throws, every failure is an answer. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookAnswer>;
