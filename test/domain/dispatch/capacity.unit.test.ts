import { expect } from 'chai';
import fc from 'fast-check';
import { dispatchCapacity, type CapacityInputs } from '../../../domain/dispatch/capacity.ts';
import { currentRun } from '../../../domain/dispatch/currentRun.ts';

const base: CapacityInputs = {
  campaignLimit: 5,
  campaignInFlight: 0,
  outboundLines: 20,
  concurrencyRate: 50,
  companyInFlight: 0,
  pacingPerMinute: undefined,
  requestedLastMinute: 0,
  carrierAllowance: 100,
};
const available = (change: Partial<CapacityInputs>) => dispatchCapacity({ ...base, ...change }).available;

describe('dispatch capacity', () => {
  it("is the campaign's free concurrency when the company has lines to spare", () =>
    expect(available({ campaignInFlight: 2 })).to.equal(3));
  it("is the company's free share of lines (lines x rate - in flight) when that is smaller", () => {
    expect(available({ campaignLimit: 50, companyInFlight: 7 })).to.equal(3);
    expect(available({ campaignLimit: undefined, outboundLines: 3, concurrencyRate: 50 })).to.equal(1);
  });
  it('is cut by pacing per minute and by the carrier allowance', () => {
    expect(available({ pacingPerMinute: 4, requestedLastMinute: 2 })).to.equal(2);
    expect(available({ carrierAllowance: 1 })).to.equal(1);
  });
  it('is never negative, when more calls are in flight than allowed', () =>
    expect(available({ companyInFlight: 30, campaignInFlight: 9 })).to.equal(0));
  it('records its inputs for auditors', () =>
    expect(dispatchCapacity({ ...base, pacingPerMinute: 30, companyInFlight: 4 })).to.deep.equal({
      limit: 5,
      inFlight: 4,
      lines: 20,
      rate: 50,
      pacing: 30,
      available: 5,
    }));

  it('never exceeds any single limit', () =>
    fc.assert(
      fc.property(
        fc.record({
          campaignLimit: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
          campaignInFlight: fc.integer({ min: 0, max: 300 }),
          outboundLines: fc.integer({ min: 1, max: 10_000 }),
          concurrencyRate: fc.integer({ min: 1, max: 100 }),
          companyInFlight: fc.integer({ min: 0, max: 10_000 }),
          pacingPerMinute: fc.option(fc.integer({ min: 1, max: 600 }), { nil: undefined }),
          requestedLastMinute: fc.integer({ min: 0, max: 600 }),
          carrierAllowance: fc.integer({ min: 0, max: 100 }),
        }),
        (inputs) => {
          const { available: n } = dispatchCapacity(inputs);
          expect(n).to.be.at.least(0);
          expect(inputs.companyInFlight + n).to.be.at.most(
            Math.max(inputs.companyInFlight, Math.floor((inputs.outboundLines * inputs.concurrencyRate) / 100)),
          );
          if (inputs.campaignLimit !== undefined)
            expect(inputs.campaignInFlight + n).to.be.at.most(Math.max(inputs.campaignInFlight, inputs.campaignLimit));
          if (inputs.pacingPerMinute !== undefined)
            expect(inputs.requestedLastMinute + n).to.be.at.most(
              Math.max(inputs.requestedLastMinute, inputs.pacingPerMinute),
            );
          expect(n).to.be.at.most(inputs.carrierAllowance);
        },
      ),
    ));
});

describe('current run', () => {
  const runs = [{ start: '2026-03-02T14:00:00.000Z' }, { start: '2026-03-09T14:00:00.000Z' }];
  it('is none before the first start, then the last run started', () => {
    expect(currentRun(runs, new Date('2026-03-02T13:59:59.999Z'))).to.equal(undefined);
    expect(currentRun(runs, new Date('2026-03-02T14:00:00.000Z'))).to.equal(runs[0]);
    expect(currentRun(runs, new Date('2026-03-10T00:00:00.000Z'))).to.equal(runs[1]);
  });
});
