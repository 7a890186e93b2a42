import { seededRandom, type SeededRandom } from '../../adapters/simulated/seededRandom.ts';

/**
 * The seed a crash test draws its kill points from: `CRASH_SEED` replays a run, otherwise each run
 * picks its own. Call inside a `describe`: the seed is printed as the test starts, and a failure
 * (a timeout too) names it in its message.
 */
export const crashSeed = (stream: string): SeededRandom => {
  const given = process.env['CRASH_SEED'];
  const seed = given === undefined || given === '' ? Math.floor(Math.random() * 1_000_000) : Number(given);
  if (!Number.isSafeInteger(seed)) throw new Error(`CRASH_SEED must be a whole number, got ${JSON.stringify(given)}`);
  const replay = `kill points from seed ${seed} (CRASH_SEED=${seed} replays them)`;
  beforeEach(() => console.log(`    ${replay}`));
  afterEach(function () {
    const error = this.currentTest?.err;
    if (!error || error.message.includes(replay)) return;
    const told = error.message;
    error.message += `\n${replay}`;
    // Reporters print the message from the stack's head.
    if (error.stack) error.stack = error.stack.replace(told, error.message);
  });
  return seededRandom(seed, stream);
};
