import { randomUUID } from 'node:crypto';
import type { MongoClient } from 'mongodb';
import { connectMongo } from '../../adapters/readstore/mongodb/connect.ts';
import { getMongoProjectionLeases } from '../../adapters/readstore/mongodb/mongoProjectionLeases.ts';
import { projectionLeasesContract } from './projectionLeasesContract.ts';

const url = process.env.MONGODB_URL;

if (url) {
  describe('ProjectionLeases contract: MongoDB', function () {
    this.timeout(60_000);
    const database = `leases_contract_${randomUUID().replaceAll('-', '')}`;
    const clients: MongoClient[] = [];
    after(async () => {
      await clients[0]?.db(database).dropDatabase();
      for (const client of clients.splice(0)) await client.close();
    });

    // Each view is a client of its own, as two engine processes would connect.
    projectionLeasesContract({
      open: async () => {
        const client = await connectMongo(url);
        clients.push(client);
        return getMongoProjectionLeases(client.db(database));
      },
    });
  });
} else {
  console.log(
    'ProjectionLeases contract: MongoDB skipped (set MONGODB_URL=mongodb://localhost:27017/outreach_contracts?directConnection=true to run it)',
  );
}
