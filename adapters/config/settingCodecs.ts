import { readFileSync } from 'node:fs';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describeErrors } from '../../domain/codecs/describeErrors.ts';
import { ComplianceOverrides, complianceRules, keywordConflicts } from '../../domain/compliance/complianceRules.ts';
import { belowLegalFloor } from '../../domain/compliance/legalFloor.ts';
import { isIsoInstant } from '../../domain/values.ts';
import { logLevels, type LogLevel } from './config.ts';

/** A setting decoded from its raw string; `check` answers the value or what was expected. */
const fromString = <A>(name: string, check: (raw: string) => A | { expected: string }): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    name,
    (u): u is A => u !== undefined,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, 'expected a string');
      const result = check(u);
      return isExpectation(result) ? t.failure(u, c, result.expected) : t.success(result);
    },
    String,
  );

const isExpectation = (value: unknown): value is { expected: string } =>
  typeof value === 'object' && value !== null && 'expected' in value;

/** Unset settings decode to `fallback`. */
export const withDefault = <A>(codec: t.Type<A, string, unknown>, fallback: A): t.Type<A, string, unknown> =>
  new t.Type<A, string, unknown>(
    codec.name,
    codec.is,
    (u, c) => (u === undefined ? t.success(fallback) : codec.validate(u, c)),
    codec.encode,
  );

/** Unset settings decode to undefined. */
export const optional = <A>(codec: t.Type<A, string, unknown>): t.Type<A | undefined, string, unknown> =>
  withDefault<A | undefined>(codec as t.Type<A | undefined, string, unknown>, undefined);

/** Connection strings may carry a password; echo them back with it masked. */
export const maskCredentials = (url: string): string => url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');

const shown = (raw: string): string => JSON.stringify(maskCredentials(raw).slice(0, 100));

export const integerIn = (min: number, max: number): t.Type<number, string, unknown> =>
  fromString(`integer ${min}-${max}`, (raw) => {
    const value = Number(raw);
    return /^\d+$/.test(raw.trim()) && value >= min && value <= max
      ? value
      : { expected: `expected an integer ${min}-${max}, got ${shown(raw)}` };
  });

/** An ISO-8601 instant with its offset (`2027-01-11T17:00:00Z`), as a Date. */
export const isoInstant = fromString('ISO instant', (raw) =>
  isIsoInstant(raw)
    ? new Date(raw)
    : { expected: `expected an ISO-8601 time with offset such as 2027-01-11T17:00:00Z, got ${shown(raw)}` },
);

/** How many times faster than real time a simulated clock runs. */
export const clockSpeed = fromString('clock speed', (raw) => {
  const value = Number(raw);
  return raw.trim() !== '' && Number.isFinite(value) && value >= 1 && value <= 3600
    ? value
    : { expected: `expected a number from 1 to 3600, got ${shown(raw)}` };
});

export const nonEmpty = fromString('non-empty string', (raw) => raw);

/** Secrets are never echoed, not even in errors. */
export const secret = (minLength: number): t.Type<string, string, unknown> =>
  fromString('secret', (raw) =>
    raw.length >= minLength ? raw : { expected: `expected at least ${minLength} characters, got ${raw.length}` },
  );

/** An http(s) base URL without query or fragment, returned without its trailing slash. */
export const httpUrl = fromString('http(s) URL', (raw) => {
  const expected = { expected: `expected an http:// or https:// URL without query or fragment, got ${shown(raw)}` };
  if (!URL.canParse(raw)) return expected;
  const url = new URL(raw);
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) return expected;
  return url.href.replace(/\/+$/, '');
});

/** Scheme check only: cluster strings (`host1:2113,host2:2113`) are not WHATWG URLs. */
const schemes = (name: string, pattern: RegExp, normalise: (raw: string) => string = (raw) => raw) =>
  fromString(name, (raw) => (pattern.test(raw) ? normalise(raw) : { expected: `expected ${name}, got ${shown(raw)}` }));

/** The installed @eventstore/db-client parses only esdb schemes; KurrentDB speaks the same protocol. */
export const eventStoreUrl = schemes(
  'an esdb:// or kurrentdb:// URL',
  /^(esdb|kurrentdb)(\+discover)?:\/\/[^\s/]+/,
  (raw) => raw.replace(/^kurrentdb/, 'esdb'),
);

/** The database a MongoDB URL names after its hosts (`mongodb://host:27017/outreach`), or undefined when it names none. */
export const mongoDatabaseName = (url: string): string | undefined => {
  const path = /^mongodb(?:\+srv)?:\/\/[^/?#]*\/([^?#]+)/.exec(url)?.[1];
  try {
    return path === undefined ? undefined : decodeURIComponent(path);
  } catch {
    return path;
  }
};

/** Said of a MongoDB URL without a database, which the driver would otherwise take to be `test`. */
export const MONGODB_DATABASE_MISSING =
  'names no database: add its name after the hosts, as in mongodb://localhost:27017/outreach (without one the driver uses "test")';

/** A MongoDB URL that names its database. */
export const mongoUrl = fromString('a mongodb:// or mongodb+srv:// URL', (raw) => {
  if (!/^mongodb(\+srv)?:\/\/[^\s/]+/.test(raw))
    return { expected: `expected a mongodb:// or mongodb+srv:// URL, got ${shown(raw)}` };
  return mongoDatabaseName(raw) === undefined ? { expected: `${shown(raw)} ${MONGODB_DATABASE_MISSING}` } : raw;
});

export const twilioAccountSid = fromString('Twilio account SID', (raw) =>
  /^AC[0-9a-fA-F]{32}$/.test(raw) ? raw : { expected: `expected AC followed by 32 hex digits, got ${shown(raw)}` },
);

export const awsRegion = fromString('AWS region', (raw) =>
  /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(raw)
    ? raw
    : { expected: `expected an AWS region such as us-east-1, got ${shown(raw)}` },
);

/** `sender@example.com` or `Example Law <sender@example.com>`. */
export const senderAddress = fromString('email address', (raw) =>
  /^([^<>@]*<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/.test(raw.trim())
    ? raw.trim()
    : { expected: `expected an email address or "Name <address>", got ${shown(raw)}` },
);

export const logLevel = fromString('log level', (raw): LogLevel | { expected: string } =>
  (logLevels as readonly string[]).includes(raw)
    ? (raw as LogLevel)
    : { expected: `expected one of ${logLevels.join(', ')}, got ${shown(raw)}` },
);

/** `true` or `false`, nothing else, so a typo never flips a safety setting silently. */
export const flag = fromString('true or false', (raw) =>
  raw === 'true' ? true : raw === 'false' ? false : { expected: `expected true or false, got ${shown(raw)}` },
);

const units: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** A byte count: `65536`, `512kb`, `1mb`. */
export const byteSize = fromString('size', (raw) => {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw.trim());
  const bytes = match ? Math.floor(Number(match[1]) * (units[(match[2] ?? '').toLowerCase()] ?? 1)) : 0;
  return bytes > 0 ? bytes : { expected: `expected a size such as 1mb, 512kb or 65536, got ${shown(raw)}` };
});

/** A byte count from `min` to `max` bytes, in the forms `byteSize` takes. */
export const byteSizeIn = (min: number, max: number): t.Type<number, string, unknown> =>
  fromString(`size ${min}-${max}`, (raw) => {
    const bytes = byteSize.validate(raw, []);
    return bytes._tag === 'Right' && bytes.right >= min && bytes.right <= max
      ? bytes.right
      : { expected: `expected a size from ${min} to ${max} bytes such as 1mb, 512kb or 1048576, got ${shown(raw)}` };
  });

/** A phone number in E.164 form, as carriers take a sender number. */
export const e164 = fromString('an E.164 phone number such as +13125550100', (raw) =>
  /^\+[1-9]\d{7,14}$/.test(raw.trim())
    ? raw.trim()
    : { expected: `an E.164 phone number such as +13125550100, got ${JSON.stringify(raw.slice(0, 40))}` },
);

/** Rule-table overrides: a JSON file's path, or the JSON itself when it starts with `{`. */
export const complianceOverrides = fromString('compliance rules', (raw): ComplianceOverrides | { expected: string } => {
  const inline = raw.trim().startsWith('{');
  let text = raw;
  if (!inline)
    try {
      text = readFileSync(raw, 'utf8');
    } catch (error) {
      return {
        expected: `expected a readable JSON file or inline JSON, could not read ${JSON.stringify(raw)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      };
    }
  const where = inline ? 'the inline JSON' : JSON.stringify(raw);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { expected: `expected JSON in ${where}: ${error instanceof Error ? error.message : String(error)}` };
  }
  const decoded = ComplianceOverrides.decode(json);
  if (isLeft(decoded)) return { expected: `invalid rules in ${where}: ${describeErrors(decoded.left)}` };
  const conflicts = keywordConflicts(complianceRules(decoded.right).smsKeywords);
  if (conflicts.length > 0) return { expected: `invalid rules in ${where}: smsKeywords: ${conflicts.join('; ')}` };
  const floor = belowLegalFloor(decoded.right.callingHours);
  return floor.length > 0
    ? { expected: `invalid rules in ${where}: ${floor.map((p) => `${p.path}: ${p.message}`).join('; ')}` }
    : decoded.right;
});
