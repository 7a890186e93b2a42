import { expect } from 'chai';
import { ConfigurationError } from '../../../domain/errors.ts';
import { scriptArgs, scriptFlags, scriptUsage } from '../../../scripts/engine/scriptArgs.ts';

const spec = {
  usage: 'npm run sample -- [flags]',
  summary: 'A script with a flag that takes a value and a switch.',
  flags: {
    limit: { value: 'n', description: 'at most n', default: 'no limit' },
    force: { description: 'overwrite', default: 'off' },
  },
} as const;

describe("a script's flags", () => {
  it('given a switch before a setting, then the switch reads as true and the setting reaches the configuration', () => {
    const { flags, config } = scriptArgs(['--force', '--data-dir', '/tmp/sample-data', '--limit=5'], spec);
    expect(flags).to.deep.equal({ force: true, limit: '5' });
    expect(config.dataDir).to.equal('/tmp/sample-data');
  });

  it('given an unknown flag, then it throws a ConfigurationError naming it', () => {
    expect(() => scriptArgs(['--limt', '5'], spec)).to.throw(ConfigurationError, "'--limt'");
    expect(() => scriptFlags(['--data-dir', '/tmp'], spec)).to.throw(ConfigurationError, "'--data-dir'");
  });

  it('lists each flag with what it takes and its default, then the settings when the script reads them', () => {
    const usage = scriptUsage(spec, true);
    expect(usage)
      .to.contain('--limit <n>  at most n (default: no limit)')
      .and.contain('--force      overwrite (default: off)')
      .and.contain('-h, --help');
    expect(usage).to.match(/--data-dir +DATA_DIR/);
    expect(scriptUsage(spec, false)).to.not.contain('DATA_DIR');
  });
});
