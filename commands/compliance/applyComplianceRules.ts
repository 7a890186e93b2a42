import { createHash } from 'node:crypto';
import type { ComplianceOverrides } from '../../domain/compliance/complianceRules.ts';
import { appliedRulesDecider, complianceRulesStream } from '../../domain/compliance/appliedRules.ts';
import { acknowledgedWidenings } from '../../domain/compliance/legalFloor.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler } from '../handleCommand.ts';

/** JSON with its keys sorted, so the same rules always print (and hash) the same. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );

export type AppliedRules = {
  readonly widerThanShipped: readonly { path: string; what: string; reason: string }[];
  /** Whether this start recorded them (false: the same rules as the last record). */
  readonly recorded: boolean;
};

/** Records the rules a start runs with on the platform stream, unless they are the ones last recorded. */
export const applyComplianceRules = async (
  deps: { store: EventStore; registry: EventRegistry },
  overrides: ComplianceOverrides,
  now: Date,
): Promise<AppliedRules> => {
  const text = canonical(overrides);
  const fingerprint = createHash('sha256').update(text).digest('hex');
  const widerThanShipped = acknowledgedWidenings(overrides.callingHours);
  const handle = commandHandler({ store: deps.store, registry: deps.registry, decider: appliedRulesDecider });
  const result = await handle(
    complianceRulesStream,
    { type: 'ApplyComplianceRules', data: { overrides: text, widerThanShipped, fingerprint, at: now.toISOString() } },
    {
      commandId: `compliance-rules-${fingerprint}-${now.getTime()}`,
      companyId: 'platform',
      actor: 'configuration',
      now,
    },
  );
  return { widerThanShipped, recorded: result.newEvents.length > 0 };
};
