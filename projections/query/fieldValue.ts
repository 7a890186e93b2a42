/** The value at a dotted path; undefined when any step is missing or not an object. */
export const fieldValue = (doc: unknown, path: string): unknown => {
  // Most paths are one field: no split, no array to throw away.
  if (!path.includes('.'))
    return typeof doc === 'object' && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)[path]
      : undefined;
  let current: unknown = doc;
  for (const step of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
};
