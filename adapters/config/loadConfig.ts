import { parseArgs } from 'node:util';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { ConfigurationError, type ErrorDetail } from '../../domain/errors.ts';
import { errorDetails } from '../../domain/codecs/describeErrors.ts';
import type { Config } from './config.ts';
import { flagOf, settingNames, type SettingName } from './settings.ts';
import * as s from './settingCodecs.ts';
import { DEFAULT_MAX_APPEND_BYTES } from '../../commands/appendLimit.ts';

const SettingsCodec = t.type({
  PORT: s.withDefault(s.integerIn(1, 65535), 3000),
  DATA_DIR: s.withDefault(s.nonEmpty, './data'),
  ADMIN_TOKEN: s.optional(s.secret(16)),
  UNSUBSCRIBE_SECRET: s.optional(s.secret(32)),
  PUBLIC_URL: s.optional(s.httpUrl),
  EVENTSTORE_URL: s.optional(s.eventStoreUrl),
  EVENTSTORE_MAX_APPEND_BYTES: s.withDefault(s.byteSizeIn(4 * 1024, 16 * 1024 ** 2), DEFAULT_MAX_APPEND_BYTES),
  MONGODB_URL: s.optional(s.mongoUrl),
  PROJECTION_LEASE_MS: s.withDefault(s.integerIn(1000, 600_000), 15_000),
  PROJECTION_LEASE_HOLDER: s.optional(s.nonEmpty),
  TWILIO_ACCOUNT_SID: s.optional(s.twilioAccountSid),
  TWILIO_AUTH_TOKEN: s.optional(s.secret(1)),
  TWILIO_API_URL: s.optional(s.httpUrl),
  SMS_FROM: s.optional(s.e164),
  AWS_REGION: s.optional(s.awsRegion),
  SES_FROM: s.optional(s.senderAddress),
  SES_ENDPOINT: s.optional(s.httpUrl),
  LOG_LEVEL: s.withDefault(s.logLevel, 'info'),
  READY_MAX_LAG: s.withDefault(s.integerIn(0, Number.MAX_SAFE_INTEGER), 1000),
  COMMAND_CACHE_MB: s.withDefault(s.integerIn(1, 65_536), 128),
  JSON_BODY_LIMIT: s.withDefault(s.byteSize, 1024 ** 2),
  CSV_BODY_LIMIT: s.withDefault(s.byteSize, 10 * 1024 ** 2),
  COMPLIANCE_RULES: s.withDefault(s.complianceOverrides, {}),
  WEBHOOK_ALLOW_PRIVATE: s.withDefault(s.flag, false),
  CLOCK_START: s.optional(s.isoInstant),
  CLOCK_SPEED: s.optional(s.clockSpeed),
} satisfies Record<SettingName, t.Mixed>);

type Settings = t.TypeOf<typeof SettingsCodec>;
type Raw = Partial<Record<SettingName, string>>;

/**
 * Reads every setting from the environment and the command line (`--port 8080`, `--data-dir=/x`);
 * a flag wins over its variable, and an empty value counts as unset (so `--eventstore-url=` forces
 * the embedded store). Throws one ConfigurationError naming every invalid setting.
 */
export const loadConfig = (env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): Config => {
  const flags = parseFlags(argv);
  const raw: Raw = {};
  for (const name of settingNames) {
    const value = flags[name] ?? env[name];
    if (value !== undefined && value !== '') raw[name] = value;
  }
  const decoded = SettingsCodec.decode(raw);
  const problems = [...(isLeft(decoded) ? errorDetails(decoded.left) : []), ...combinationProblems(raw)];
  if (problems.length > 0 || isLeft(decoded)) throw configurationError(problems);
  return toConfig(decoded.right);
};

const parseFlags = (argv: readonly string[]): Raw => {
  const options = Object.fromEntries(settingNames.map((name) => [flagOf(name), { type: 'string' as const }]));
  let values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  try {
    ({ values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigurationError('command line', error instanceof Error ? error.message : String(error));
  }
  const flags: Raw = {};
  for (const name of settingNames) {
    const value = values[flagOf(name)];
    if (typeof value === 'string') flags[name] = value;
  }
  return flags;
};

/** Settings that only make sense together; checked on the raw values so every problem shows at once. */
const combinationProblems = (raw: Raw): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const requires = (name: SettingName, when: SettingName, why = '') => {
    if (raw[when] !== undefined && raw[name] === undefined)
      problems.push({ path: name, message: `required when ${when} is set${why}` });
  };
  requires('TWILIO_AUTH_TOKEN', 'TWILIO_ACCOUNT_SID');
  requires('TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN');
  requires('TWILIO_ACCOUNT_SID', 'TWILIO_API_URL');
  requires('PUBLIC_URL', 'TWILIO_ACCOUNT_SID', ' (Twilio calls back there and signs that URL)');
  requires('SMS_FROM', 'TWILIO_ACCOUNT_SID', ' (texts need a Twilio number to come from)');
  requires('AWS_REGION', 'SES_FROM');
  requires('SES_FROM', 'SES_ENDPOINT');
  // Outreach on a made-up time must never reach a real person nor share a store with other processes' clocks.
  for (const clock of ['CLOCK_START', 'CLOCK_SPEED'] as const)
    for (const real of ['TWILIO_ACCOUNT_SID', 'SES_FROM', 'EVENTSTORE_URL', 'MONGODB_URL'] as const)
      if (raw[clock] !== undefined && raw[real] !== undefined)
        problems.push({
          path: clock,
          message: `a simulated clock runs on the simulated carriers and embedded stores only; unset it or ${real}`,
        });
  return problems;
};

const configurationError = (all: readonly ErrorDetail[]): ConfigurationError => {
  // One message a setting: a missing partner is reported once even when two settings need it.
  const problems = all.filter((p, i) => all.findIndex((q) => q.path === p.path) === i);
  const [first, ...rest] = problems;
  if (!first) return new ConfigurationError('configuration', 'invalid');
  return new ConfigurationError(first.path, [first.message, ...rest.map((p) => `${p.path}: ${p.message}`)].join('; '));
};

const toConfig = (v: Settings): Config => ({
  port: v.PORT,
  dataDir: v.DATA_DIR,
  adminToken: v.ADMIN_TOKEN,
  ...(v.UNSUBSCRIBE_SECRET ? { unsubscribeSecret: v.UNSUBSCRIBE_SECRET } : {}),
  publicUrl: v.PUBLIC_URL,
  eventStore: v.EVENTSTORE_URL
    ? { engine: 'esdb', connectionString: v.EVENTSTORE_URL, maxAppendBytes: v.EVENTSTORE_MAX_APPEND_BYTES }
    : { engine: 'sqlite', maxAppendBytes: v.EVENTSTORE_MAX_APPEND_BYTES },
  readStore: v.MONGODB_URL ? { engine: 'mongodb', url: v.MONGODB_URL } : { engine: 'sqlite' },
  projectionLeases: { leaseMs: v.PROJECTION_LEASE_MS, holder: v.PROJECTION_LEASE_HOLDER },
  telephony:
    v.TWILIO_ACCOUNT_SID && v.TWILIO_AUTH_TOKEN
      ? {
          carrier: 'twilio',
          accountSid: v.TWILIO_ACCOUNT_SID,
          authToken: v.TWILIO_AUTH_TOKEN,
          apiUrl: v.TWILIO_API_URL,
          smsFrom: v.SMS_FROM ?? '',
        }
      : { carrier: 'simulated', smsFrom: v.SMS_FROM ?? '+15550100000' },
  email:
    v.SES_FROM && v.AWS_REGION
      ? { carrier: 'ses', region: v.AWS_REGION, from: v.SES_FROM, endpoint: v.SES_ENDPOINT }
      : { carrier: 'simulated' },
  logLevel: v.LOG_LEVEL,
  commandCacheBytes: v.COMMAND_CACHE_MB * 1024 ** 2,
  http: { jsonLimitBytes: v.JSON_BODY_LIMIT, csvLimitBytes: v.CSV_BODY_LIMIT, readyMaxLag: v.READY_MAX_LAG },
  compliance: v.COMPLIANCE_RULES,
  webhooks: { allowPrivate: v.WEBHOOK_ALLOW_PRIVATE },
  ...(v.CLOCK_START || v.CLOCK_SPEED ? { simulatedClock: { start: v.CLOCK_START, speed: v.CLOCK_SPEED ?? 1 } } : {}),
});
