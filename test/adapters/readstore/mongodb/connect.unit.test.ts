import { expect } from 'chai';
import { connectMongo } from '../../../../adapters/readstore/mongodb/connect.ts';

const failure = async (url: string): Promise<Error> => {
  const error = await connectMongo(url, { serverSelectionTimeoutMS: 300 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(Error);
  return error as Error;
};

describe('MongoDB read store: connecting', () => {
  it('fails fast when no server answers, naming MONGODB_URL without its password', async () => {
    const error = await failure('mongodb://reader:s3cret@127.0.0.1:1/outreach');
    expect(error.message).to.match(
      /^the MongoDB read store at MONGODB_URL=mongodb:\/\/reader:\*\*\*@127\.0\.0\.1:1\/outreach cannot be reached: /,
    );
    expect(error.message).not.to.include('s3cret');
    expect(error.cause).to.be.instanceOf(Error);
  });

  it('names MONGODB_URL when the URL itself is wrong', async () => {
    expect((await failure('http://localhost:27017')).message).to.include('MONGODB_URL=http://localhost:27017');
  });
});
