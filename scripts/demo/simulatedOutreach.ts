import { newEntityId } from '../../adapters/clock/systemClock.ts';
import type { VirtualClock } from '../../adapters/clock/virtualClock.ts';
import type { EventStore } from '../../commands/eventStore.ts';
import type { ComplianceRules } from '../../domain/compliance/complianceRules.ts';
import { engineRegistry } from '../../domain/engineEvents.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import { outreachEngine } from '../engine/outreachEngine.ts';
import type { WebhookSenderOptions } from '../../adapters/webhooks/webhookSender.ts';

export type SimulatedOutreachOptions = {
  readonly eventStore: EventStore;
  readonly readStore: ReadStore;
  readonly clock: VirtualClock;
  readonly seed: number;
  readonly unsubscribeSecret: string;
  readonly waitForReadModels: (position: bigint) => Promise<unknown>;
  readonly log: { error(fields: object, message: string): void };
  readonly compliance?: ComplianceRules;
  /** The simulated carrier's placed-call log, for an engine that may be restarted. */
  readonly callLog?: string;
  /** How campaign webhooks are sent (which addresses they may reach). */
  readonly webhooks?: WebhookSenderOptions;
};

/** Outreach as the demo plays it: simulated carriers, whatever the configuration says, on a virtual clock. */
export const simulatedOutreach = (options: SimulatedOutreachOptions) =>
  outreachEngine({
    telephony: { carrier: 'simulated', smsFrom: '+13125550111' },
    email: { carrier: 'simulated' },
    publicUrl: 'http://127.0.0.1',
    eventStore: options.eventStore,
    readStore: options.readStore,
    registry: engineRegistry,
    scheduler: options.clock,
    newId: newEntityId,
    unsubscribeSecret: options.unsubscribeSecret,
    waitForReadModels: options.waitForReadModels,
    seed: options.seed,
    log: options.log,
    ...(options.compliance ? { compliance: options.compliance } : {}),
    ...(options.callLog ? { simulatedCallLog: options.callLog } : {}),
    ...(options.webhooks ? { webhooks: options.webhooks } : {}),
  });
