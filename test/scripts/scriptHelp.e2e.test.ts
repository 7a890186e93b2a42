import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const script = (name: string, ...args: string[]) => {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, '../../scripts', `${name}.ts`), ...args],
    { encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'warn' } },
  );
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** Each script's own flags, as its --help must list them. */
const scripts: Record<string, string[]> = {
  demo: ['--contacts', '--seed', '--days', '--start'],
  replay: ['--campaign', '--as-of', '--stream', '--after', '--limit', '--format', '--out', '--force'],
  rebuild: ['--force'],
  bench: ['--quick', '--runs', '--events', '--appends', '--requests', '--only', '--dir'],
};

describe('every script answers --help and refuses an unknown flag', function () {
  this.timeout(120_000);
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'script-help-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  for (const [name, flags] of Object.entries(scripts)) {
    it(`given npm run ${name} -- --help or -h, then it lists each of its flags with its default and exits 0`, () => {
      for (const help of ['--help', '-h']) {
        const { code, stdout, stderr } = script(name, help);
        expect(code, stderr).to.equal(0);
        expect(stdout).to.match(new RegExp(`^Usage: npm run (-s )?${name}`));
        for (const flag of flags) {
          const entry = new RegExp(`\\n  ${flag}( <[^>]+>)? +([^\\n]|\\n {6,})*\\(default: [^)]+\\)`);
          expect(stdout, `${name} ${flag}`).to.match(entry);
        }
      }
    });

    it(`given npm run ${name} with an unknown flag, then it names the flag and exits 2`, () => {
      // bench keeps no data: --data-dir is no flag of its own.
      const { code, stderr } = script(
        name,
        ...(name === 'bench' ? [] : ['--data-dir', dataDir]),
        '--no-such-flag',
        '1',
      );
      expect(code, stderr).to.equal(2);
      expect(stderr).to.contain("'--no-such-flag'").and.contain(`npm run ${name} -- --help`);
    });
  }

  it('given npm start -- --help, then it lists every setting with its environment variable and exits 0; an unknown flag exits 2', () => {
    const { code, stdout } = script('start', '--help');
    expect(code).to.equal(0);
    for (const [flag, variable] of [
      ['--port', 'PORT'],
      ['--data-dir', 'DATA_DIR'],
      ['--eventstore-url', 'EVENTSTORE_URL'],
      ['--projection-lease-ms', 'PROJECTION_LEASE_MS'],
    ])
      expect(stdout).to.match(new RegExp(`${flag} +${variable} `));
    const unknown = script('start', '--data-dir', dataDir, '--no-such-flag', '1');
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.contain("'--no-such-flag'");
  });

  it('given bench -- --dir naming a directory of files it did not write, then it leaves them and exits 2', () => {
    const theirs = mkdtempSync(join(tmpdir(), 'not-a-bench-'));
    try {
      writeFileSync(join(theirs, 'thesis.tex'), 'years of work');
      const { code, stderr } = script('bench', '--dir', theirs, '--only', 'import', '--runs', '1');
      expect(code).to.equal(2);
      expect(stderr).to.contain('holds files the bench did not write');
      expect(existsSync(join(theirs, 'thesis.tex'))).to.equal(true);
    } finally {
      rmSync(theirs, { recursive: true, force: true });
    }
  });
});
