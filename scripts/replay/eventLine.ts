import type { RecordedEvent } from '../../domain/events/event.ts';

type Data = Record<string, unknown>;

/** Fields every line would repeat (the stream names them) or that are too long for one line. */
const left = new Set(['companyId', 'campaignId', 'contactId', 'body', 'html', 'settings', 'list']);

const shown = (value: string | number | boolean): string =>
  typeof value === 'string' && !/^[^\s"=]+$/.test(value) ? JSON.stringify(value) : String(value);

/** An event's key facts as `name=value`: scalars as they are, lists as counts, a dispatch decision by its inputs. */
export const keyFacts = (data: Data, streamId = ''): string[] => {
  const facts: string[] = [];
  for (const [name, value] of Object.entries(data)) {
    // The stream's own id (a call's, a message's) is already on the line.
    if (value === undefined || value === null || value === streamId) continue;
    if (name === 'body' && typeof value === 'string') facts.push(`body=${value.length} chars`);
    if (left.has(name)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      facts.push(`${name}=${shown(value)}`);
    else if (Array.isArray(value)) facts.push(`${name}=${value.length}`);
    else if (name === 'decision') {
      const decision = value as { localTime?: string; timezone?: string; capacity?: { available?: number } };
      facts.push(
        `localTime=${shown(decision.localTime ?? '')}`,
        `timezone=${decision.timezone ?? ''}`,
        `available=${decision.capacity?.available ?? ''}`,
      );
    } else if (name === 'answers')
      facts.push(
        ...Object.entries(value as Data).map(([field, answer]) => `answers.${field}=${shown(answer as string)}`),
      );
  }
  return facts;
};

/** One line for an auditor: global position, when it was recorded, stream, type, key facts. */
export const eventLine = (event: RecordedEvent): string =>
  [
    `#${event.position}`,
    event.metadata.occurredAt,
    event.stream,
    event.type,
    ...keyFacts(event.data as Data, event.stream.slice(event.stream.indexOf('-') + 1)),
  ].join('  ');
