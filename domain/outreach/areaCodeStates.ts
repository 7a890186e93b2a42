import { areaCodesByState } from './areaCodesByState.ts';

/**
 * The state a phone's area code places its owner in. Florida (Fla. Stat. §501.059) and Oklahoma
 * (15 O.S. §775C.2) presume in law that an in-state area code means a resident; other states are
 * silent, so the stricter reading is taken everywhere: a contact is judged by the rules of the state
 * of its address and of the state of its area code, wherever the address says it lives.
 */

/** State (or DC, or territory) to the whole list of its area codes. */
export type AreaCodeTable = Readonly<Record<string, readonly string[]>>;

/** Every US geographic area code by state, as shipped (`areaCodesByState.ts` names the sources). */
export const areaCodeStates: AreaCodeTable = Object.fromEntries(
  Object.entries(areaCodesByState).map(([state, codes]) => [state, codes.split(' ')]),
);

/**
 * The shipped table with configuration's lists: each replaces its state's codes (empty ends that
 * state's presumption), and a code one names leaves the state it was shipped under, since a number
 * has one area code and so one area-code state.
 */
export const areaCodeTableWith = (overrides: AreaCodeTable = {}): AreaCodeTable => {
  const given = new Map(Object.entries(overrides).map(([state, codes]) => [state.toUpperCase(), codes] as const));
  const claimed = new Set([...given.values()].flat());
  const table: Record<string, readonly string[]> = {};
  for (const [state, codes] of Object.entries(areaCodeStates))
    table[state] = codes.filter((code) => !claimed.has(code));
  for (const [state, codes] of given) table[state] = codes;
  return table;
};

const indexes = new WeakMap<AreaCodeTable, ReadonlyMap<string, string>>();

/** Area code to state, built once per table. */
const indexOf = (table: AreaCodeTable): ReadonlyMap<string, string> => {
  let index = indexes.get(table);
  if (index === undefined) {
    index = new Map(Object.entries(table).flatMap(([state, codes]) => codes.map((code) => [code, state] as const)));
    indexes.set(table, index);
  }
  return index;
};

/** The state (or DC, or territory) of a US number's area code; undefined for other countries, Canada and the Caribbean. */
export const areaCodeStateOf = (
  phone: string | undefined,
  table: AreaCodeTable = areaCodeStates,
): string | undefined => {
  const match = phone === undefined ? null : /^\+1(\d{3})\d{7}$/.exec(phone);
  return match ? indexOf(table).get(match[1]!) : undefined;
};
