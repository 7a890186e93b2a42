import { eventRegistry, type EventDefinition } from './events/eventRegistry.ts';

/** Every event type the engine writes; each consistency boundary lists its own definitions here. */
export const engineEventDefinitions: readonly EventDefinition[] = [];

export const engineRegistry = eventRegistry(engineEventDefinitions);
