import { expect } from 'chai';
import * as t from 'io-ts';
import { codecSchema } from '../../http/codecSchema.ts';
import { closed } from '../../domain/codecs/closed.ts';

describe('codecSchema', () => {
  it('documents objects with required and optional fields, arrays, enums and integers', () => {
    const Contact = t.intersection([
      t.type({ name: t.string, phone: t.string, attempts: t.Int, status: t.keyof({ active: null, completed: null }) }),
      t.partial({ email: t.string, tags: t.readonlyArray(t.string) }),
    ]);
    expect(codecSchema(Contact)).to.deep.equal({
      allOf: [
        {
          type: 'object',
          properties: {
            name: { type: 'string' },
            phone: { type: 'string' },
            attempts: { type: 'integer' },
            status: { enum: ['active', 'completed'] },
          },
          required: ['name', 'phone', 'attempts', 'status'],
        },
        {
          type: 'object',
          properties: { email: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
        },
      ],
    });
  });

  it('documents unions of literals as enums and nullable fields as anyOf', () => {
    expect(codecSchema(t.union([t.literal('voice'), t.literal('messaging')]))).to.deep.equal({
      enum: ['voice', 'messaging'],
    });
    expect(codecSchema(t.union([t.string, t.null]))).to.deep.equal({ anyOf: [{ type: 'string' }, { type: 'null' }] });
  });

  it('treats a field that accepts undefined as optional', () => {
    expect(codecSchema(t.type({ a: t.union([t.string, t.undefined]) }))).to.deep.equal({
      type: 'object',
      properties: { a: { type: 'string' } },
    });
  });

  it('documents records, exact types and refinements through their base type', () => {
    expect(codecSchema(t.record(t.string, t.number))).to.deep.equal({
      type: 'object',
      additionalProperties: { type: 'number' },
    });
    expect(codecSchema(t.exact(t.type({ a: t.boolean })))).to.deep.equal({
      type: 'object',
      properties: { a: { type: 'boolean' } },
      required: ['a'],
    });
    expect(
      codecSchema(
        t.brand(t.string, (s): s is t.Branded<string, { readonly Phone: unique symbol }> => s.startsWith('+'), 'Phone'),
      ),
    ).to.deep.equal({
      type: 'string',
    });
  });

  it('documents a closed object as refusing fields it does not name', () =>
    expect(codecSchema(closed(t.partial({ contactIds: t.array(t.string) })))).to.deep.equal({
      type: 'object',
      properties: { contactIds: { type: 'array', items: { type: 'string' } } },
      additionalProperties: false,
    }));
});
