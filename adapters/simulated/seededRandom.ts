import { createHash, randomUUID } from 'node:crypto';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export type SeededRandom = {
  /** In [0, 1). */
  next(): number;
  /** A whole number in [min, max]. */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  /** One key of `weights`, each as likely as its share of the total. */
  pick<K extends string>(weights: Readonly<Record<K, number>>): K;
};

/**
 * A random stream fixed by the seed and a key (one call, one message): each play depends on its own
 * key only, so the order in which the engine places calls never changes what a given call does.
 */
export const seededRandom = (seed: number, ...key: readonly (string | number)[]): SeededRandom => {
  const digest = createHash('sha256')
    .update(JSON.stringify([seed, ...key]))
    .digest();
  const rng = xoroshiro128plus(digest.readInt32LE(0));
  const next = () => uniformFloat64(rng);
  return {
    next,
    between: (min, max) => min + Math.floor(next() * (Math.floor(max) - Math.ceil(min) + 1)),
    chance: (probability) => next() < probability,
    pick: <K extends string>(weights: Readonly<Record<K, number>>): K => {
      const entries = Object.entries(weights) as [K, number][];
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = next() * total;
      for (const [key, weight] of entries) {
        if (roll < weight) return key;
        roll -= weight;
      }
      return (entries.findLast(([, weight]) => weight > 0) ??
        entries[0] ??
        (() => {
          throw new RangeError('no weights');
        })())[0];
    },
  };
};

/**
 * A Twilio-shaped id (`CA…`, `SM…`): the prefix and 32 hex digits derived from the carrier's run, the seed and a key.
 * The run keeps apart carriers started at different times on one store (a restart, a second demo), whose plays are alike.
 */
export const carrierId = (prefix: string, run: string, seed: number, ...key: readonly (string | number)[]): string =>
  prefix +
  createHash('sha256')
    .update(JSON.stringify(['id', run, seed, ...key]))
    .digest('hex')
    .slice(0, 32);

/** A new carrier run: random, since two starts of the engine on one store must never hand out the same ids. */
export const newCarrierRun = (): string => randomUUID();
