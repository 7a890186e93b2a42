/** Every setting: its environment variable, its command-line flag and what it means. */
export const settings = {
  PORT: 'HTTP port (default 3000)',
  DATA_DIR: 'directory of the embedded SQLite stores and the generated admin token (default ./data)',
  ADMIN_TOKEN: 'platform admin token for POST /v1/companies (at least 16 characters)',
  UNSUBSCRIBE_SECRET: 'key that signs email unsubscribe links (at least 32 characters; default: generated in DATA_DIR)',
  PUBLIC_URL: 'public http(s) base URL, for webhook URLs and Twilio signature checks',
  EVENTSTORE_URL: 'esdb:// or kurrentdb:// connection string (unset: embedded SQLite)',
  EVENTSTORE_MAX_APPEND_BYTES:
    "most bytes one append may hold, counted as EventStoreDB counts them; set it to the server's MaxAppendSize (4kb to 16mb, default 1mb)",
  MONGODB_URL:
    'mongodb:// or mongodb+srv:// connection string naming its database, e.g. mongodb://localhost:27017/outreach (unset: embedded SQLite)',
  PROJECTION_LEASE_MS: 'how long a process runs a projection without renewing its lease, in ms (default 15000)',
  PROJECTION_LEASE_HOLDER:
    'this process in projection leases, unique among running processes (default: host name, pid and a random suffix)',
  TWILIO_ACCOUNT_SID: 'Twilio account SID (unset: simulated carrier)',
  TWILIO_AUTH_TOKEN: 'Twilio auth token',
  TWILIO_API_URL: 'Twilio-compatible API base URL (default: Twilio)',
  SMS_FROM: 'E.164 number texts are sent from (required with Twilio; default with the simulated carrier: +15550100000)',
  AWS_REGION: 'AWS region of SES',
  SES_FROM: 'sender address of email (unset: simulated email)',
  SES_ENDPOINT: 'SES-compatible endpoint URL (default: AWS)',
  LOG_LEVEL: 'fatal, error, warn, info (default), debug, trace or silent',
  READY_MAX_LAG: 'largest projection lag, in events, at which /readyz still answers 200 (default 1000)',
  COMMAND_CACHE_MB:
    'estimated memory, in MiB, of the stream states kept between commands, least recently used dropped first (1 to 65536, default 128)',
  JSON_BODY_LIMIT: 'largest JSON request body, e.g. 1mb (default), 512kb, 65536',
  CSV_BODY_LIMIT: 'largest text/csv request body (default 10mb)',
  COMPLIANCE_RULES: 'JSON file (or inline JSON) overriding calling-hours rows, area-code presumptions and SMS keywords',
  WEBHOOK_ALLOW_PRIVATE: 'true lets campaign webhooks reach private, loopback and link-local addresses (default false)',
  CLOCK_START:
    'ISO time a simulated clock starts at, for trials on the simulated carriers and embedded stores only (unset: real time)',
  CLOCK_SPEED: 'how many times faster than real time the simulated clock runs, 1 to 3600 (default 1)',
} as const;

export type SettingName = keyof typeof settings;
export const settingNames = Object.keys(settings) as SettingName[];

/** `EVENTSTORE_URL` is given on the command line as `--eventstore-url`. */
export const flagOf = (name: SettingName): string => name.toLowerCase().replaceAll('_', '-');

/** Help text listing each flag with its environment variable. */
export const configUsage = (): string =>
  settingNames.map((name) => `  --${flagOf(name).padEnd(20)} ${name.padEnd(20)} ${settings[name]}`).join('\n');
