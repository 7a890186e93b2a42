import type { Logger } from 'pino';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { createLogger } from '../../http/logging.ts';
import type { RunningServer } from '../../http/server.ts';
import { listenWatched } from './problemMessages.ts';
import { engineApp, type EngineApp } from '../../scripts/engine/engineApp.ts';
import { distantEventStore } from './distantEventStore.ts';
import { tempStores } from './tempStores.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import { httpWebhookSender, type WebhookSenderOptions } from '../../adapters/webhooks/webhookSender.ts';
import { systemScheduler } from '../../adapters/clock/scheduler.ts';
import { newEntityId } from '../../adapters/clock/systemClock.ts';
import { webhookDelivery, type WebhookDelivery } from '../../schedulers/webhookDelivery.ts';

export const ADMIN_TOKEN = 'admin-token-for-tests-0123456789';

export type CallOptions = {
  /** An API key, or `ADMIN_TOKEN`; sent as `Authorization: Bearer`. */
  readonly key?: string;
  /** JSON-encoded unless it is a string (sent as it is). */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
};

export type Answer<B = any> = { status: number; body: B; headers: Headers; text: string };

/** The whole engine on temporary embedded stores, listening on 127.0.0.1, with a small HTTP client. */
export const startApi = async (
  options: {
    clock?: () => Date;
    jsonBytes?: number;
    storeRoundTripMs?: number;
    logger?: Logger;
    compliance?: ComplianceRules;
    webhooks?: WebhookSenderOptions;
    /** The embedded store's append limit (default 1 MiB, as configured by default). */
    maxAppendBytes?: number;
    /** The store as the engine writes through it, e.g. one that stops midway. */
    eventStoreSeen?: (store: EventStore) => EventStore;
  } = {},
) => {
  const stores = tempStores(engineRegistry, options.maxAppendBytes ? { maxAppendBytes: options.maxAppendBytes } : {});
  const seen = (store: EventStore): EventStore => (options.eventStoreSeen ? options.eventStoreSeen(store) : store);
  let engine: EngineApp | undefined;
  let server: RunningServer | undefined;
  let webhooks: WebhookDelivery | undefined;
  const boot = async () => {
    // Campaign webhooks, stepped by the test with `tick()`; the engine's routes retry through them.
    webhooks = options.webhooks
      ? webhookDelivery({
          eventStore: stores.eventStore,
          registry: engineRegistry,
          readStore: stores.readStore,
          clock: systemScheduler(() => {}),
          send: httpWebhookSender(options.webhooks),
          newId: newEntityId,
          waitForReadModels: (position) => engine!.runner.waitFor(position, { timeoutMs: 10_000 }),
        })
      : undefined;
    engine = await engineApp({
      ...(webhooks
        ? { webhookRetry: webhooks.retry, allowPrivateWebhooks: options.webhooks?.allowPrivate === true }
        : {}),
      eventStore: seen(
        options.storeRoundTripMs ? distantEventStore(stores.eventStore, options.storeRoundTripMs) : stores.eventStore,
      ),
      readStore: stores.readStore,
      logger: options.logger ?? createLogger({ level: 'silent' }),
      adminToken: ADMIN_TOKEN,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.jsonBytes ? { limits: { jsonBytes: options.jsonBytes } } : {}),
      ...(options.compliance ? { compliance: options.compliance } : {}),
    });
    server = await listenWatched(engine.app);
  };
  await boot();

  const call = async <B = any>(
    method: string,
    path: string,
    { key, body, headers = {} }: CallOptions = {},
  ): Promise<Answer<B>> => {
    const sent: Record<string, string> = { ...headers };
    if (key) sent['authorization'] = `Bearer ${key}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      sent['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${server!.url}${path}`, {
      method,
      headers: sent,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as B, headers: response.headers, text };
  };

  /** A new company and its first API key, made with the platform admin token. */
  const createCompany = async (
    name = 'Hartley & Vance LLP',
  ): Promise<{ companyId: string; apiKey: string; position: string }> => {
    const answer = await call('POST', '/v1/companies', { key: ADMIN_TOKEN, body: { name } });
    if (answer.status !== 201) throw new Error(`creating a company answered ${answer.status}: ${answer.text}`);
    return { companyId: answer.body.company.id, apiKey: answer.body.apiKey, position: answer.body.position };
  };

  /** The head position, used both as a position and as the count of events: only the embedded store, whose rowids have no gaps, makes them one. A refused request must not change it. */
  const eventCount = async (): Promise<bigint> => stores.eventStore.headPosition();

  const stop = async () => {
    await server?.close(100);
    await engine?.runner.stop();
  };

  return {
    get url() {
      return server!.url;
    },
    get engine() {
      return engine!;
    },
    /** Campaign webhook delivery, when `webhooks` was given. */
    get webhooks() {
      return webhooks!;
    },
    stores,
    call,
    createCompany,
    eventCount,
    /** Stops and starts the engine on the same files, as a restarted process would. */
    restart: async () => {
      await stop();
      await stores.reopen();
      await boot();
    },
    close: async () => {
      await stop();
      await stores.dispose();
    },
  };
};

export type Api = Awaited<ReturnType<typeof startApi>>;
