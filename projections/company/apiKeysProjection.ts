import type { CompanyEvent } from '../../domain/company/events.ts';
import { projectionOf } from '../projection.ts';
import type { Doc } from '../readStore.ts';

export const API_KEYS = 'apiKeys';

/** A key as its company may list it: never its secret, nor the secret's hash. */
export type ApiKeyDoc = Doc & {
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
};

type Fed = Extract<CompanyEvent, { type: 'ApiKeyIssued' | 'ApiKeyRevoked' }>;

/** One document per API key, keyed by the key id (UUIDv7, so keyset pages run oldest first). */
export const apiKeysProjection = projectionOf<Fed>({
  name: 'apiKeys',
  version: 1,
  collections: [
    {
      name: API_KEYS,
      indexes: [
        {
          fields: [
            ['companyId', 1],
            ['_id', 1],
          ],
        },
      ],
    },
  ],
  handlers: {
    ApiKeyIssued: (event) => {
      const { companyId, occurredAt, actor } = event.metadata;
      const doc: ApiKeyDoc = {
        _id: event.data.keyId,
        companyId,
        name: event.data.name,
        createdAt: occurredAt,
        createdBy: actor,
        revokedAt: null,
        revokedBy: null,
      };
      return [{ collection: API_KEYS, id: event.data.keyId, apply: () => doc }];
    },
    ApiKeyRevoked: (event) => {
      const { occurredAt, actor } = event.metadata;
      return [
        {
          collection: API_KEYS,
          id: event.data.keyId,
          apply: (current) => (current ? { ...current, revokedAt: occurredAt, revokedBy: actor } : null),
        },
      ];
    },
  },
});
