import { parseArgs } from 'node:util';
import { loadConfig } from '../../adapters/config/loadConfig.ts';
import type { Config } from '../../adapters/config/config.ts';

/**
 * A script's own flags, and the configuration from the environment and every other flag, so each
 * script takes the same settings as `npm start`.
 */
export const scriptArgs = <Name extends string>(argv: readonly string[], own: readonly Name[]) => {
  const mine = new Set(own.map((name) => `--${name}`));
  const ownArgs: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = arg.split('=')[0]!;
    const target = mine.has(flag) ? ownArgs : rest;
    target.push(arg);
    if (!arg.includes('=') && i + 1 < argv.length) target.push(argv[++i]!);
  }
  const options = Object.fromEntries(own.map((name) => [name, { type: 'string' as const }]));
  const { values } = parseArgs({ args: ownArgs, options, strict: true, allowPositionals: false });
  return { flags: values as Partial<Record<Name, string>>, config: loadConfig(process.env, rest) as Config };
};
