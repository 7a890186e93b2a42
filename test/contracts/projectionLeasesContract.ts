import { expect } from 'chai';
import { holds, type ProjectionLeases } from '../../projections/projectionLeases.ts';

/** Each `open` is another process's view of the same leases: a connection of its own to one store. */
export type ProjectionLeasesFactory = { open(): Promise<ProjectionLeases> };

let sequence = 0;
/** A projection name of its own for each test, so runs that share a server never mix. */
const uniqueProjection = () => `lease${Date.now().toString(36)}${++sequence}`;

const at = (ms: number) => new Date(Date.UTC(2026, 10, 30, 12) + ms);
const TTL = 15_000;

export const projectionLeasesContract = (factory: ProjectionLeasesFactory): void => {
  let a: ProjectionLeases;
  let b: ProjectionLeases;
  let projection: string;
  beforeEach(async () => {
    a = await factory.open();
    b = await factory.open();
    projection = uniqueProjection();
  });

  it('gives a free lease to the first holder that asks, until now plus its time to live', async () => {
    expect(await a.acquire(projection, 'engine-1', at(0), TTL)).to.deep.equal({
      projection,
      holder: 'engine-1',
      expiresAt: at(TTL),
    });
  });

  it('lets its holder renew it, and refuses another holder, naming who holds it until when', async () => {
    await a.acquire(projection, 'engine-1', at(0), TTL);
    expect(await a.acquire(projection, 'engine-1', at(5000), TTL)).to.deep.equal({
      projection,
      holder: 'engine-1',
      expiresAt: at(5000 + TTL),
    });
    const refused = await b.acquire(projection, 'engine-2', at(6000), TTL);
    expect(refused).to.deep.equal({ projection, holder: 'engine-1', expiresAt: at(5000 + TTL) });
    expect(holds(refused, 'engine-2', at(6000))).to.equal(false);
    expect(await b.acquire(projection, 'engine-2', at(5000 + TTL - 1), TTL)).to.deep.include({ holder: 'engine-1' });
  });

  it('hands an expired lease to another holder, from the moment it expires, and then refuses the former holder', async () => {
    await a.acquire(projection, 'engine-1', at(0), TTL);
    const taken = await b.acquire(projection, 'engine-2', at(TTL), TTL);
    expect(taken).to.deep.equal({ projection, holder: 'engine-2', expiresAt: at(2 * TTL) });
    expect(holds(taken, 'engine-2', at(TTL))).to.equal(true);
    expect(await a.acquire(projection, 'engine-1', at(TTL + 1), TTL)).to.deep.equal({
      projection,
      holder: 'engine-2',
      expiresAt: at(2 * TTL),
    });
  });

  it('frees a released lease at once, while a release by anyone else changes nothing', async () => {
    await a.acquire(projection, 'engine-1', at(0), TTL);
    await b.release(projection, 'engine-2');
    expect(await b.acquire(projection, 'engine-2', at(1), TTL)).to.deep.include({ holder: 'engine-1' });
    await a.release(projection, 'engine-1');
    expect(await b.acquire(projection, 'engine-2', at(2), TTL)).to.deep.equal({
      projection,
      holder: 'engine-2',
      expiresAt: at(2 + TTL),
    });
  });

  it('keeps a lease for each projection', async () => {
    const other = uniqueProjection();
    await a.acquire(projection, 'engine-1', at(0), TTL);
    expect(await b.acquire(other, 'engine-2', at(0), TTL)).to.deep.include({ holder: 'engine-2' });
    expect(await b.acquire(projection, 'engine-2', at(0), TTL)).to.deep.include({ holder: 'engine-1' });
  });

  it('gives a lease to exactly one of many holders asking at once through separate connections, free or expired', async () => {
    const race = (now: Date) =>
      Promise.all(
        Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? a : b).acquire(projection, `engine-${i}`, now, TTL)),
      );
    const first = await race(at(0));
    const winner = first[0]!.holder;
    expect(first.filter((lease) => holds(lease, winner, at(0)))).to.have.length(8);
    expect(first.map((lease) => lease!.holder).filter((holder) => holder === winner)).to.have.length(8);
    const second = await race(at(TTL));
    expect(new Set(second.map((lease) => `${lease!.holder}@${lease!.expiresAt.toISOString()}`)).size).to.equal(1);
    expect(second[0]!.expiresAt).to.deep.equal(at(2 * TTL));
  });
};
