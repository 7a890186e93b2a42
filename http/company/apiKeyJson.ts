import type { Doc } from '../../projections/readStore.ts';

/** A key as clients see it: named fields only, so no secret or hash can ever slip through. */
export const apiKeyJson = (doc: Doc) => ({
  id: doc._id,
  name: doc['name'],
  status: doc['revokedAt'] ? 'revoked' : 'active',
  createdAt: doc['createdAt'],
  createdBy: doc['createdBy'],
  revokedAt: doc['revokedAt'] ?? null,
  revokedBy: doc['revokedBy'] ?? null,
});
