import type { Scheduler } from '../clock/scheduler.ts';
import type { SeededRandom } from './seededRandom.ts';

export type MsRange = { readonly min: number; readonly max: number };

/** How a simulated carrier's callbacks travel: a little late, sometimes very late (so out of order), sometimes twice. */
export type DeliveryNoise = {
  readonly jitterMs: MsRange;
  /** Chance that one delivery is held back by `lateMs`, so later reports overtake it. */
  readonly late: number;
  readonly lateMs: MsRange;
  /** Chance that a report is delivered a second time. */
  readonly duplicate: number;
};

export const noNoise: DeliveryNoise = {
  jitterMs: { min: 0, max: 0 },
  late: 0,
  lateMs: { min: 0, max: 0 },
  duplicate: 0,
};

/** Schedules the delivery (or deliveries) of one report that happened at `happenedAt` (ms since epoch). */
export const deliverWithNoise = (
  scheduler: Scheduler,
  noise: DeliveryNoise,
  random: SeededRandom,
  happenedAt: number,
  send: () => Promise<void>,
  onError: (error: unknown) => void,
): void => {
  const copies = random.chance(noise.duplicate) ? 2 : 1;
  for (let copy = 0; copy < copies; copy += 1) {
    const delay =
      random.between(noise.jitterMs.min, noise.jitterMs.max) +
      (random.chance(noise.late) ? random.between(noise.lateMs.min, noise.lateMs.max) : 0);
    scheduler.after(happenedAt + delay - scheduler.now().getTime(), () => send().catch(onError));
  }
};
