import { expect } from 'chai';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../adapters/config/config.ts';
import { ConfigurationError } from '../../../domain/errors.ts';
import { openStores } from '../../../scripts/engine/openStores.ts';
import { startEsdbNode, type EsdbNode } from '../../support/esdbServer/esdbServer.ts';
import { tallyRegistry } from '../../support/tally.ts';

describe('Opening the stores on EventStoreDB', () => {
  let node: EsdbNode;
  let dataDir: string;
  const config = (): Config =>
    ({
      dataDir,
      eventStore: { engine: 'esdb', connectionString: node.connectionString },
      readStore: { engine: 'sqlite' },
    }) as unknown as Config;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'open-stores-'));
  });
  afterEach(async () => {
    await node.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on a node that answers', async () => {
    node = await startEsdbNode();
    const { eventStore, readStore, leases } = await openStores(config(), tallyRegistry);
    expect(await eventStore.headPosition()).to.equal(0n);
    await eventStore.close();
    await readStore.close();
    leases.close();
  });

  it('refuses to start for a user the node denies $all, naming the setting and the refusal', async () => {
    node = await startEsdbNode({ refuseAll: true });
    const error = await openStores(config(), tallyRegistry).then(
      () => expect.fail('expected the start to be refused'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ConfigurationError);
    expect((error as Error).message).to.equal(
      `EVENTSTORE_URL: cannot reach EventStoreDB at ${node.connectionString}: 7 PERMISSION_DENIED: Access Denied`,
    );
  });
});
