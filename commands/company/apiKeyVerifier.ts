import type { EventStore } from '../eventStore.ts';
import { companyStream } from '../../domain/company/events.ts';
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
    for await (const event of eventStore.readStream(companyStream(parsed.companyId))) {
      const data = event.data as { keyId?: string; secretHash?: string };
      if (data.keyId !== parsed.keyId) continue;
      if (event.type === 'ApiKeyIssued') hash = data.secretHash;
      if (event.type === 'ApiKeyRevoked') hash = undefined;
    }
    if (!hash || !secretMatches(parsed.secret, hash)) return undefined;
    return { companyId: parsed.companyId, actor: `api-key:${parsed.keyId}`, keyId: parsed.keyId };
  };
