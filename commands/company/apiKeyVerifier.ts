import type { EventStore } from '../eventStore.ts';
import { companyStream, type CompanyEvent } from '../../domain/company/events.ts';
import { readStreamOf } from '../aggregateStream.ts';
import { parseApiKey, secretMatches } from './apiKeys.ts';

export type VerifiedCaller = { companyId: string; actor: string; keyId: string };

/**
 * Verifies a key against the company's own stream, the source of truth: a key works the moment it is
 * issued and stops the moment it is revoked, with no read model in between.
 */
export const apiKeyVerifier =
  (eventStore: EventStore) =>
  async (key: string): Promise<VerifiedCaller | undefined> => {
    const parsed = parseApiKey(key);
    if (!parsed) return undefined;
    let hash: string | undefined;
    for await (const event of readStreamOf<CompanyEvent>(eventStore, companyStream(parsed.companyId))) {
      if (event.type === 'ApiKeyIssued' && event.data.keyId === parsed.keyId) hash = event.data.secretHash;
      if (event.type === 'ApiKeyRevoked' && event.data.keyId === parsed.keyId) hash = undefined;
    }
    if (!hash || !secretMatches(parsed.secret, hash)) return undefined;
    return { companyId: parsed.companyId, actor: `api-key:${parsed.keyId}`, keyId: parsed.keyId };
  };
