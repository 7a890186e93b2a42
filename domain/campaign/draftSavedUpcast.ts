/**
 * Autosaves written before numbers were checked (schema version 1) could hold a number too large
 * for JSON, such as `1e309`, which JSON.stringify wrote as null: no codec reads null where a number
 * belongs, so one such save stopped every reader. The value was lost when it was written; version 2
 * reads the null as the field left out, which is what the autosave would have needed to pass.
 */

type Data = Record<string, unknown>;

const isObject = (value: unknown): value is Data =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The optional number fields of a draft part, left out where they hold null. */
const withoutNulls = (part: unknown, fields: readonly string[]): unknown => {
  if (!isObject(part)) return part;
  const kept = Object.entries(part).filter(([key, value]) => !(fields.includes(key) && value === null));
  return kept.length === Object.keys(part).length ? part : Object.fromEntries(kept);
};

const eachOf = (items: unknown, change: (item: unknown) => unknown): unknown =>
  Array.isArray(items) ? items.map(change) : items;

const workflowWithoutNulls = (workflow: unknown): unknown =>
  isObject(workflow) && Array.isArray(workflow['steps'])
    ? { ...workflow, steps: workflow['steps'].map((step) => withoutNulls(step, ['delayMinutes'])) }
    : workflow;

/** Version 1 of `CampaignDraftSaved` to version 2. */
export const draftSavedV1toV2 = (data: unknown): unknown => {
  if (!isObject(data) || !isObject(data['changes'])) return data;
  const changes = data['changes'];
  const next: Data = { ...changes };
  if ('concurrency' in changes)
    next['concurrency'] = withoutNulls(changes['concurrency'], ['limit', 'pacingPerMinute']);
  if ('retry' in changes) next['retry'] = withoutNulls(changes['retry'], ['maxAttempts', 'intervalMinutes']);
  if ('workflows' in changes) next['workflows'] = eachOf(changes['workflows'], workflowWithoutNulls);
  if ('reportSchedules' in changes)
    next['reportSchedules'] = eachOf(changes['reportSchedules'], (schedule) => withoutNulls(schedule, ['dayOfMonth']));
  return { ...data, changes: next };
};
