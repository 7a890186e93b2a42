import { eventRegistry, type EventDefinition } from './events/eventRegistry.ts';
import { companyEventDefinitions } from './company/events.ts';
import { listEventDefinitions } from './list/events.ts';
import { formEventDefinitions } from './form/events.ts';
import { agentEventDefinitions } from './agent/events.ts';
import { idempotencyEventDefinitions } from './idempotency/events.ts';
import { campaignEventDefinitions } from './campaign/events.ts';
import { consentEventDefinitions } from './consent/events.ts';
import { enrollmentEventDefinitions } from './enrollment/events.ts';
import { callEventDefinitions } from './call/events.ts';
import { messageEventDefinitions } from './message/events.ts';
import { workflowEventDefinitions } from './workflow/events.ts';
import { conversationEventDefinitions } from './conversation/events.ts';
import { unroutedTextEventDefinitions } from './consent/unroutedTexts.ts';
import { appliedRulesEventDefinitions } from './compliance/appliedRules.ts';
import { scheduledReportEventDefinitions } from './scheduledReport/events.ts';
import { mobileAppEventDefinitions } from './mobileApp/events.ts';
import { caseEventDefinitions } from './case/events.ts';
import { webhookEventDefinitions } from './webhook/events.ts';

/** Every event type the engine writes; each consistency boundary lists its own definitions here. */
export const engineEventDefinitions: readonly EventDefinition[] = [
  ...companyEventDefinitions,
  ...listEventDefinitions,
  ...formEventDefinitions,
  ...agentEventDefinitions,
  ...idempotencyEventDefinitions,
  ...campaignEventDefinitions,
  ...consentEventDefinitions,
  ...enrollmentEventDefinitions,
  ...callEventDefinitions,
  ...messageEventDefinitions,
  ...workflowEventDefinitions,
  ...conversationEventDefinitions,
  ...unroutedTextEventDefinitions,
  ...appliedRulesEventDefinitions,
  ...scheduledReportEventDefinitions,
  ...mobileAppEventDefinitions,
  ...caseEventDefinitions,
  ...webhookEventDefinitions,
];

export const engineRegistry = eventRegistry(engineEventDefinitions);
