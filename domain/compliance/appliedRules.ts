import * as t from 'io-ts';
import type { Command, Decider } from '../decider.ts';
import { eventDefinitions, type EventsOf } from '../events/eventCodecs.ts';

/**
 * The compliance rules each start runs with, on the platform stream `compliance-rules`: what
 * configuration overrode, and every acknowledged widening with its reason, so an auditor can see when
 * the engine ran wider than the shipped rules and why. Recorded only when the rules change, so
 * restarts on the same rules add nothing.
 */

export const complianceRulesStream = 'compliance-rules';

const AcknowledgedWidening = t.type({ path: t.string, what: t.string, reason: t.string });

export const appliedRulesEvents = {
  /** `overrides` is configuration's JSON as text, so the record outlives any change to the overrides' shape. */
  ComplianceRulesApplied: t.type({
    overrides: t.string,
    widerThanShipped: t.array(AcknowledgedWidening),
    fingerprint: t.string,
    at: t.string,
  }),
};

export type AppliedRulesEvent = EventsOf<typeof appliedRulesEvents>;
export const appliedRulesEventDefinitions = eventDefinitions(appliedRulesEvents);

export type ApplyComplianceRules = Command<'ApplyComplianceRules', AppliedRulesEvent['data']>;

export type AppliedRulesState = { readonly fingerprint: string | undefined };

export const appliedRulesDecider: Decider<AppliedRulesState, ApplyComplianceRules, AppliedRulesEvent> = {
  initialState: () => ({ fingerprint: undefined }),
  decide: (command, state) =>
    command.data.fingerprint === state.fingerprint ? [] : [{ type: 'ComplianceRulesApplied', data: command.data }],
  evolve: (_state, event) => ({ fingerprint: event.data.fingerprint }),
};
