import { expect } from 'chai';
import { ConfigurationError } from '../../../domain/errors.ts';
import { benchPlan, caseSizes } from '../../../scripts/bench/benchPlan.ts';

describe("the bench's plan: runs per figure and each case's size", () => {
  it('given no flag, then every case runs at its full size, three runs each but one of each long case (the soak)', () => {
    const plan = benchPlan({});
    expect(plan.quick).to.equal(false);
    expect(plan.runs).to.equal(3);
    expect(plan.longRuns).to.equal(1);
    expect(plan.sizes.events).to.equal(1_000_000);
    expect(plan.sizes.requests).to.equal(100_000);
    for (const [name, size] of Object.entries(caseSizes))
      expect(plan.sizes[name as keyof typeof caseSizes], name).to.equal(size.full);
  });

  it('given --quick, then every case runs smaller than in a full run, once each', () => {
    const plan = benchPlan({ quick: true });
    expect(plan.quick).to.equal(true);
    expect(plan.runs).to.equal(1);
    expect(plan.longRuns).to.equal(1);
    expect(plan.sizes.events).to.equal(100_000);
    for (const [name, size] of Object.entries(caseSizes)) {
      expect(plan.sizes[name as keyof typeof caseSizes], name).to.equal(size.quick);
      expect(size.quick, name).to.be.below(size.full);
    }
  });

  it('given --quick with sizes of its own, then each given size wins and the others stay quick', () => {
    const plan = benchPlan({ quick: true, runs: '2', events: '50000', appends: '1000' });
    expect(plan.runs).to.equal(2);
    expect(plan.longRuns, 'the long cases run as often as --runs says').to.equal(2);
    expect(plan.sizes.events).to.equal(50_000);
    expect(plan.sizes.appends).to.equal(1000);
    // The sequential appends never outnumber the concurrent ones.
    expect(plan.sizes.sequentialAppends).to.equal(1000);
    expect(plan.sizes.requests).to.equal(caseSizes.requests.quick);
  });

  it('given a size that is not a whole number above 0, then it throws a ConfigurationError naming the flag', () => {
    expect(() => benchPlan({ events: '0' })).to.throw(ConfigurationError, '--events');
    expect(() => benchPlan({ quick: true, runs: 'two' })).to.throw(ConfigurationError, '--runs');
    expect(() => benchPlan({ requests: '1e5' })).to.throw(ConfigurationError, '--requests');
  });
});
