import { expect } from 'chai';
import { serviceClock } from '../../../scripts/engine/serviceClock.ts';
import { engineRegistry } from '../../../domain/engineEvents.ts';
import { ConfigurationError } from '../../../domain/errors.ts';
import { seededEvents } from '../../support/seededEvents.ts';
import { tempStores } from '../../support/tempStores.ts';

const ignore = () => {};

describe("the service's clock", () => {
  let stores: ReturnType<typeof tempStores>;
  beforeEach(() => (stores = tempStores(engineRegistry)));
  afterEach(() => stores.dispose());

  const recordedAt = (at: string) =>
    stores.eventStore.append(
      'company-c1',
      seededEvents(
        [{ type: 'CompanyCreated', data: { companyId: 'c1', name: 'Hartley & Vance LLP' } }],
        'c1',
        'cmd-1',
        new Date(at),
      ),
      'no_stream',
    );

  it('given no simulated clock, then it is real time, with nothing to say on a store of the past', async () => {
    await recordedAt('2020-01-01T00:00:00Z');
    const clock = await serviceClock(undefined, { eventStore: stores.eventStore, embedded: true }, ignore);
    expect(Math.abs(clock.scheduler.now().getTime() - Date.now())).to.be.lessThan(1000);
    expect(clock.notices).to.deep.equal([]);
  });

  it('given CLOCK_START on an empty store, then time starts there at the asked speed, and says so loudly', async () => {
    const clock = await serviceClock(
      { start: new Date('2027-01-11T17:00:00Z'), speed: 60 },
      { eventStore: stores.eventStore, embedded: true },
      ignore,
    );
    const now = clock.scheduler.now().getTime() - Date.parse('2027-01-11T17:00:00Z');
    expect(now).to.be.within(0, 60_000);
    expect(clock.notices).to.have.length(1);
    expect(clock.notices[0]).to.deep.include({
      level: 'warn',
      fields: { clockStart: '2027-01-11T17:00:00.000Z', clockSpeed: 60 },
    });
    expect(clock.notices[0]!.message).to.match(
      /^SIMULATED CLOCK: .* starts at 2027-01-11T17:00:00.000Z and runs 60 times faster than real time/,
    );
  });

  it('given a CLOCK_START before the latest recorded event, then the start is refused: recorded time never runs backwards', async () => {
    await recordedAt('2027-01-11T17:30:00Z');
    const refused = await serviceClock(
      { start: new Date('2027-01-11T17:00:00Z'), speed: 60 },
      { eventStore: stores.eventStore, embedded: true },
      ignore,
    ).catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(ConfigurationError);
    expect((refused as ConfigurationError).message).to.equal(
      'CLOCK_START: the simulated clock would start at 2027-01-11T17:00:00.000Z, before the latest event in the store (2027-01-11T17:30:00.000Z); recorded time never runs backwards: give a CLOCK_START after it, or an empty DATA_DIR',
    );
    const later = await serviceClock(
      { start: new Date('2027-01-11T18:00:00Z'), speed: 60 },
      { eventStore: stores.eventStore, embedded: true },
      ignore,
    );
    expect(later.scheduler.now().getTime()).to.be.at.least(Date.parse('2027-01-11T18:00:00Z'));
  });

  it('given a store with events later than now and the real clock, then it warns that times will be out of order', async () => {
    await recordedAt('2099-01-11T17:30:00Z');
    const clock = await serviceClock(undefined, { eventStore: stores.eventStore, embedded: true }, ignore);
    expect(clock.notices.map((notice) => [notice.level, notice.fields])).to.deep.equal([
      ['warn', { latestRecordedAt: '2099-01-11T17:30:00.000Z' }],
    ]);
    const distributed = await serviceClock(undefined, { eventStore: stores.eventStore, embedded: false }, ignore);
    expect(distributed.notices, 'a distributed store is not read at start').to.deep.equal([]);
  });
});
