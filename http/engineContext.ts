import type { EventStore } from '../commands/eventStore.ts';
import type { Scheduler } from '../commands/scheduler.ts';
import type { EventRegistry } from '../domain/events/eventRegistry.ts';
import type { ConsentRules } from '../domain/consent/consentRules.ts';
import type { ComplianceRules } from '../domain/compliance/complianceRules.ts';
import type { ReadStore } from '../projections/readStore.ts';
import type { Router } from 'express';
import type { RouteRegistry } from './routeRegistry.ts';

/** What every resource router is given by the composition root. */
export type EngineContext = {
  readonly eventStore: EventStore;
  readonly registry: EventRegistry;
  readonly readStore: ReadStore;
  readonly routes: RouteRegistry;
  /** The time commands happen at; tests pin it. */
  readonly clock: () => Date;
  /** Real time, for bounded waits within a request, whatever clock commands happen at. */
  readonly realTime: Scheduler;
  /** A new entity id (UUIDv7). */
  readonly newId: () => string;
  /** Resolves true once every read model has reached `position`, false after the bound. */
  readonly waitFor: (position: bigint, options?: { timeoutMs?: number }) => Promise<boolean>;
  /** The rule tables with configuration's overrides, built once at start: settings and launch check slots against its calling hours. */
  readonly compliance: ComplianceRules;
  /** `compliance.consent`, by the name the consent commands take it (the reopening period). */
  readonly consentRules: ConsentRules;
  /** Webhook URLs on private or loopback addresses are accepted (`WEBHOOK_ALLOW_PRIVATE`). */
  readonly allowPrivateWebhooks?: boolean;
};

/** A resource router: mounted at the root, documenting its routes in `ctx.routes`. */
export type ResourceRouter = (ctx: EngineContext) => Router;

/** Routes the platform admin token opens (creating companies), mounted before API-key checks. */
export type AdminRouter = (ctx: EngineContext, adminToken: string) => Router;
