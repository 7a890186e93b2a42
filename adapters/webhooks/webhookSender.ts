import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { hostOf, isPublicAddress } from '../../commands/webhooks/webhookAddresses.ts';
import type { WebhookAnswer, WebhookSender } from '../../schedulers/webhookSender.ts';

export type ResolvedAddress = { readonly address: string; readonly family: number };
/** Every address a name resolves to. */
export type ResolveHost = (host: string) => Promise<readonly ResolvedAddress[]>;

export type WebhookSenderOptions = {
  /** The whole request, from resolving the name to the answer's status line (10 s). */
  readonly timeoutMs?: number;
  /** Private, loopback and link-local addresses may be reached (`WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivate?: boolean;
  readonly resolve?: ResolveHost;
};

const systemResolve: ResolveHost = (host) => dnsLookup(host, { all: true, verbatim: true });

const describe = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
};

/**
 * POSTs webhooks over HTTP(S). The name is resolved first and every address it has is checked; the
 * connection then goes to the checked address itself (the request's `lookup` answers it), so a name
 * that resolves elsewhere a moment later (DNS rebinding) cannot steer it. Redirects are not followed.
 */
export const httpWebhookSender = (options: WebhookSenderOptions = {}): WebhookSender => {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const resolve = options.resolve ?? systemResolve;
  return async ({ url, headers, body }) => {
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const target = URL.canParse(url) ? new URL(url) : undefined;
    if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:'))
      return { latencyMs: 0, error: 'refused: not an http(s) URL' };
    const host = hostOf(target);
    const deadline = AbortSignal.timeout(timeoutMs);
    let addresses: readonly ResolvedAddress[];
    try {
      addresses = isIP(host)
        ? [{ address: host, family: isIP(host) }]
        : await Promise.race([
            resolve(host),
            new Promise<never>((_, reject) =>
              deadline.addEventListener('abort', () => reject(new Error(`resolving ${host} timed out`))),
            ),
          ]);
    } catch (error) {
      return { latencyMs: latency(), error: `could not resolve ${host}: ${describe(error)}` };
    }
    const first = addresses[0];
    if (!first) return { latencyMs: latency(), error: `could not resolve ${host}: no address` };
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused && !options.allowPrivate)
      return {
        latencyMs: latency(),
        error: `refused: ${host} resolves to ${refused.address}, a private, loopback or link-local address`,
      };
    const checked: LookupFunction = (_name, lookupOptions, callback) => {
      if ((lookupOptions as { all?: boolean }).all)
        (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, [first]);
      else callback(null, first.address, first.family);
    };
    return new Promise<WebhookAnswer>((answer) => {
      const request = (target.protocol === 'https:' ? https : http).request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: checked,
          agent: false,
          signal: deadline,
        },
        (response) => {
          // The status is the answer; a body a receiver keeps sending is not read.
          answer({ statusCode: response.statusCode ?? 0, latencyMs: latency() });
          response.destroy();
        },
      );
      request.on('error', (error) =>
        answer({ latencyMs: latency(), error: deadline.aborted ? `timed out after ${timeoutMs} ms` : describe(error) }),
      );
      request.end(body);
    });
  };
};
