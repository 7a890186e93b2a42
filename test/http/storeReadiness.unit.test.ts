import { expect } from 'chai';
import { checkReadiness } from '../../http/readiness.ts';
import { storeReadiness } from '../../http/storeReadiness.ts';

describe('storeReadiness', () => {
  const options = { maxLag: 10, timeoutMs: 100 };

  it('is ready when the event store tells its head and the read store answers its ping', async () => {
    const readiness = storeReadiness({
      eventStore: { headPosition: async () => 7n },
      readStore: { ping: async () => true },
      projections: async () => [],
    });
    expect((await checkReadiness(readiness, options)).status).to.equal('ready');
  });

  it('reports the event store down when its head cannot be read, and the read store down when ping says so', async () => {
    const readiness = storeReadiness({
      eventStore: { headPosition: () => Promise.reject(new Error('SQLITE_BUSY')) },
      readStore: { ping: async () => false },
      projections: async () => [],
    });
    const report = await checkReadiness(readiness, options);
    expect(report).to.include({ status: 'not_ready', eventStore: 'down', readStore: 'down' });
  });
});
