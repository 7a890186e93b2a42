import { expect } from 'chai';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { errorDetails } from '../../../domain/codecs/describeErrors.ts';

const pathsOf = (codec: t.Mixed, value: unknown): string[] => {
  const decoded = codec.decode(value);
  if (!isLeft(decoded)) throw new Error('expected a failure');
  return errorDetails(decoded.left).map((d) => d.path);
};

describe('describing decode errors', () => {
  it('names the path of the failing value', () => expect(pathsOf(t.type({ a: t.array(t.type({ b: t.string })) }), { a: [{ b: 1 }] })).to.deep.equal(['a.0.b']));

  it('leaves the member indexes of intersections and unions out of the path', () => {
    const field = t.exact(t.intersection([t.type({ key: t.string }), t.partial({ options: t.union([t.array(t.string), t.null]) })]));
    expect(pathsOf(t.type({ fields: t.array(field) }), { fields: [{ key: 1, options: [2] }] })).to.deep.equal(['fields.0.key', 'fields.0.options.0', 'fields.0.options']);
  });

  it('names the root when the value itself is wrong', () => expect(pathsOf(t.type({ a: t.string }), [])).to.deep.equal(['(root)']));

  it('describes a value nested too deeply to print, rather than throwing', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000));
    const decoded = t.type({ a: t.string }).decode(deep);
    if (!isLeft(decoded)) throw new Error('expected a failure');
    expect(errorDetails(decoded.left)).to.deep.equal([{ path: '(root)', message: 'expected { a: string }, got a value nested too deeply to show' }]);
  });
});
