import { newApiKey } from '../../commands/company/apiKeys.ts';
import { eventId } from '../../commands/eventIds.ts';
import { companyStream } from '../../domain/company/events.ts';
import { newEntityId } from '../../adapters/clock/systemClock.ts';
import type { Api } from '../support/apiHarness.ts';

/** A company and its key: through the API when companies can be created there, else written straight to its stream. */
export const companyForTests = async (api: Api, name = 'Hartley & Vance LLP'): Promise<{ companyId: string; apiKey: string }> => {
  const probe = await api.call('POST', '/v1/companies', { key: 'admin-token-for-tests-0123456789', body: { name } });
  if (probe.status === 201) return { companyId: probe.body.company.id, apiKey: probe.body.apiKey };
  const companyId = newEntityId();
  const keyId = newEntityId();
  const { key, secretHash } = newApiKey(companyId, keyId);
  const commandId = newEntityId();
  const now = new Date();
  const metadata = { companyId, commandId, correlationId: commandId, causationId: commandId, actor: 'admin', occurredAt: now.toISOString(), schemaVersion: 1 };
  await api.stores.eventStore.append(
    companyStream(companyId),
    [
      { id: eventId(commandId, 0, now), type: 'CompanyCreated', data: { companyId, name }, metadata },
      { id: eventId(commandId, 1, now), type: 'ApiKeyIssued', data: { companyId, keyId, name: 'first', secretHash }, metadata },
    ],
    'no_stream',
  );
  return { companyId, apiKey: key };
};
