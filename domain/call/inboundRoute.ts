import * as t from 'io-ts';
import { DateTime } from 'luxon';
import { RoutingMode, type Routing } from '../campaign/draft.ts';
import { assertNever } from '../decider.ts';
import { withinSlots } from '../outreach/withinSlots.ts';
import type { TimeSlot } from '../values.ts';

/** Who takes an inbound call: the AI, a person at the forwarding number, voicemail, or nobody (the number serves no campaign). */
export const InboundAction = t.keyof({ ai: null, transfer: null, voicemail: null, not_in_service: null });
export type InboundAction = t.TypeOf<typeof InboundAction>;

/** Why: the routing mode itself, the business hours it was judged by, or what the number lacks. */
export const InboundRouteReason = t.keyof({
  ai_only: null,
  transfer_mode: null,
  within_business_hours: null,
  after_hours: null,
  no_campaign: null,
  no_agent: null,
});
export type InboundRouteReason = t.TypeOf<typeof InboundRouteReason>;

/** A route the campaign asked for that could not be taken as asked. */
export const InboundFallback = t.keyof({ no_forwarding_number: null });

/** The route an inbound call took and the inputs of the decision, as the call's first event records them. */
export const InboundRoute = t.intersection([
  t.type({ action: InboundAction, reason: InboundRouteReason }),
  t.partial({
    mode: RoutingMode,
    /** The zone the business hours were read in (`routing.timezone`, else the company's) and the wall-clock time there. */
    timezone: t.string,
    localTime: t.string,
    /** Schedule-based routing only: whether the call came within business hours. */
    withinHours: t.boolean,
    forwardingNumber: t.string,
    fallback: InboundFallback,
  }),
]);
export type InboundRoute = t.TypeOf<typeof InboundRoute>;

export type InboundRouting = {
  readonly routing: Routing;
  /** The company's hours and zone as the campaign took them at launch; `routing.timezone` overrides the zone. */
  readonly businessHours: readonly TimeSlot[];
  readonly timezone: string;
  /** When the call came, epoch milliseconds. */
  readonly at: number;
  /** Whether the campaign's agent has a stream to connect a caller to: the AI cannot answer without one. */
  readonly agentHasStream: boolean;
};

type Asked = {
  readonly action: 'ai' | 'transfer' | 'voicemail';
  readonly reason: InboundRouteReason;
  readonly withinHours?: boolean;
};

const asked = (routing: Routing, within: boolean): Asked => {
  switch (routing.mode) {
    case 'ai_only':
      return { action: 'ai', reason: 'ai_only' };
    case 'transfer':
      return { action: 'transfer', reason: 'transfer_mode' };
    case 'schedule_based':
      // In hours the AI answers and after hours a message is taken, unless the campaign says otherwise.
      return within
        ? { action: routing.businessHours ?? 'ai', reason: 'within_business_hours', withinHours: true }
        : { action: routing.afterHours ?? 'voicemail', reason: 'after_hours', withinHours: false };
    default:
      return assertNever(routing.mode);
  }
};

/** A number no launched campaign answers on: the caller is told so, and why is kept. */
export const notInServiceRoute = (reason: 'no_campaign' | 'no_agent'): InboundRoute => ({
  action: 'not_in_service',
  reason,
});

/** The route the campaign asks for; a transfer with no forwarding number falls back to the AI rather than drop the caller. */
const routeAsked = (input: InboundRouting): InboundRoute => {
  const { routing } = input;
  const timezone = routing.timezone ?? input.timezone;
  const local = DateTime.fromMillis(input.at, { zone: timezone });
  const decided = asked(routing, withinSlots(input.businessHours, local));
  const audit = {
    mode: routing.mode,
    timezone,
    localTime: local.toISO() ?? 'invalid',
    ...(decided.withinHours !== undefined ? { withinHours: decided.withinHours } : {}),
  };
  if (decided.action !== 'transfer') return { action: decided.action, reason: decided.reason, ...audit };
  if (!routing.forwardingNumber)
    return { action: 'ai', reason: decided.reason, ...audit, fallback: 'no_forwarding_number' };
  return { action: 'transfer', reason: decided.reason, ...audit, forwardingNumber: routing.forwardingNumber };
};

/** Where an inbound call goes and why; an AI with no stream to connect to leaves the number not in service, the route's inputs kept. */
export const inboundRoute = (input: InboundRouting): InboundRoute => {
  const route = routeAsked(input);
  // Only the AI needs the agent's stream; a message or a transfer is taken without it.
  if (route.action !== 'ai' || input.agentHasStream) return route;
  const { action: _action, reason: _reason, ...inputs } = route;
  return { ...notInServiceRoute('no_agent'), ...inputs };
};
