import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteProjectionLeases } from '../../adapters/readstore/sqlite/sqliteProjectionLeases.ts';
import { engineProjections } from '../../projections/engineProjections.ts';

const rebuildScript = join(import.meta.dirname, '../../scripts/rebuild.ts');

const rebuild = (dataDir: string, ...flags: string[]) => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', rebuildScript, '--data-dir', dataDir, ...flags], {
    encoding: 'utf8',
    env: { ...process.env, EVENTSTORE_URL: '', MONGODB_URL: '', PROJECTION_LEASE_HOLDER: '' },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

/** A running service's lease, written as its lease keeper writes it: another host, so never presumed ended. */
const holdLease = async (dataDir: string, projection: string, now: Date, leaseMs: number) => {
  const leases = openSqliteProjectionLeases(join(dataDir, 'leases.db'));
  try {
    return await leases.acquire(projection, 'worker-7.example:4242:0badcafe', now, leaseMs);
  } finally {
    leases.close();
  }
};

describe('npm run rebuild', function () {
  this.timeout(60_000);
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'rebuild-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it("given another live process holds a projection's lease, then it refuses, naming the holder and when the lease expires", async () => {
    const projection = engineProjections[1]!.name;
    const lease = await holdLease(dataDir, projection, new Date(), 120_000);
    const { code, stderr } = rebuild(dataDir);
    expect(code, stderr).to.equal(3);
    expect(stderr)
      .to.contain('worker-7.example:4242:0badcafe')
      .and.contain(projection)
      .and.contain(lease!.expiresAt.toISOString())
      .and.contain('--force');
  });

  it('given the lease has expired, then it rebuilds, and frees the leases it took', async () => {
    await holdLease(dataDir, engineProjections[0]!.name, new Date(Date.now() - 120_000), 1000);
    const { code, stdout, stderr } = rebuild(dataDir);
    expect(code, stderr).to.equal(0);
    expect(stdout).to.contain(`${engineProjections.length} projections up to position`);
    const after = await holdLease(dataDir, engineProjections[0]!.name, new Date(), 120_000);
    expect(after!.holder).to.equal('worker-7.example:4242:0badcafe');
  });

  it('given --force, then it rebuilds beside the live holder', async () => {
    await holdLease(dataDir, engineProjections[0]!.name, new Date(), 120_000);
    const { code, stdout, stderr } = rebuild(dataDir, '--force');
    expect(code, stderr).to.equal(0);
    expect(stdout).to.contain(`${engineProjections.length} projections up to position`);
  });
});
