import type { ComplianceOverrides } from '../../domain/compliance/complianceRules.ts';

/** Pino's levels, plus `silent` to switch logging off (tests). */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** `maxAppendBytes`: the most one append may hold, on either engine, so the embedded store refuses what EventStoreDB would. */
export type EventStoreConfig =
  | { readonly engine: 'sqlite'; readonly maxAppendBytes: number }
  /** `connectionString` always uses the esdb schemes, which is what @eventstore/db-client parses. */
  | { readonly engine: 'esdb'; readonly connectionString: string; readonly maxAppendBytes: number };

export type ReadStoreConfig = { readonly engine: 'sqlite' } | { readonly engine: 'mongodb'; readonly url: string };

/** One process runs each projection at a time, by a lease in the read store, on either engine. */
export type ProjectionLeaseConfig = {
  readonly leaseMs: number;
  /** Unset: the composition root names this process by host, pid and a random suffix. */
  readonly holder: string | undefined;
};

export type TelephonyConfig =
  | { readonly carrier: 'simulated'; readonly smsFrom: string }
  | {
      readonly carrier: 'twilio';
      readonly accountSid: string;
      readonly authToken: string;
      /** A Twilio-compatible API; undefined means Twilio's own. */
      readonly apiUrl: string | undefined;
      /** The number texts come from. */
      readonly smsFrom: string;
    };

export type EmailConfig =
  | { readonly carrier: 'simulated' }
  | {
      readonly carrier: 'ses';
      readonly region: string;
      readonly from: string;
      /** An SES-compatible endpoint; undefined means AWS's own. */
      readonly endpoint: string | undefined;
    };

export type HttpConfig = {
  readonly jsonLimitBytes: number;
  readonly csvLimitBytes: number;
  /** `/readyz` answers 503 when any projection lags the store by more events than this. */
  readonly readyMaxLag: number;
};

/** Everything the composition root needs to choose and wire adapters. */
export type Config = {
  readonly port: number;
  readonly dataDir: string;
  /** Unset: the embedded default creates one in `dataDir` on first start. */
  readonly adminToken: string | undefined;
  /** Signs email unsubscribe links; unset: the embedded default keeps one in `dataDir`. */
  readonly unsubscribeSecret?: string;
  /** Origin (and optional base path) without a trailing slash, used for webhook URLs and signatures. */
  readonly publicUrl: string | undefined;
  readonly eventStore: EventStoreConfig;
  readonly readStore: ReadStoreConfig;
  readonly projectionLeases: ProjectionLeaseConfig;
  readonly telephony: TelephonyConfig;
  readonly email: EmailConfig;
  readonly logLevel: LogLevel;
  readonly http: HttpConfig;
  /** How many bytes (estimated) of stream states the command handlers keep between commands. */
  readonly commandCacheBytes: number;
  /** Overrides of the rule tables (calling hours, area-code presumptions, SMS keywords); empty: as shipped. */
  readonly compliance: ComplianceOverrides;
  /** Campaign webhooks: whether private, loopback and link-local addresses may be reached. */
  readonly webhooks: { readonly allowPrivate: boolean };
  /** Set: outreach and recorded times follow a clock from `start` (unset: now), `speed` times real time. */
  readonly simulatedClock?: SimulatedClockConfig;
};

export type SimulatedClockConfig = { readonly start: Date | undefined; readonly speed: number };
