import { EventDecodingError, UnwritableEventError } from '../errors.ts';
import type { NewEvent } from './event.ts';
import type { EventRegistry } from './eventRegistry.ts';
import { unstorableText } from '../codecs/storableText.ts';

type Problem = { readonly path: string; readonly reason: string };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const kindOf = (value: unknown): string =>
  typeof value === 'object' && value !== null ? `a ${value.constructor?.name ?? 'object'}` : `a ${typeof value}`;

const numberProblem = (written: number): string =>
  Number.isNaN(written) ? 'NaN, which JSON cannot carry' : Object.is(written, -0) ? '-0, which JSON reads back as 0' : !Number.isFinite(written) ? `${written}, which JSON cannot carry` : 'a number that reads back differently';

/**
 * The first place where what was written differs from what reading it back gives, or holds text
 * that no store keeps whole. Keys whose value is undefined are absent in JSON, and count as absent.
 */
const firstDifference = (written: unknown, read: unknown, path: string): Problem | undefined => {
  if (typeof written === 'string') {
    const text = unstorableText(written);
    if (text) return { path, reason: text };
    return written === read ? undefined : { path, reason: 'a string that reads back differently' };
  }
  if (typeof written === 'number') return Object.is(written, read) ? undefined : { path, reason: numberProblem(written) };
  if (typeof written === 'boolean' || written === null) return written === read ? undefined : { path, reason: `${String(written)}, read back as ${JSON.stringify(read)}` };
  if (Array.isArray(written)) {
    if (!Array.isArray(read) || read.length !== written.length) return { path, reason: 'an array that reads back with another length' };
    for (let i = 0; i < written.length; i++) {
      if (written[i] === undefined) return { path: `${path}.${i}`, reason: 'undefined, which JSON turns into null in an array' };
      const problem = firstDifference(written[i], read[i], `${path}.${i}`);
      if (problem) return problem;
    }
    return undefined;
  }
  if (typeof written === 'object' && isPlainObject(written)) {
    if (typeof read !== 'object' || read === null || Array.isArray(read)) return { path, reason: 'an object that reads back as something else' };
    const entries = Object.entries(written).filter(([, value]) => value !== undefined);
    for (const [key, value] of entries) {
      const text = unstorableText(key);
      if (text) return { path: `${path}.${key}`, reason: `its key is ${text}` };
      if (!Object.hasOwn(read, key)) return { path: `${path}.${key}`, reason: 'a field its codec drops' };
      const problem = firstDifference(value, (read as Record<string, unknown>)[key], `${path}.${key}`);
      if (problem) return problem;
    }
    const extra = Object.keys(read).find((key) => (read as Record<string, unknown>)[key] !== undefined && !Object.hasOwn(written, key));
    return extra === undefined ? undefined : { path: `${path}.${extra}`, reason: 'a field its codec adds' };
  }
  return { path, reason: `${kindOf(written)}, which JSON does not carry` };
};

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

/** Why one event cannot be written, or undefined when reading it back gives exactly what was written. */
const unwritable = (registry: EventRegistry, stream: string, event: NewEvent): Problem | undefined => {
  let data: unknown;
  let metadata: unknown;
  try {
    data = roundTrip(event.data);
    metadata = roundTrip(event.metadata);
  } catch (error) {
    return { path: 'data', reason: `not JSON (${(error as Error).message})` };
  }
  const changed = firstDifference(event.data, data, 'data') ?? firstDifference(event.metadata, metadata, 'metadata');
  if (changed) return changed;
  let decoded;
  try {
    decoded = registry.decode({ id: event.id, stream, revision: -1n, position: 0n, type: event.type, data, metadata });
  } catch (error) {
    if (error instanceof EventDecodingError) return { path: 'data', reason: `refused by its codec (${error.reason})` };
    throw error;
  }
  const codecChanged = firstDifference(event.metadata, decoded.metadata, 'metadata');
  if (codecChanged) return codecChanged;
  // Data written at an older schema version reads back upcast: only that it decodes can be checked.
  if (decoded.metadata.schemaVersion !== registry.schemaVersion(event.type)) return undefined;
  return firstDifference(event.data, registry.encode({ type: event.type, data: decoded.data }), 'data');
};

/**
 * Refuses, before anything is written, an append holding an event that would not read back as
 * itself through its own codec after a JSON round trip: one unreadable event would stop every reader.
 */
export const refuseUnwritableEvents = (registry: EventRegistry, stream: string, events: readonly NewEvent[]): void => {
  const name = unstorableText(stream);
  if (name && events.length > 0) throw new UnwritableEventError(stream, events[0]!.type, 'stream', name);
  for (const event of events) {
    const problem = unwritable(registry, stream, event);
    if (problem) throw new UnwritableEventError(stream, event.type, problem.path, problem.reason);
  }
};
