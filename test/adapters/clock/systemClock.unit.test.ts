import { expect } from 'chai';
import { newEntityId } from '../../../adapters/clock/systemClock.ts';

describe('entity ids', () => {
  it('are distinct UUIDv7s, in time order, across many pool refills', () => {
    const ids = Array.from({ length: 5000 }, () => newEntityId());
    expect(new Set(ids).size).to.equal(ids.length);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).to.deep.equal(ids);
  });
});
