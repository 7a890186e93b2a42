import { aggregateStream } from '../aggregateStream.ts';
import { consentAddress } from '../../domain/consent/address.ts';
import type { EventRegistry } from '../../domain/events/eventRegistry.ts';
import {
  isRevocation,
  UNROUTED_SCOPE,
  unroutedTextsDecider,
  unroutedTextStream,
  type UnroutedText,
} from '../../domain/consent/unroutedTexts.ts';
import { numberCompaniesOf } from '../outreach/reports/numberCampaign.ts';
import type { ReadStore } from '../../projections/readStore.ts';
import type { EventStore } from '../eventStore.ts';
import { commandHandler, type CommandWriter } from '../handleCommand.ts';
import { consentCommands } from './consentCommands.ts';

export type UnroutedTextDeps = CommandWriter & {
  readonly readStore: ReadStore;
  /** Numbers every company sends from (the engine's texting number): a revocation sent to one binds them all. */
  readonly sharedNumbers: readonly string[];
};

/** Records a text no company could be found for, on its sender's stream; a repeated delivery records nothing. */
export const recordUnroutedText = (eventStore: EventStore, registry: EventRegistry) => {
  const handle = commandHandler({ store: eventStore, registry, decider: unroutedTextsDecider });
  return (text: UnroutedText, now: Date) =>
    handle(
      unroutedTextStream(text.from),
      { type: 'RecordUnroutedText', data: text },
      { commandId: `inbound-unrouted/${text.carrierMessageId}`, companyId: UNROUTED_SCOPE, actor: 'contact', now },
    );
};

/** The unrouted texts from one phone number, read from their stream itself. */
export const unroutedTextsFrom = async (eventStore: EventStore, from: string): Promise<readonly UnroutedText[]> => {
  const { state } = await aggregateStream(eventStore, unroutedTextsDecider, unroutedTextStream(from));
  return state.texts;
};

/**
 * Honours, for one company, the revocations a phone number sent before any company could be found
 * for them: each one sent to a number the company reaches people from (the shared texting number,
 * or a caller number of one of its agents) is recorded on the company's consent stream, at the time
 * the person sent it. Answers how many opt-outs it recorded; a second pass records nothing.
 */
export const honourUnroutedRevocations = (deps: UnroutedTextDeps) => {
  const consent = consentCommands(deps);
  const usesNumber = async (companyId: string, number: string): Promise<boolean> =>
    deps.sharedNumbers.includes(number) || (await numberCompaniesOf(deps.readStore, number)).includes(companyId);

  return async (companyId: string, rawAddress: string, now: Date): Promise<number> => {
    const address = consentAddress(rawAddress);
    if (address.kind !== 'phone') return 0;
    let recorded = 0;
    for (const text of await unroutedTextsFrom(deps.eventStore, address.value)) {
      if (!isRevocation(text.intent) || !(await usesNumber(companyId, text.to))) continue;
      const result = await consent.optOut(
        {
          address: address.value,
          source: text.intent === 'opt_out' ? 'sms_keyword' : 'sms_free_text',
          context: { sentTo: text.to, excerpt: text.body.trim().slice(0, 160) },
          at: new Date(text.receivedAt),
        },
        // One command per company: a shared command id would give every company's stream the same event ids.
        { commandId: `unrouted/${text.carrierMessageId}/${companyId}`, companyId, actor: 'contact', now },
      );
      recorded += result.newEvents.length;
    }
    return recorded;
  };
};
