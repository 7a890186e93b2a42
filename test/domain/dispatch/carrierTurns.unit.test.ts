import { expect } from 'chai';
import fc from 'fast-check';
import {
  afterTurn,
  firstRotation,
  nextTurn,
  tickTurns,
  type Claimant,
  type Rotation,
} from '../../../domain/dispatch/carrierTurns.ts';

/** How many calls each campaign can still place this tick (contacts due in their window, capacity). */
type Work = Readonly<Record<string, number>>;

/** One tick as the dispatcher plays it: offer turns until the allowance is spent or no one can place. */
const playTick = (allowance: number, claimants: readonly Claimant[], work: Work, rotation: Rotation) => {
  const calls: Claimant[] = [];
  let turns = tickTurns(allowance, claimants, rotation);
  for (let turn = nextTurn(turns); turn; turn = nextTurn(turns)) {
    const placed = calls.filter((call) => call.campaignId === turn!.campaignId).length < (work[turn.campaignId] ?? 0);
    if (placed) calls.push(turn);
    turns = afterTurn(turns, turn, placed);
  }
  return { calls, rotation: turns.rotation };
};

/** Several ticks in a row, the rotation carried from one to the next. */
const playTicks = (allowance: number, claimants: readonly Claimant[], workPerTick: readonly Work[]) => {
  let rotation = firstRotation;
  return workPerTick.map((work) => {
    const tick = playTick(allowance, claimants, work, rotation);
    rotation = tick.rotation;
    return tick.calls;
  });
};

const a1 = { companyId: 'a', campaignId: 'a1' };
const a2 = { companyId: 'a', campaignId: 'a2' };
const b1 = { companyId: 'b', campaignId: 'b1' };
const c1 = { companyId: 'c', campaignId: 'c1' };
const plenty = (...claimants: Claimant[]): Work => Object.fromEntries(claimants.map((c) => [c.campaignId, 1_000]));
const names = (calls: readonly Claimant[]) => calls.map((call) => call.campaignId);

describe('carrier turns', () => {
  it('gives a one-call allowance to each company in turn, tick after tick', () => {
    const ticks = playTicks(1, [a1, b1], Array(4).fill(plenty(a1, b1)));
    expect(ticks.map(names)).to.deep.equal([['a1'], ['b1'], ['a1'], ['b1']]);
  });

  it("splits one tick across companies first, then across each company's campaigns", () => {
    const [calls] = playTicks(5, [a1, a2, b1], [plenty(a1, a2, b1)]);
    expect(names(calls!)).to.deep.equal(['a1', 'b1', 'a2', 'b1', 'a1']);
  });

  it('starts the next tick after the company that placed the last call, so a remainder goes round', () => {
    const ticks = playTicks(4, [a1, b1, c1], Array(3).fill(plenty(a1, b1, c1)));
    expect(ticks.map(names)).to.deep.equal([
      ['a1', 'b1', 'c1', 'a1'],
      ['b1', 'c1', 'a1', 'b1'],
      ['c1', 'a1', 'b1', 'c1'],
    ]);
  });

  it('offers a call a campaign cannot place to its sibling first, then to the next company', () => {
    const [calls] = playTicks(3, [a1, a2, b1], [{ a1: 0, a2: 5, b1: 5 }]);
    expect(names(calls!)).to.deep.equal(['a2', 'b1', 'a2']);
    const [others] = playTicks(3, [a1, b1], [{ a1: 1, b1: 5 }]);
    expect(names(others!)).to.deep.equal(['a1', 'b1', 'b1']);
  });

  it('leaves the rotation as it was when a turn is not used', () => {
    const turns = tickTurns(1, [a1, b1], { company: 'b', campaigns: { a: 'a1' } });
    expect(nextTurn(turns)).to.deep.equal(a1);
    const declined = afterTurn(turns, a1, false);
    expect(declined.rotation).to.deep.equal(turns.rotation);
    expect(nextTurn(declined)).to.deep.equal(b1);
    expect(nextTurn(afterTurn(declined, b1, false))).to.equal(undefined);
  });

  it('takes a company new to the rotation in its place by id, and forgets companies gone', () => {
    const turns = tickTurns(2, [a1, c1], { company: 'b', campaigns: { b: 'b1', c: 'c1' } });
    expect(turns.rotation.campaigns).to.deep.equal({ c: 'c1' });
    expect(nextTurn(turns)).to.deep.equal(c1);
  });

  it('offers nothing with no allowance or no campaign', () => {
    expect(nextTurn(tickTurns(0, [a1], firstRotation))).to.equal(undefined);
    expect(nextTurn(tickTurns(3, [], firstRotation))).to.equal(undefined);
  });

  describe('over random companies, campaigns, allowances and due contacts', () => {
    const world = fc
      .record({
        campaignsPerCompany: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 5 }),
        allowance: fc.integer({ min: 1, max: 6 }),
        ticks: fc.integer({ min: 1, max: 40 }),
        seed: fc.integer(),
      })
      .chain(({ campaignsPerCompany, allowance, ticks }) => {
        const claimants = campaignsPerCompany.flatMap((count, company) =>
          Array.from({ length: count }, (_, i) => ({ companyId: `co${company}`, campaignId: `co${company}.ca${i}` })),
        );
        const work = fc.record(
          Object.fromEntries(
            claimants.map((c) => [
              c.campaignId,
              fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.constant(1_000)),
            ]),
          ),
        );
        return fc.record({
          claimants: fc.shuffledSubarray(claimants, { minLength: claimants.length }),
          allowance: fc.constant(allowance),
          workPerTick: fc.array(work, { minLength: ticks, maxLength: ticks }),
        });
      });
    const companiesOf = (claimants: readonly Claimant[]) => new Set(claimants.map((c) => c.companyId));
    const sum = (ns: readonly number[]) => ns.reduce((a, b) => a + b, 0);

    it('spends the allowance while anyone can place, and never gives a campaign more than it can place', () =>
      fc.assert(
        fc.property(world, ({ claimants, allowance, workPerTick }) => {
          playTicks(allowance, claimants, workPerTick).forEach((calls, t) => {
            const work = workPerTick[t]!;
            expect(calls).to.have.length(Math.min(allowance, sum(Object.values(work))));
            for (const c of claimants)
              expect(calls.filter((call) => call.campaignId === c.campaignId).length).to.be.at.most(
                work[c.campaignId]!,
              );
          });
        }),
      ));

    it('places a call for every campaign with work within ⌈companies × campaigns per company ÷ allowance⌉ ticks', () =>
      fc.assert(
        fc.property(world, ({ claimants, allowance, workPerTick }) => {
          const most = Math.max(
            ...[...companiesOf(claimants)].map((id) => claimants.filter((c) => c.companyId === id).length),
          );
          const bound = Math.ceil((companiesOf(claimants).size * most) / allowance);
          const ticks = playTicks(allowance, claimants, workPerTick);
          for (const { campaignId } of claimants) {
            let waited = 0;
            ticks.forEach((calls, t) => {
              if (calls.some((call) => call.campaignId === campaignId)) waited = 0;
              else if (workPerTick[t]![campaignId]! > 0) waited += 1;
              else waited = 0;
              expect(waited, `${campaignId} waiting at tick ${t}`).to.be.below(bound);
            });
          }
        }),
      ));

    it('gives a company that can take every call at least ⌊calls ÷ companies calling (itself included)⌋ over any run of ticks', () =>
      fc.assert(
        fc.property(world, ({ claimants, allowance, workPerTick }) => {
          const ticks = playTicks(allowance, claimants, workPerTick);
          const demand = (company: string, t: number) =>
            sum(claimants.filter((c) => c.companyId === company).map((c) => workPerTick[t]![c.campaignId]!));
          for (const company of companiesOf(claimants))
            for (let from = 0; from < ticks.length; from++)
              for (let to = from; to < ticks.length && demand(company, to) >= allowance; to++) {
                const calls = ticks.slice(from, to + 1).flat();
                const placing = companiesOf([...calls, { companyId: company, campaignId: '' }]).size;
                const own = calls.filter((call) => call.companyId === company).length;
                expect(own, `${company} from tick ${from} to ${to}`).to.be.at.least(Math.floor(calls.length / placing));
              }
        }),
      ));

    it('hands out the same turns whatever order the campaigns are read in', () =>
      fc.assert(
        fc.property(world, fc.integer(), ({ claimants, allowance, workPerTick }, shift) => {
          const turned = [
            ...claimants.slice(Math.abs(shift) % claimants.length),
            ...claimants.slice(0, Math.abs(shift) % claimants.length),
          ];
          expect(playTicks(allowance, turned, workPerTick)).to.deep.equal(playTicks(allowance, claimants, workPerTick));
        }),
      ));
  });
});
