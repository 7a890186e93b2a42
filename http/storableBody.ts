import type { RequestHandler } from 'express';
import { unstorableText } from '../domain/codecs/storableText.ts';
import { ValidationError, type ErrorDetail } from '../domain/errors.ts';

/** Enough problems to fix a body by; a body full of them need not be listed whole. */
const MOST_SHOWN = 20;

/** A path kept as a link to its parent, so a body nested thousands deep is not copied at every level. */
type Path = { readonly parent: Path; readonly key: string | number } | undefined;
type Pending = { readonly value: unknown; readonly path: Path };

const named = (path: Path): string => {
  const keys: (string | number)[] = [];
  for (let at = path; at; at = at.parent) keys.unshift(at.key);
  return keys.length === 0 ? '(root)' : keys.join('.');
};

/**
 * Every string (keys included) and number of a parsed JSON or form body, checked before any route
 * reads it: JSON.parse turns `1e309` into Infinity, and text may carry NUL or an unpaired surrogate,
 * none of which a store can keep. -0 is read as 0, since JSON cannot keep its sign. Walked without
 * recursion, as a body may nest thousands of levels deep.
 */
const problemsOf = (body: unknown): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const pending: Pending[] = [{ value: body, path: undefined }];
  while (pending.length > 0 && problems.length < MOST_SHOWN) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      const text = unstorableText(value);
      if (text) problems.push({ path: named(path), message: `expected text, got ${text}` });
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value))
        problems.push({
          path: named(path),
          message: 'expected a finite number, got one too large for a JSON number (beyond ±1.8e308)',
        });
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        if (Object.is(item, -0)) value[i] = 0;
        else pending.push({ value: item, path: { parent: path, key: i } });
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const text = unstorableText(key);
        // The key is shown escaped, so the answer (and the log) never carries what was refused.
        if (text)
          problems.push({
            path: named({ parent: path, key: JSON.stringify(key).slice(1, -1) }),
            message: `expected a field name, got ${text}`,
          });
        if (Object.is(item, -0)) (value as Record<string, unknown>)[key] = 0;
        else pending.push({ value: item, path: { parent: path, key } });
      }
    }
  }
  return problems;
};

/** Where a text body (CSV) holds a NUL: by line, as imports number their rows. */
const nulInText = (text: string): ErrorDetail[] => {
  const at = text.indexOf('\u0000');
  if (at < 0) return [];
  const line = text.slice(0, at).split('\n').length;
  return [{ path: '(root)', message: `expected text, got a NUL character on line ${line}` }];
};

/** Refuses, with 400 naming each path, a body holding a value no store can keep, before any route sees it. */
export const storableBody: RequestHandler = (req, _res, next) => {
  const problems = typeof req.body === 'string' ? nulInText(req.body) : problemsOf(req.body);
  if (problems.length === 0) return next();
  const shown = problems
    .slice(0, 5)
    .map((p) => `${p.path}: ${p.message}`)
    .join('; ');
  next(
    new ValidationError('REQUEST.INVALID_BODY', `The request body holds values no store can keep: ${shown}`, problems),
  );
};
