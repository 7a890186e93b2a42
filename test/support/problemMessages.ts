import type { RequestListener, ServerResponse } from 'node:http';
import { listen, type RunningServer } from '../../http/server.ts';

/** Signs that a message was written around a value that was empty, missing or not text. */
const rules: readonly { readonly fault: string; readonly found: (message: string) => boolean }[] = [
  { fault: 'a doubled space', found: (m) => written(m).includes('  ') },
  { fault: 'empty quotes', found: (m) => /''|""|``/.test(written(m)) },
  { fault: 'a space at its start or end', found: (m) => m !== m.trim() },
  { fault: 'nothing in it', found: (m) => m.trim() === '' },
  { fault: '"undefined"', found: (m) => /\bundefined\b/.test(written(m)) },
  { fault: '"null"', found: (m) => /\bnull\b/.test(written(m).replaceAll('| null', '').replaceAll(' or null', '')) },
  { fault: '"NaN"', found: (m) => /\bNaN\b/.test(written(m)) },
  { fault: '"[object Object]"', found: (m) => written(m).includes('[object Object]') },
  { fault: '"got nothing"', found: (m) => m.includes('got nothing') },
];

/**
 * The words of a message that are ours: what follows `, got ` is the caller's own value shown as JSON,
 * and a quoted string (in double or single quotes) or a `code` span is a literal value; any of them may hold anything JSON can.
 */
function written(message: string): string {
  const shown = message.indexOf(', got ');
  return (
    (shown < 0 ? message : message.slice(0, shown))
      .replace(/"(?:[^"\\]|\\.)+"/g, '"…"')
      .replace(/`[^`]+`/g, '`…`')
      // A value in single quotes opens after a space and closes before one or a stop; an apostrophe (the list's) opens nothing.
      .replace(/(^|[\s(])'[^']+'(?=[\s,.;:)]|$)/g, "$1'…'")
  );
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};

/** Every fault of a problem+json body's `title`, `detail` and `errors[].message`, and any empty `errors[].path`, each naming where it is. */
export const problemMessageFaults = (problem: unknown): string[] => {
  const body = record(problem);
  const errors: unknown[] = Array.isArray(body['errors']) ? body['errors'] : [];
  const paths = errors
    .map((error) => record(error)['path'])
    .filter((path): path is string => typeof path === 'string' && path !== '');
  // A detail that lists the errors names each by its path, which is the caller's own field name.
  const detail =
    typeof body['detail'] === 'string'
      ? paths.reduce((text, path) => text.replaceAll(`${path}: `, 'field: '), body['detail'])
      : body['detail'];
  const texts: [where: string, text: unknown][] = [
    ['title', body['title']],
    ['detail', detail],
    ...errors.map((error, i): [string, unknown] => [`errors[${i}].message`, record(error)['message']]),
  ];
  // A path is made of the caller's own field names, so only its presence is ours to check.
  const pathFaults = errors.flatMap((error, i) =>
    typeof record(error)['path'] === 'string' && record(error)['path'] !== ''
      ? []
      : [`errors[${i}].path is empty or not text`],
  );
  return [
    ...texts.flatMap(([where, text]) =>
      typeof text !== 'string'
        ? [`${where} is not text`]
        : rules.filter((rule) => rule.found(text)).map((rule) => `${where} has ${rule.fault}: ${JSON.stringify(text)}`),
    ),
    ...pathFaults,
  ];
};

const found: string[] = [];

const isProblem = (res: ServerResponse): boolean =>
  String(res.getHeader('content-type') ?? '').startsWith('application/problem+json');

/**
 * The app, with every problem+json answer it sends read on its way out and its faults kept for the
 * running test: test servers wrap their app in it, so every HTTP test checks every message it causes.
 */
export const watchedProblems =
  (app: RequestListener): RequestListener =>
  (req, res) => {
    const end = res.end;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      const [chunk] = args;
      if (isProblem(res) && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
        let problem: unknown;
        try {
          problem = JSON.parse(String(chunk));
        } catch {
          problem = undefined;
        }
        const faults = problem === undefined ? ['the body is not JSON'] : problemMessageFaults(problem);
        found.push(...faults.map((fault) => `${req.method} ${req.url} answered ${res.statusCode}: ${fault}`));
      }
      return end.apply(this, args as Parameters<typeof end>);
    } as typeof res.end;
    return app(req, res);
  };

/** The app on 127.0.0.1 at a free port, its problem+json answers watched: how tests serve the engine. */
export const listenWatched = (app: RequestListener): Promise<RunningServer> =>
  listen(watchedProblems(app), { port: 0, host: '127.0.0.1' });

/** The faults found since last asked, forgotten once returned. */
export const takeProblemFaults = (): string[] => found.splice(0);

// Under mocha (hooks outside any describe are root hooks): each test's faults are named with it, and
// the run fails once at its end, so a fault never stops the tests after it.
const faultsOfTests: string[] = [];
if (typeof afterEach === 'function' && typeof after === 'function') {
  afterEach(function nameProblemFaults() {
    const title = this.currentTest?.fullTitle() ?? 'a hook';
    faultsOfTests.push(...takeProblemFaults().map((fault) => `${title}: ${fault}`));
  });
  after(function checkProblemMessages() {
    const faults = [...faultsOfTests.splice(0), ...takeProblemFaults()];
    if (faults.length > 0)
      throw new Error(
        `${faults.length} problem+json message(s) written around a missing or empty value:\n  ${faults.join('\n  ')}`,
      );
  });
}
