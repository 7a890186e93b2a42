import { expect } from 'chai';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as t from 'io-ts';
import type { Command, Decider } from '../../domain/decider.ts';
import type { Event } from '../../domain/events/event.ts';
import { agentDecider } from '../../domain/agent/decider.ts';
import { agentEvents } from '../../domain/agent/events.ts';
import { callDecider } from '../../domain/call/decider.ts';
import { callEvents } from '../../domain/call/events.ts';
import { campaignDecider } from '../../domain/campaign/decider.ts';
import { campaignEvents } from '../../domain/campaign/events.ts';
import { caseDecider } from '../../domain/case/decider.ts';
import { caseEvents } from '../../domain/case/events.ts';
import { companyDecider } from '../../domain/company/decider.ts';
import { companyEvents } from '../../domain/company/events.ts';
import { appliedRulesDecider, appliedRulesEvents } from '../../domain/compliance/appliedRules.ts';
import { consentDecider } from '../../domain/consent/decider.ts';
import { consentEvents } from '../../domain/consent/events.ts';
import { unroutedTextEvents, unroutedTextsDecider } from '../../domain/consent/unroutedTexts.ts';
import { conversationDecider } from '../../domain/conversation/decider.ts';
import { conversationEvents } from '../../domain/conversation/events.ts';
import { enrollmentDecider } from '../../domain/enrollment/decider.ts';
import { enrollmentEvents } from '../../domain/enrollment/events.ts';
import { formDecider } from '../../domain/form/decider.ts';
import { formEvents } from '../../domain/form/events.ts';
import { listDecider } from '../../domain/list/decider.ts';
import { listEvents } from '../../domain/list/events.ts';
import { messageDecider } from '../../domain/message/decider.ts';
import { messageEvents } from '../../domain/message/events.ts';
import { mobileAppDecider } from '../../domain/mobileApp/decider.ts';
import { mobileAppEvents } from '../../domain/mobileApp/events.ts';
import { scheduledReportsDecider } from '../../domain/scheduledReport/decider.ts';
import { scheduledReportEvents } from '../../domain/scheduledReport/events.ts';
import { webhookDeliveryDecider } from '../../domain/webhook/deliveryDecider.ts';
import { webhookEvents } from '../../domain/webhook/events.ts';
import { webhookSecretDecider } from '../../domain/webhook/secretDecider.ts';
import { workflowDecider } from '../../domain/workflow/decider.ts';
import { workflowEvents } from '../../domain/workflow/events.ts';
import { arbitraryOf } from '../support/codecArbitrary.ts';
import { foldChecked, type AnyDecider } from '../support/pureFold.ts';

type Fields = Record<string, fc.Arbitrary<unknown>>;
type Entry = { decider: AnyDecider; events: Record<string, t.Any>; fields?: Fields };

/** A decider with its stream's events; only its evolve and initial state are used, whatever its commands. */
const entry = <S, C extends Command, E extends Event>(
  decider: Decider<S, C, E>,
  events: Record<string, t.Any>,
  fields?: Fields,
): Entry => ({ decider: decider as unknown as AnyDecider, events, ...(fields ? { fields } : {}) });

/**
 * Every decider of the engine with the events its stream holds (a shared codec map is cut to its own
 * types), and the fields whose values one stream fixes beyond what the codec says (a consent stream's address).
 */
const deciders: Record<string, Entry> = {
  agentDecider: entry(agentDecider, agentEvents),
  callDecider: entry(callDecider, callEvents),
  campaignDecider: entry(campaignDecider, campaignEvents),
  caseDecider: entry(caseDecider, caseEvents),
  companyDecider: entry(companyDecider, companyEvents),
  appliedRulesDecider: entry(appliedRulesDecider, appliedRulesEvents),
  consentDecider: entry(consentDecider, consentEvents, {
    address: fc.constantFrom('+13125550100', 'client@example.com'),
  }),
  unroutedTextsDecider: entry(unroutedTextsDecider, unroutedTextEvents),
  conversationDecider: entry(conversationDecider, conversationEvents),
  enrollmentDecider: entry(enrollmentDecider, enrollmentEvents),
  formDecider: entry(formDecider, formEvents),
  listDecider: entry(listDecider, listEvents),
  messageDecider: entry(messageDecider, messageEvents),
  mobileAppDecider: entry(mobileAppDecider, mobileAppEvents),
  scheduledReportsDecider: entry(scheduledReportsDecider, scheduledReportEvents),
  webhookDeliveryDecider: entry(webhookDeliveryDecider, {
    WebhookDeliveryAttempted: webhookEvents.WebhookDeliveryAttempted,
  }),
  webhookSecretDecider: entry(webhookSecretDecider, { WebhookSecretRotated: webhookEvents.WebhookSecretRotated }),
  workflowDecider: entry(workflowDecider, workflowEvents),
};

/** The names of every `Decider` value declared under domain/, read from the source. */
const declaredDeciders = (): string[] => {
  const root = join(import.meta.dirname, '../../domain');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
  return files.flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/export const (\w+): Decider</g)].map((match) => match[1]!),
  );
};

const historiesOf = (events: Record<string, t.Any>, fields: Fields = {}) =>
  fc.array(
    fc.oneof(
      ...Object.entries(events).map(([type, codec]) =>
        fc.tuple(arbitraryOf(codec), fc.record(fields)).map(([data, fixed]): Event => {
          const given = data as Record<string, unknown>;
          const kept = Object.keys(fixed).filter((field) => field in given);
          return { type, data: { ...given, ...Object.fromEntries(kept.map((field) => [field, fixed[field]])) } };
        }),
      ),
    ),
    { maxLength: 20 },
  );

describe('every evolve is pure', () => {
  it('covers every decider declared in domain/', () => {
    expect(Object.keys(deciders).sort()).to.deep.equal(declaredDeciders().sort());
  });

  for (const [name, { decider, events, fields }] of Object.entries(deciders))
    it(`${name}: folding random histories changes no state or event given, answers the same twice, and in pieces as whole`, () => {
      fc.assert(
        fc.property(historiesOf(events, fields), fc.nat(), (history, cut) => {
          const at = history.length === 0 ? 0 : cut % (history.length + 1);
          const whole = foldChecked(decider, decider.initialState(), history);
          const again = foldChecked(decider, decider.initialState(), history);
          const first = foldChecked(decider, decider.initialState(), history.slice(0, at));
          const inPieces = foldChecked(decider, first, history.slice(at));
          expect(again).to.deep.equal(whole);
          expect(inPieces).to.deep.equal(whole);
        }),
        { numRuns: 100 },
      );
    });
});
