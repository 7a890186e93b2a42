import { expect } from 'chai';
import { commandHandler } from '../../commands/handleCommand.ts';
import type { Scheduler } from '../../commands/scheduler.ts';
import type { Decider } from '../../domain/decider.ts';
import { ConcurrencyError, NotFoundError } from '../../domain/errors.ts';
import {
  context,
  tallyDecider,
  tallyRegistry,
  type TallyCommand,
  type TallyEvent,
  type TallyState,
} from '../support/tally.ts';
import { tempStores } from '../support/tempStores.ts';

describe('command handling at an expected revision', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  const retry = { attempts: 8, baseDelayMs: 1, maxDelayMs: 2 };
  const handler = () =>
    commandHandler({ store: stores.eventStore, registry: tallyRegistry, decider: tallyDecider, retry });
  const increment = (by: number): TallyCommand => ({
    type: 'Increment',
    data: { tallyId: 't1', companyId: 'company-1', by },
  });

  it('given the stream at revision 1, when a command expects revision 1, then it is decided and appended', async () => {
    const handle = handler();
    await handle('tally-t1', increment(1), context());
    const result = await handle('tally-t1', increment(2), context(), { expectedRevision: 1n });
    expect(result.newState.total).to.equal(3);
    expect(result.nextExpectedRevision).to.equal(2n);
  });

  it('given the stream at revision 1, when a command expects revision 0, then it is refused with ConcurrencyError and appends nothing', async () => {
    const handle = handler();
    await handle('tally-t1', increment(1), context());
    const error = await handle('tally-t1', increment(2), context(), { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConcurrencyError);
    expect((error as Error).message).to.match(/expected revision 0, actual 1/);
    expect(await stores.eventStore.headPosition()).to.equal(2n);
  });

  it('given an expected revision, when the append conflicts, then the command is not decided again', async () => {
    const handle = handler();
    await handle('tally-t1', increment(1), context());
    let appends = 0;
    const conflicting = {
      ...stores.eventStore,
      append: async () => {
        appends++;
        throw new ConcurrencyError('tally-t1', '1', '2');
      },
    };
    const once = commandHandler({ store: conflicting, registry: tallyRegistry, decider: tallyDecider, retry });
    const error = await once('tally-t1', increment(2), context(), { expectedRevision: 1n }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConcurrencyError);
    expect(appends).to.equal(1);
  });

  it('given a command the decider does not find, when its expected revision is stale too, then it is answered not found', async () => {
    const missing: Decider<TallyState, TallyCommand, TallyEvent> = {
      ...tallyDecider,
      decide: (command, state) => {
        if (state.status === 'none') throw new NotFoundError('TALLY.NOT_FOUND', 'no such tally');
        return tallyDecider.decide(command, state);
      },
    };
    const handle = commandHandler({ store: stores.eventStore, registry: tallyRegistry, decider: missing, retry });
    const error = await handle('tally-t1', increment(1), context(), { expectedRevision: 3n }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
  });

  it('answers a re-sent command with its first result even once its expected revision is past', async () => {
    const handle = handler();
    await handle('tally-t1', increment(1), context());
    const first = await handle('tally-t1', increment(2), context({ commandId: 'same' }), { expectedRevision: 1n });
    const again = await handle('tally-t1', increment(2), context({ commandId: 'same' }), { expectedRevision: 1n });
    expect(again.repeated).to.equal(true);
    expect(again.position).to.equal(first.position);
  });
});

describe('command handling backoff', () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => {
    stores = tempStores(tallyRegistry);
  });
  afterEach(() => stores.dispose());

  it('given a real-time scheduler, when appends conflict, then every backoff waits on that scheduler', async () => {
    const waits: number[] = [];
    const realTime: Scheduler = {
      now: () => new Date(),
      after: (delayMs, task) => {
        waits.push(delayMs);
        void Promise.resolve().then(task);
        return { cancel: () => undefined };
      },
    };
    const conflicting = {
      ...stores.eventStore,
      append: async () => {
        throw new ConcurrencyError('tally-t1', '0', '1');
      },
    };
    const handle = commandHandler({
      store: conflicting,
      registry: tallyRegistry,
      decider: tallyDecider,
      retry: { attempts: 3, baseDelayMs: 1000, maxDelayMs: 1000 },
      random: () => 0.5,
      realTime,
    });
    const error = await handle(
      'tally-t1',
      { type: 'Increment', data: { tallyId: 't1', companyId: 'company-1', by: 1 } },
      context(),
    ).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConcurrencyError);
    expect(waits).to.deep.equal([500, 500]);
  });
});
