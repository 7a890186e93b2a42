import { expect } from 'chai';
import { aggregateStream } from '../../commands/aggregateStream.ts';
import { commandHandler } from '../../commands/handleCommand.ts';
import { context, tallyDecider, tallyRegistry, type TallyCommand } from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';

describe('aggregating a stream', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  const increment = (by: number): TallyCommand => ({
    type: 'Increment',
    data: { tallyId: 't1', companyId: 'company-1', by },
  });
  /** A tally opened with 1, then 2 and 4 added: revisions 0 to 3. */
  const givenTally = async () => {
    const handle = commandHandler({ store: stores.eventStore, registry: tallyRegistry, decider: tallyDecider });
    for (const [by, commandId] of [
      [1, 'one'],
      [2, 'two'],
      [4, 'four'],
    ] as const)
      await handle('tally-t1', increment(by), context({ commandId }));
  };

  it('given a stream, when aggregated, then it is folded from the initial state, with its last revision and position', async () => {
    await givenTally();
    const folded = await aggregateStream(stores.eventStore, tallyDecider, 'tally-t1');
    expect(folded.state).to.deep.equal({ status: 'open', total: 7 });
    expect(folded.revision).to.equal(3n);
    expect(folded.position).to.equal(4n);
  });

  it('given no stream, when aggregated, then the state is the initial one and there is no revision', async () => {
    const folded = await aggregateStream(stores.eventStore, tallyDecider, 'tally-none');
    expect(folded).to.deep.include({ state: { status: 'none', total: 0 }, revision: undefined, position: undefined });
  });

  it('folds up to a revision, or until the first event past a point', async () => {
    await givenTally();
    expect((await aggregateStream(stores.eventStore, tallyDecider, 'tally-t1', { upTo: 2n })).state.total).to.equal(3);
    const beforeFour = await aggregateStream(stores.eventStore, tallyDecider, 'tally-t1', {
      until: (event) => event.metadata.commandId === 'four',
    });
    expect(beforeFour).to.deep.include({ revision: 2n });
    expect(beforeFour.state.total).to.equal(3);
  });

  it("leaves out the events it is told to skip, and folds another company's stream to the initial state", async () => {
    await givenTally();
    expect(
      (
        await aggregateStream(stores.eventStore, tallyDecider, 'tally-t1', {
          skip: (event) => event.metadata.commandId === 'two',
        })
      ).state.total,
    ).to.equal(5);
    expect(
      (await aggregateStream(stores.eventStore, tallyDecider, 'tally-t1', { companyId: 'company-2' })).state,
    ).to.deep.equal(tallyDecider.initialState());
    expect(
      (await aggregateStream(stores.eventStore, tallyDecider, 'tally-t1', { companyId: 'company-1' })).state.total,
    ).to.equal(7);
  });
});
