import { expect } from 'chai';
import {
  externalIdsHeld,
  holdsExternalId,
  NO_EXTERNAL_IDS,
  withExternalIds,
  type ListExternalIds,
} from '../../../domain/list/listExternalIds.ts';

const batches = (count: number, size: number): string[][] =>
  Array.from({ length: count }, (_, b) => Array.from({ length: size }, (_, i) => `C-${b}-${i}`));
const heldAfter = (added: readonly string[][]): ListExternalIds => added.reduce(withExternalIds, NO_EXTERNAL_IDS);

describe('list external ids', () => {
  it('holds nothing at first', () => {
    expect(holdsExternalId(NO_EXTERNAL_IDS, 'A1')).to.equal(false);
    expect([...externalIdsHeld(NO_EXTERNAL_IDS)]).to.deep.equal([]);
  });

  it('holds every id of every batch added, in the order they were added, and no other', () => {
    const added = batches(37, 13);
    const held = heldAfter(added);
    expect([...externalIdsHeld(held)]).to.deep.equal(added.flat());
    expect(added.flat().every((id) => holdsExternalId(held, id))).to.equal(true);
    expect(holdsExternalId(held, 'C-37-0')).to.equal(false);
  });

  it('keeps an id added again once', () => {
    const held = heldAfter([
      ['A1', 'A2'],
      ['A2', 'A3', 'A3'],
    ]);
    expect([...externalIdsHeld(held)]).to.deep.equal(['A1', 'A2', 'A3']);
  });

  it('answers the same ids when nothing new is added', () => {
    const held = heldAfter([['A1', 'A2']]);
    expect(withExternalIds(held, ['A2', 'A1'])).to.equal(held);
  });

  it('never changes the ids of an earlier state', () => {
    const before = heldAfter(batches(5, 4));
    const after = withExternalIds(before, ['B1']);
    expect(holdsExternalId(after, 'B1')).to.equal(true);
    expect(holdsExternalId(before, 'B1')).to.equal(false);
    expect([...externalIdsHeld(before)]).to.deep.equal(batches(5, 4).flat());
  });

  it('keeps each set more than twice the size of the next, so a list of a thousand batches has a handful of sets', () => {
    const held = heldAfter(batches(1000, 10));
    for (let i = 1; i < held.sets.length; i++) expect(held.sets[i - 1]!.size).to.be.greaterThan(2 * held.sets[i]!.size);
    expect(held.sets.length).to.be.at.most(Math.ceil(Math.log2(1000)));
  });
});
