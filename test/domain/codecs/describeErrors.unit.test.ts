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
  it('names the path of the failing value', () =>
    expect(pathsOf(t.type({ a: t.array(t.type({ b: t.string })) }), { a: [{ b: 1 }] })).to.deep.equal(['a.0.b']));

  it('leaves the member indexes of intersections and unions out of the path', () => {
    const field = t.exact(
      t.intersection([t.type({ key: t.string }), t.partial({ options: t.union([t.array(t.string), t.null]) })]),
    );
    expect(pathsOf(t.type({ fields: t.array(field) }), { fields: [{ key: 1, options: [2] }] })).to.deep.equal([
      'fields.0.key',
      'fields.0.options.0',
    ]);
  });

  it('names the root when the value itself is wrong', () =>
    expect(pathsOf(t.type({ a: t.string }), [])).to.deep.equal(['(root)']));

  it('describes a value nested too deeply to print, rather than throwing', () => {
    const deep = JSON.parse('['.repeat(20_000) + ']'.repeat(20_000));
    const decoded = t.type({ a: t.string }).decode(deep);
    if (!isLeft(decoded)) throw new Error('expected a failure');
    expect(errorDetails(decoded.left)).to.deep.equal([
      { path: '(root)', message: 'expected an object, got a value nested too deeply to show' },
    ]);
  });

  it('says a field is missing, and what it should have been, when the request leaves it out', () => {
    const decoded = t.type({ name: t.string, phone: t.string }).decode({ phone: '+13125550100' });
    if (!isLeft(decoded)) throw new Error('expected a failure');
    expect(errorDetails(decoded.left)).to.deep.equal([{ path: 'name', message: 'missing; expected string' }]);
  });

  it('names an object or an array by its kind when the value is of another kind, rather than spelling out every field', () => {
    const codec = t.exact(
      t.intersection([t.type({ contactIds: t.array(t.string) }), t.partial({ reason: t.union([t.string, t.null]) })]),
    );
    const messages = (value: unknown) => {
      const decoded = codec.decode(value);
      if (!isLeft(decoded)) throw new Error('expected a failure');
      return errorDetails(decoded.left).map((d) => `${d.path}: ${d.message}`);
    };
    expect(messages([])).to.deep.equal(['(root): expected an object, got []']);
    expect(messages({ contactIds: 'a' })).to.deep.equal(['contactIds: expected an array, got "a"']);
    expect(messages({ contactIds: [1] })).to.deep.equal(['contactIds.0: expected string, got 1']);
  });

  it("names a union's members as one problem at one path, and leaves out a null member where another got deeper", () => {
    const codec = t.type({
      step: t.union([t.keyof({ list: null, agent: null }, 'a builder step'), t.null]),
      tags: t.union([t.array(t.string), t.null]),
    });
    const decoded = codec.decode({ step: 'fax', tags: [3] });
    if (!isLeft(decoded)) throw new Error('expected a failure');
    expect(errorDetails(decoded.left)).to.deep.equal([
      { path: 'step', message: 'expected a builder step or null, got "fax"' },
      { path: 'tags.0', message: 'expected string, got 3' },
    ]);
  });

  it('shows a long value cut, and says so, so a message never ends on a space', () => {
    const decoded = t
      .type({ tags: t.array(t.string) })
      .decode({ tags: { note: `${'x'.repeat(70)} ${'y'.repeat(20)}` } });
    if (!isLeft(decoded)) throw new Error('expected a failure');
    const [detail] = errorDetails(decoded.left);
    expect(detail!.message).to.equal(`expected an array, got {"note":"${'x'.repeat(70)} …`);
  });
});
