import { expect } from 'chai';
import * as t from 'io-ts';
import { closed, closedRecord } from '../../domain/codecs/closed.ts';
import { FiniteNumber, refined, WholeNumber } from '../../domain/values.ts';
import { breachesOf } from './codecLeaves.ts';

const paths = (codec: t.Any) => [...new Set(breachesOf(codec).map((b) => b.path))];

describe('the codec walk that keeps every number finite', () => {
  it('passes a codec built of finite numbers, text, booleans, null, literals and keys', () =>
    expect(
      breachesOf(
        t.intersection([
          t.type({ limit: WholeNumber, ratio: t.union([FiniteNumber, t.null]), name: t.string, on: t.boolean }),
          t.partial({
            kind: t.literal('call'),
            day: t.keyof({ mon: null }),
            tags: t.array(t.string),
            answers: t.record(t.string, FiniteNumber),
          }),
        ]),
      ),
    ).to.deep.equal([]));

  it('finds a raw t.number wherever it stands: nested, optional, in arrays, unions, records and refinements', () =>
    expect(
      paths(
        t.intersection([
          t.type({ a: t.type({ b: t.number }) }),
          t.partial({
            c: t.array(t.union([t.string, t.number])),
            d: t.record(t.string, t.number),
            e: refined('a whole number', t.number, Number.isInteger),
          }),
          t.readonly(t.exact(t.type({ f: closed(t.type({ g: t.number })), h: closedRecord(t.string, t.number) }))),
        ]),
      ),
    ).to.have.members(['(root).a.b', '(root).c.[]', '(root).d.{value}', '(root).e', '(root).f.g', '(root).h.{value}']));

  it('finds leaves that admit what JSON cannot carry', () => {
    const found = breachesOf(
      t.type({ anything: t.unknown, nothing: t.undefined, big: t.bigint, fn: t.Function, record: t.UnknownRecord }),
    );
    expect(found.map((b) => b.path)).to.have.members([
      '(root).anything',
      '(root).nothing',
      '(root).big',
      '(root).fn',
      '(root).record',
    ]);
  });

  it('probes a codec it cannot see into, and names what it admits', () => {
    const anyArray = new t.Type<unknown[], unknown[], unknown>(
      'an array',
      (u): u is unknown[] => Array.isArray(u),
      (u, c) => (Array.isArray(u) ? t.success(u) : t.failure(u, c)),
      t.identity,
    );
    const [breach] = breachesOf(t.type({ cases: anyArray }));
    expect(breach).to.deep.include({ path: '(root).cases', codec: 'an array' });
    expect(breach!.problem).to.contain('Infinity');
  });

  it('finds a number codec that keeps -0, which JSON reads back as 0', () => {
    const finite = new t.Type<number, number, unknown>(
      'a number',
      (u): u is number => Number.isFinite(u),
      (u, c) => (Number.isFinite(u) ? t.success(u as number) : t.failure(u, c)),
      t.identity,
    );
    expect(breachesOf(t.type({ limit: finite })).map((b) => b.problem)).to.deep.equal(['admits -0']);
  });

  it('finds a refinement that lets Infinity through', () =>
    expect(paths(t.type({ at: t.refinement(t.union([t.string, t.number]), () => true) }))).to.include('(root).at'));
});
