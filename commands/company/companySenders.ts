import type { EventStore } from '../eventStore.ts';
import { loadCompany } from './loadCompany.ts';

/** Who a company's messages are from: its name, and the postal address its email prints (none until set). */
export type CompanySender = { readonly name: string; readonly postalAddress?: string };

/** A changed address reaches the next email within this long, without reading the company stream for every message. */
const FRESH_MS = 60_000;
const MAX_REMEMBERED = 10_000;

/** The sender of each company, read from its stream and remembered for a minute. */
export const companySenders = (eventStore: EventStore) => {
  const remembered = new Map<string, { sender: CompanySender; readAt: number }>();
  return async (companyId: string, now: Date): Promise<CompanySender> => {
    const known = remembered.get(companyId);
    if (known && now.getTime() - known.readAt < FRESH_MS && now.getTime() >= known.readAt) return known.sender;
    const company = await loadCompany(eventStore, companyId);
    const sender: CompanySender =
      company.status === 'Active'
        ? {
            name: company.name,
            ...(company.postalAddress !== undefined ? { postalAddress: company.postalAddress } : {}),
          }
        : { name: '' };
    if (remembered.size >= MAX_REMEMBERED && !remembered.has(companyId)) remembered.clear();
    remembered.set(companyId, { sender, readAt: now.getTime() });
    return sender;
  };
};
