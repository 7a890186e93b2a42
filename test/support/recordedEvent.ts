import type { Event, RecordedEvent } from '../../domain/events/event.ts';

/** An event as the store would record it at index `i` of a test's history: what a projection's `project` is fed. */
export const recordedEvent = (
  event: Event,
  i: number,
  occurredAt: string,
  companyId = 'company-1',
): RecordedEvent<never> =>
  ({
    ...event,
    id: `e${i}`,
    stream: 's',
    revision: BigInt(i),
    position: BigInt(i + 1),
    metadata: {
      companyId,
      commandId: `c${i}`,
      correlationId: '',
      causationId: '',
      actor: 't',
      occurredAt,
      schemaVersion: 1,
    },
  }) as unknown as RecordedEvent<never>;
