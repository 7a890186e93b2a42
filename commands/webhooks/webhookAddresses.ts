import ipaddr from 'ipaddr.js';
import type { ErrorDetail } from '../../domain/errors.ts';

/**
 * True for an address a webhook may reach: ordinary public unicast only. Private, loopback,
 * link-local, unspecified, carrier-grade NAT, unique-local, multicast, reserved and the IPv6 forms that
 * embed an IPv4 address (mapped, 6to4, Teredo, NAT64) are all refused; a mapped one is judged as the
 * IPv4 address it carries.
 */
export const isPublicAddress = (address: string): boolean => {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
};

/** The host of a URL without the brackets an IPv6 literal wears in it. */
export const hostOf = (url: URL): string => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** A host that names this machine whatever DNS says: `localhost` and any name under it (RFC 6761). */
const isLocalName = (host: string): boolean => /(^|\.)localhost\.?$/i.test(host);

/**
 * What is wrong with a webhook URL before any name is resolved: not http(s), credentials in it, or a
 * literal private address or `localhost` (unless private addresses are allowed). A name is judged
 * again after it resolves, at every delivery.
 */
export const webhookUrlProblems = (path: string, raw: string, allowPrivate: boolean): ErrorDetail[] => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return [{ path, message: 'expected an http(s) URL' }];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [{ path, message: 'expected an http(s) URL' }];
  if (url.username !== '' || url.password !== '')
    return [{ path, message: 'a webhook URL carries no user name or password; deliveries are signed instead' }];
  if (allowPrivate) return [];
  const host = hostOf(url);
  if (isLocalName(host) || (ipaddr.isValid(host) && !isPublicAddress(host)))
    return [
      {
        path,
        message: `${host} is a private, loopback or link-local address; webhooks go to public addresses only (WEBHOOK_ALLOW_PRIVATE=true allows them)`,
      },
    ];
  return [];
};
