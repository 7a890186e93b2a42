import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import type { Recordings } from '../../../commands/outreach/recordings.ts';
import { rebaseUri } from './twilioApiUrl.ts';

export type TwilioRecordingsOptions = {
  readonly accountSid: string;
  readonly authToken: string;
  readonly apiUrl: string | undefined;
};

const TWILIO_API = 'https://api.twilio.com';

/**
 * Recordings of the configured account, fetched as MP3 with its credentials. The credentials go only
 * to the account's own recordings on the configured API: any other address is not ours to fetch.
 */
export const twilioRecordings = (options: TwilioRecordingsOptions): Recordings => {
  const api = options.apiUrl ?? TWILIO_API;
  const ownPath = new RegExp(`^/2010-04-01/Accounts/${options.accountSid}/Recordings/RE[0-9a-fA-F]{32}$`);
  const authorization = `Basic ${Buffer.from(`${options.accountSid}:${options.authToken}`).toString('base64')}`;
  return {
    async fetch(url) {
      let reported: URL;
      try {
        reported = new URL(url);
      } catch {
        return undefined;
      }
      const path = reported.pathname.replace(/\.(mp3|wav|json)$/, '');
      if (!ownPath.test(path)) return undefined;
      const response = await fetch(`${rebaseUri(`${TWILIO_API}${path}`, api)}.mp3`, { headers: { authorization } });
      if (response.status === 404) return undefined;
      if (!response.ok || !response.body) throw new Error(`the carrier answered ${response.status} for a recording`);
      const length = Number(response.headers.get('content-length'));
      return {
        contentType: response.headers.get('content-type') ?? 'audio/mpeg',
        body: Readable.fromWeb(response.body as ReadableStream<Uint8Array>),
        ...(Number.isFinite(length) && length > 0 ? { length } : {}),
      };
    },
  };
};
