import fc from 'fast-check';

/** One request body as sent: its text (or none) and its Content-Type (or none). */
export type SentBody = { readonly text: string | undefined; readonly contentType: string | undefined };

const json = 'application/json';

const nastyStrings = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  '\ud800',
  '💥🚀',
  '\u202e',
  '<script>alert(1)</script>',
  "'; DROP TABLE events; --",
  '__proto__',
  'constructor',
  '../../../etc/passwd',
  '%00',
  '+1' + '9'.repeat(40),
  'wss://',
  'NaN',
  '1e309',
  'x'.repeat(501),
  '0190f5e2-7c1a-7000-8000-000000000000',
);

const nastyNumbers = fc.constantFrom(-1, 0, -0, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, 101);

/** Any JSON value, with strings and numbers chosen to hurt. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 4 }),
  nastyStrings,
  nastyNumbers,
  fc.constant(null),
  fc.boolean(),
  fc.array(nastyStrings, { maxLength: 5 }),
  fc.dictionary(nastyStrings, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

type Path = readonly (string | number)[];

/** Every place inside a value a mutation can hit, the root included. */
export const pathsOf = (value: unknown, at: Path = []): Path[] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((item, i) => pathsOf(item, [...at, i]))];
  if (value !== null && typeof value === 'object')
    return [at, ...Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...at, key]))];
  return [at];
};

const updated = (value: unknown, path: Path, change: (current: unknown) => unknown): unknown => {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = updated(copy[head as number], rest, change);
    if (next === REMOVE) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const next = updated(copy[head as string], rest, change);
  if (next === REMOVE) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
};
const REMOVE = Symbol('remove');

const nested = (depth: number, leaf: string, kind: 'array' | 'object') =>
  kind === 'array' ? '['.repeat(depth) + leaf + ']'.repeat(depth) : '{"a":'.repeat(depth) + leaf + '}'.repeat(depth);

type Mutation = (current: unknown) => unknown;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>(() => REMOVE),
  hostileValue.map(
    (v): Mutation =>
      () =>
        v,
  ),
  fc.constant<Mutation>((current) => [current]),
  fc.constant<Mutation>((current) => ({ value: current })),
  fc.constant<Mutation>(() => 'x'.repeat(200_000)),
  fc.constant<Mutation>((current) =>
    typeof current === 'string' ? current.repeat(1000).slice(0, 100_000) : String(current),
  ),
  fc.constant<Mutation>((current) =>
    typeof current === 'number' ? String(current) : typeof current === 'string' ? Number(current) || 0 : null,
  ),
  fc.integer({ min: 20, max: 60 }).map(
    (depth): Mutation =>
      () =>
        JSON.parse(nested(depth, '1', 'array')),
  ),
);

/** A valid body with one to three of its parts removed, retyped, wrapped, inflated or replaced. */
const mutatedBody = (valid: unknown): fc.Arbitrary<unknown> => {
  const paths = pathsOf(valid);
  return fc.array(fc.tuple(fc.constantFrom(...paths), mutation), { minLength: 1, maxLength: 3 }).map((changes) =>
    changes.reduce<unknown>((body, [path, change]) => {
      try {
        const next = updated(body, path, change);
        return next === REMOVE ? undefined : next;
      } catch {
        return body;
      }
    }, valid),
  );
};

const asJson = (value: unknown, contentType = json): SentBody => ({
  text: value === undefined ? undefined : JSON.stringify(value),
  contentType,
});

const prototypePollution = fc.constantFrom(
  '{"__proto__": {"polluted": true}}',
  '{"constructor": {"prototype": {"polluted": true}}}',
  '{"name": "x", "__proto__": {"isAdmin": true, "polluted": true}}',
);

/** Text that is not JSON at all, or JSON cut short. */
const brokenJson = (valid: unknown): fc.Arbitrary<SentBody> =>
  fc.oneof(
    fc.string({ maxLength: 200 }).map((text) => ({ text, contentType: json })),
    fc.nat().map((n) => {
      const text = JSON.stringify(valid) ?? '';
      return { text: text.slice(0, n % Math.max(1, text.length)), contentType: json };
    }),
    fc
      .constantFrom(
        '{',
        '[',
        '{"a":}',
        "{'name': 'x'}",
        'undefined',
        'NaN',
        '\u0000',
        '{"a":1}{"b":2}',
        '\ufeff{}',
        'null',
        'true',
        '42',
        '"text"',
      )
      .map((text) => ({ text, contentType: json })),
  );

/** The valid body, or random JSON, under the wrong Content-Type, or none at all. */
const wrongContentType = (valid: unknown): fc.Arbitrary<SentBody> =>
  fc
    .tuple(
      fc.oneof(fc.constant(valid), hostileValue),
      fc.constantFrom(
        'text/plain',
        'text/csv',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/octet-stream',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/merge-patch+json',
        undefined,
      ),
    )
    .map(([value, contentType]) => ({ text: JSON.stringify(value) ?? '', contentType }));

/** Deep nesting, as arrays and as objects, up to far past what any body of ours holds. */
const deepNesting = fc
  .tuple(fc.integer({ min: 100, max: 5000 }), fc.constantFrom<'array' | 'object'>('array', 'object'))
  .map(([depth, kind]) => ({ text: nested(depth, '"x"', kind), contentType: json }));

/** Counterexamples name the body briefly: a 5,000-level nesting printed whole helps nobody. */
const readable = (body: SentBody): SentBody => {
  const text =
    body.text === undefined
      ? 'no body'
      : body.text.length > 160
        ? `${JSON.stringify(body.text.slice(0, 120))}... (${body.text.length} characters)`
        : JSON.stringify(body.text);
  return Object.assign(
    { ...body },
    { [fc.toStringMethod]: () => `${text} as ${body.contentType ?? 'no Content-Type'}` },
  );
};

/** Every kind of bad body the suite throws at a route whose good body is `valid`. */
export const malformedBody = (valid: unknown): fc.Arbitrary<SentBody> =>
  fc
    .oneof(
      { weight: 5, arbitrary: mutatedBody(valid).map((body) => asJson(body)) },
      { weight: 2, arbitrary: hostileValue.map((body) => asJson(body)) },
      { weight: 1, arbitrary: fc.constant(asJson([valid])) },
      { weight: 2, arbitrary: brokenJson(valid) },
      { weight: 2, arbitrary: wrongContentType(valid) },
      { weight: 1, arbitrary: deepNesting },
      { weight: 1, arbitrary: prototypePollution.map((text) => ({ text, contentType: json })) },
      { weight: 1, arbitrary: fc.constant<SentBody>({ text: undefined, contentType: undefined }) },
    )
    .map(readable);

const csv = 'text/csv';

/** A CSV upload gone wrong: cut short, reshaped, badly quoted, inflated, or not CSV at all. */
export const malformedCsv = (valid: string): fc.Arbitrary<SentBody> => {
  const [header = '', ...rows] = valid.split('\n');
  const cell = fc.oneof(nastyStrings, fc.string({ maxLength: 30 }), fc.constant('"unclosed'), fc.constant('a""b'));
  const row = fc.array(cell, { maxLength: 12 }).map((cells) => cells.join(','));
  return fc
    .oneof(
      fc.string({ maxLength: 300 }).map((text) => ({ text, contentType: csv })),
      fc
        .array(row, { minLength: 1, maxLength: 5 })
        .map((extra) => ({ text: [header, ...rows, ...extra].join('\n'), contentType: csv })),
      fc.array(row, { maxLength: 5 }).map((lines) => ({ text: lines.join('\r\n'), contentType: csv })),
      fc.nat().map((n) => ({ text: valid.slice(0, n % Math.max(1, valid.length)), contentType: csv })),
      fc.constant({ text: `${header}\n${'x'.repeat(200_000)}`, contentType: csv }),
      fc.constant({ text: `${header}\n"${'a,'.repeat(1000)}`, contentType: csv }),
      fc.constant({ text: header.split(',').reverse().join(',') + '\n' + rows.join('\n'), contentType: csv }),
      fc.constant({ text: '\ufeff' + valid, contentType: csv }),
      fc.constant({ text: valid.replaceAll(',', ';'), contentType: csv }),
      malformedBody({ csv: valid }),
    )
    .map(readable);
};
