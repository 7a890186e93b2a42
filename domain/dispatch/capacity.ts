import type { CapacityRecord } from '../enrollment/events.ts';

export type CapacityInputs = {
  /** The campaign's concurrency limit; undefined: the company's lines alone limit it. */
  readonly campaignLimit: number | undefined;
  readonly campaignInFlight: number;
  readonly outboundLines: number;
  /** Share of the lines (1-100 %) outbound campaigns may take. */
  readonly concurrencyRate: number;
  readonly companyInFlight: number;
  /** Calls per minute the campaign may start; undefined: no pacing. */
  readonly pacingPerMinute: number | undefined;
  readonly requestedLastMinute: number;
  /** What is left of the carrier's calls-per-second allowance in this tick. */
  readonly carrierAllowance: number;
};

const atLeastZero = (n: number): number => Math.max(0, Math.floor(n));

/**
 * Calls a campaign may start now: the smaller of its own free concurrency and the company's free
 * share of lines, then cut by its pacing and by what the carrier accepts per second.
 */
export const dispatchCapacity = (inputs: CapacityInputs): CapacityRecord => {
  const lines = atLeastZero((inputs.outboundLines * inputs.concurrencyRate) / 100);
  const companyFree = lines - inputs.companyInFlight;
  const campaignFree = inputs.campaignLimit === undefined ? Infinity : inputs.campaignLimit - inputs.campaignInFlight;
  const paced = inputs.pacingPerMinute === undefined ? Infinity : inputs.pacingPerMinute - inputs.requestedLastMinute;
  const available = atLeastZero(Math.min(companyFree, campaignFree, paced, inputs.carrierAllowance));
  return {
    limit: inputs.campaignLimit ?? null,
    inFlight: inputs.companyInFlight,
    lines: inputs.outboundLines,
    rate: inputs.concurrencyRate,
    pacing: inputs.pacingPerMinute ?? null,
    available,
  };
};
