import { expect } from 'chai';

/** Everything an async iterable yields, in order. */
export const collect = async <T>(iterable: AsyncIterable<T>): Promise<T[]> => {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
};

/** The error `attempt` rejects with; fails the test when it resolves. */
export const rejection = (attempt: Promise<unknown>): Promise<unknown> =>
  attempt.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  );
