import { randomUUID } from 'node:crypto';
import type { MongoClient } from 'mongodb';
import { connectMongo } from '../../adapters/readstore/mongodb/connect.ts';
import { getMongoReadStore } from '../../adapters/readstore/mongodb/mongoReadStore.ts';
import { readStoreContract } from './readStoreContract.ts';

const url = process.env.MONGODB_URL;

if (url) {
  describe('ReadStore contract: MongoDB', function () {
    // Hundreds of generated queries each make a round trip to the server.
    this.timeout(180_000);
    const database = `readstore_contract_${randomUUID().replaceAll('-', '')}`;
    let client: MongoClient;
    before(async () => {
      client = await connectMongo(url);
    });
    after(async () => {
      await client?.db(database).dropDatabase();
      await client?.close();
    });

    readStoreContract({ open: async () => getMongoReadStore({ url, database, client }) });
  });
} else {
  console.log(
    'ReadStore contract: MongoDB skipped (set MONGODB_URL=mongodb://localhost:27017/outreach_contracts?directConnection=true to run it)',
  );
}
