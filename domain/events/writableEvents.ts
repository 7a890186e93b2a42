import { EventDecodingError, UnwritableEventError } from '../errors.ts';
import { unstorableText } from '../codecs/storableText.ts';
import type { NewEvent } from './event.ts';
import type { EventRegistry } from './eventRegistry.ts';

type Problem = { readonly path: string; readonly reason: string };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

const kindOf = (value: unknown): string =>
  typeof value === 'object' && value !== null ? `a ${value.constructor?.name ?? 'object'}` : `a ${typeof value}`;

const numberProblem = (n: number): string | undefined =>
  Number.isNaN(n)
    ? 'NaN, which JSON cannot carry'
    : !Number.isFinite(n)
      ? `${n}, which JSON cannot carry`
      : Object.is(n, -0)
        ? '-0, which JSON reads back as 0'
        : undefined;

/**
 * The first value a JSON round trip would not give back as it is: a number JSON cannot carry (or
 * carries as another: -0), text no store keeps whole, undefined in an array (JSON writes null), or
 * anything but plain objects, arrays, strings, finite numbers, booleans and null. A value that passes
 * reads back from JSON exactly, but for object fields left undefined, which JSON leaves out.
 */
const jsonProblem = (value: unknown, path: string): Problem | undefined => {
  switch (typeof value) {
    case 'string': {
      const text = unstorableText(value);
      return text ? { path, reason: text } : undefined;
    }
    case 'number': {
      const reason = numberProblem(value);
      return reason ? { path, reason } : undefined;
    }
    case 'boolean':
      return undefined;
    case 'object': {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          if (value[i] === undefined)
            return { path: `${path}.${i}`, reason: 'undefined, which JSON writes as null in an array' };
          const problem = jsonProblem(value[i], `${path}.${i}`);
          if (problem) return problem;
        }
        return undefined;
      }
      if (!isPlainObject(value)) return { path, reason: `${kindOf(value)}, which JSON does not carry as it is` };
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item === undefined) continue;
        const text = unstorableText(key);
        if (text) return { path: `${path}.${JSON.stringify(key).slice(1, -1)}`, reason: `a field name of ${text}` };
        const problem = jsonProblem(item, `${path}.${key}`);
        if (problem) return problem;
      }
      return undefined;
    }
    default:
      return { path, reason: `${kindOf(value)}, which JSON does not carry` };
  }
};

/**
 * Where what the codec gives back differs from what was written, both JSON already. The codecs
 * hand back the very objects they were given where nothing changed, so the usual case is one
 * identity check.
 */
const firstDifference = (written: unknown, read: unknown, path: string): Problem | undefined => {
  if (written === read) return undefined;
  if (
    typeof written !== 'object' ||
    written === null ||
    typeof read !== 'object' ||
    read === null ||
    Array.isArray(written) !== Array.isArray(read)
  )
    return { path, reason: `${JSON.stringify(written)}, which its codec reads back as ${JSON.stringify(read)}` };
  if (Array.isArray(written)) {
    const items = read as unknown[];
    if (items.length !== written.length)
      return { path, reason: `an array its codec reads back with ${items.length} items instead of ${written.length}` };
    for (let i = 0; i < written.length; i++) {
      const problem = firstDifference(written[i], items[i], `${path}.${i}`);
      if (problem) return problem;
    }
    return undefined;
  }
  const fields = read as Record<string, unknown>;
  for (const key in written) {
    const value = (written as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (fields[key] === undefined) return { path: `${path}.${key}`, reason: 'a field its codec drops' };
    const problem = firstDifference(value, fields[key], `${path}.${key}`);
    if (problem) return problem;
  }
  for (const key in fields)
    if (fields[key] !== undefined && (written as Record<string, unknown>)[key] === undefined)
      return { path: `${path}.${key}`, reason: 'a field its codec adds' };
  return undefined;
};

/** Why one event cannot be written, or undefined when a JSON round trip and its codec give it back exactly. */
const unwritable = (registry: EventRegistry, stream: string, event: NewEvent): Problem | undefined => {
  const notJson = jsonProblem(event.data, 'data') ?? jsonProblem(event.metadata, 'metadata');
  if (notJson) return notJson;
  // What passed reads back from JSON as it is, so the codec may read it without the round trip itself.
  let decoded;
  try {
    decoded = registry.decode({
      id: event.id,
      stream,
      revision: -1n,
      position: 0n,
      type: event.type,
      data: event.data,
      metadata: event.metadata,
    });
  } catch (error) {
    if (error instanceof EventDecodingError) return { path: 'data', reason: `refused by its codec (${error.reason})` };
    throw error;
  }
  const metadata = firstDifference(event.metadata, decoded.metadata, 'metadata');
  if (metadata) return metadata;
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
