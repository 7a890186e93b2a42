import { expect } from 'chai';
import fc from 'fast-check';
import type { CountRange } from '../../commands/eventStore.ts';
import { lagsInEvents } from '../../projections/projectionLag.ts';

/** A log of our events at byte-offset positions, counting as a store would, and tallying the events each count walked. */
const logAt = (positions: readonly bigint[]) => {
  let walked = 0;
  return {
    countEvents: async ({ after, through, limit }: CountRange) => {
      const found = Math.min(limit, positions.filter((p) => p > after && p <= through).length);
      walked += found;
      return found;
    },
    get walked() {
      return walked;
    },
  };
};

/** Positions growing by uneven steps, as commit positions do. */
const byteOffsets = (steps: readonly number[]) =>
  steps.reduce<bigint[]>((log, step) => [...log, (log.at(-1) ?? 1_000n) + BigInt(step)], []);

describe('projection lag in events', () => {
  it('counts events, not positions, between each checkpoint and the head', async () => {
    const positions = byteOffsets([310, 4_200, 977, 12_045, 388, 6_001]);
    const head = positions.at(-1)!;
    const lags = await lagsInEvents(logAt(positions), head, [positions[1]!, positions[4]!, head], 100);
    expect(lags.get(positions[1]!)).to.deep.equal({ events: 4, atLeast: false });
    expect(lags.get(positions[4]!)).to.deep.equal({ events: 1, atLeast: false });
    expect(lags.get(head)).to.deep.equal({ events: 0, atLeast: false });
  });

  it('calls a checkpoint past the head 0 behind, since the head was read first', async () => {
    const positions = byteOffsets([500, 700]);
    const lags = await lagsInEvents(logAt(positions), positions[0]!, [positions[1]!], 100);
    expect(lags.get(positions[1]!)).to.deep.equal({ events: 0, atLeast: false });
  });

  it('reads at most the limit for all checkpoints together, and says "at least" past it', () =>
    fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.integer({ min: 1, max: 40 }),
        async (steps, picks, limit) => {
          const positions = byteOffsets(steps);
          const head = positions.at(-1)!;
          const checkpoints = picks.map((i) =>
            i % (positions.length + 1) === 0 ? 0n : positions[(i % (positions.length + 1)) - 1]!,
          );
          const log = logAt(positions);
          const lags = await lagsInEvents(log, head, checkpoints, limit);
          expect(log.walked).to.be.at.most(limit);
          for (const checkpoint of checkpoints) {
            const behind = positions.filter((p) => p > checkpoint).length;
            expect(lags.get(checkpoint)).to.deep.equal(
              behind >= limit ? { events: limit, atLeast: true } : { events: behind, atLeast: false },
            );
          }
        },
      ),
    ));
});
