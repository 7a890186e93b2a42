import { parseArgs } from 'node:util';
import { loadConfig } from '../../adapters/config/loadConfig.ts';
import type { Config } from '../../adapters/config/config.ts';
import { configUsage, flagOf, settingNames } from '../../adapters/config/settings.ts';
import { ConfigurationError } from '../../domain/errors.ts';

/** One flag of a script: `value` names what it takes (none: a switch), and every flag says its default. */
export type ScriptFlag = { readonly value?: string; readonly description: string; readonly default: string };

type Flags = Readonly<Record<string, ScriptFlag>>;

export type ScriptSpec<F extends Flags> = {
  /** The command line, as `npm run -s replay -- [flags]`. */
  readonly usage: string;
  /** What the script does, one paragraph. */
  readonly summary: string;
  readonly flags: F;
  /** Lines after the flags: examples, exit codes. */
  readonly notes?: readonly string[];
};

/** A flag that takes a value reads as its text, a switch as true. */
export type FlagValues<F extends Flags> = {
  -readonly [K in keyof F]?: F[K] extends { readonly value: string } ? string : boolean;
};

const wrap = (text: string, indent: number, width = 100): string => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent + line.length + 1 + word.length > width) (lines.push(line), (line = word));
    else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
};

/** The script's `--help`: each flag with what it takes, what it does and its default. */
export const scriptUsage = <F extends Flags>(spec: ScriptSpec<F>, withSettings: boolean): string => {
  const entries: [string, string][] = Object.entries(spec.flags).map(([name, flag]) => [
    `--${name}${flag.value ? ` <${flag.value}>` : ''}`,
    `${flag.description} (default: ${flag.default})`,
  ]);
  entries.push(['-h, --help', 'this text, then exit']);
  const column = Math.max(...entries.map(([left]) => left.length)) + 2;
  return [
    `Usage: ${spec.usage}`,
    '',
    wrap(spec.summary, 0),
    '',
    ...entries.map(([left, right]) => `  ${left.padEnd(column)}${wrap(right, column + 2)}`),
    ...(withSettings
      ? ['', 'Settings, as for npm start (a flag wins over its environment variable):', configUsage()]
      : []),
    ...(spec.notes ? ['', ...spec.notes] : []),
  ].join('\n');
};

const isHelp = (argv: readonly string[]) => argv.some((arg) => arg === '--help' || arg === '-h');

const parsed = <F extends Flags>(argv: readonly string[], spec: ScriptSpec<F>, settings: readonly string[]) => {
  const options: Record<string, { type: 'string' | 'boolean' }> = Object.fromEntries(
    settings.map((flag) => [flag, { type: 'string' as const }]),
  );
  for (const [name, flag] of Object.entries(spec.flags)) options[name] = { type: flag.value ? 'string' : 'boolean' };
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | boolean | undefined
    >;
  } catch (error) {
    // Node's message names the flag: "Unknown option '--campain'".
    throw new ConfigurationError('command line', error instanceof Error ? error.message : String(error));
  }
};

/**
 * A script's own flags, refusing any other: `--help` or `-h` prints the usage and exits 0; an unknown
 * flag throws a ConfigurationError naming it, which the scripts answer with exit code 2.
 */
export const scriptFlags = <F extends Flags>(argv: readonly string[], spec: ScriptSpec<F>): FlagValues<F> => {
  if (isHelp(argv)) exitWith(scriptUsage(spec, false));
  return parsed(argv, spec, []) as FlagValues<F>;
};

/**
 * A script's own flags, and the configuration from the environment and every setting's flag, so each
 * script takes the same settings as `npm start`.
 */
export const scriptArgs = <F extends Flags>(
  argv: readonly string[],
  spec: ScriptSpec<F>,
): { flags: FlagValues<F>; config: Config } => {
  if (isHelp(argv)) exitWith(scriptUsage(spec, true));
  const settings = settingNames.map(flagOf);
  const values = parsed(argv, spec, settings);
  const flags: Record<string, unknown> = {};
  const rest: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    if (name in spec.flags) flags[name] = value;
    else if (typeof value === 'string') rest.push(`--${name}=${value}`);
  }
  return { flags: flags as FlagValues<F>, config: loadConfig(process.env, rest) };
};

const exitWith = (usage: string): never => {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
};

/** How every script ends on an error: a bad flag or setting is exit code 2 with the usage hint, anything else 1. */
export const scriptFailed = (script: string) => (error: unknown) => {
  if (error instanceof ConfigurationError) {
    console.error(`${script}: ${error.message}\nSee npm run ${script} -- --help`);
    process.exit(2);
  }
  console.error(error);
  process.exit(1);
};
