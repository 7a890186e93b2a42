import { expect } from 'chai';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unsubscribeSecret } from '../../../adapters/config/unsubscribeSecret.ts';
import { loadConfig } from '../../../adapters/config/loadConfig.ts';
import { describeConfig } from '../../../adapters/config/describeConfig.ts';
import { ConfigurationError } from '../../../domain/errors.ts';

describe('UNSUBSCRIBE_SECRET', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'unsubscribe-secret-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once in DATA_DIR, readable by its owner only, and the same after a restart', () => {
    const first = unsubscribeSecret(undefined, dir);
    expect(first).to.have.length.greaterThanOrEqual(43);
    expect(statSync(join(dir, 'unsubscribe-secret')).mode & 0o777).to.equal(0o600);
    expect(unsubscribeSecret(undefined, dir)).to.equal(first);
  });

  it('uses the configured secret, read from the environment or a flag, and never shows it', () => {
    const secret = 's'.repeat(40);
    expect(unsubscribeSecret(secret, dir)).to.equal(secret);
    const config = loadConfig({ UNSUBSCRIBE_SECRET: secret }, []);
    expect(config.unsubscribeSecret).to.equal(secret);
    expect(loadConfig({}, ['--unsubscribe-secret', secret]).unsubscribeSecret).to.equal(secret);
    expect(JSON.stringify(describeConfig(config))).to.not.include(secret);
  });

  it('refuses a short secret, without echoing it', () => {
    expect(() => loadConfig({ UNSUBSCRIBE_SECRET: 'short-secret' }, []))
      .to.throw(ConfigurationError, /UNSUBSCRIBE_SECRET: expected at least 32 characters/)
      .with.property('message')
      .that.does.not.include('short-secret');
  });
});
