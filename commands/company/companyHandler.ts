import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import { companyDecider } from '../../domain/company/decider.ts';
import { commandHandler } from '../handleCommand.ts';
import type { EventStore } from '../eventStore.ts';

export type CompanyDeps = { readonly store: EventStore; readonly registry: EventRegistry };

/** Commands on a company stream, decided by the company decider. */
export const companyHandler = (deps: CompanyDeps) =>
  commandHandler({ store: deps.store, registry: deps.registry, decider: companyDecider });
