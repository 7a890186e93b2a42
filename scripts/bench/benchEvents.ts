import * as t from 'io-ts';
import { eventRegistry, type EventDefinition } from '../../domain/events/eventRegistry.ts';
import type { NewEvent } from '../../domain/events/event.ts';
import { WholeNumber } from '../../domain/values.ts';
import { eventId } from '../../commands/eventIds.ts';

/** The event the benchmarks write: an outreach attempt's status on one enrollment stream. */
export const benchEventDefinitions: readonly EventDefinition[] = [
  {
    type: 'ContactAttempted',
    codec: t.type({
      campaignId: t.string,
      contactId: t.string,
      companyId: t.string,
      attempt: WholeNumber,
      outcome: t.string,
    }),
    schemaVersion: 1,
  },
];

export const benchRegistry = eventRegistry(benchEventDefinitions);

const outcomes = ['answered', 'no_answer', 'busy', 'voicemail', 'failed'];

export const benchEvent = (commandId: string, contact: number, attempt: number, now: Date): NewEvent => ({
  id: eventId(commandId, 0, now),
  type: 'ContactAttempted',
  data: {
    campaignId: 'campaign-bench',
    contactId: `contact-${contact}`,
    companyId: 'company-bench',
    attempt,
    outcome: outcomes[(contact + attempt) % outcomes.length]!,
  },
  metadata: {
    companyId: 'company-bench',
    commandId,
    correlationId: commandId,
    causationId: commandId,
    actor: 'bench',
    occurredAt: now.toISOString(),
    schemaVersion: 1,
  },
});

/** Enrollment streams are named by time-ordered ids, as the engine names them. */
export const benchStream = (runId: string, contact: number): string =>
  `enrollment-${runId}.${String(contact).padStart(8, '0')}`;
