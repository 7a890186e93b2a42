/**
 * Florida and Oklahoma presume that a number with one of their area codes belongs to a resident
 * (Fla. Stat. 501.616, 15 O.S. §775C.2): their rules then hold wherever the address says the person
 * lives. Area codes from the North American Numbering Plan Administrator (nationalnanpa.com, area codes
 * by state), overlays announced up to 2025 included: a code too many only makes the window stricter.
 */
export const presumingStates: Readonly<Record<string, readonly string[]>> = {
  FL: ['239', '305', '321', '324', '352', '386', '407', '448', '561', '645', '656', '689', '727', '728', '754', '772', '786', '813', '850', '863', '904', '941', '954'],
  OK: ['405', '539', '572', '580', '918'],
};

/** Which state each area code makes a presumed resident of, from a table of state to area codes. */
export const areaCodePresumptions = (table: Readonly<Record<string, readonly string[]>>): ReadonlyMap<string, string> =>
  new Map(Object.entries(table).flatMap(([state, codes]) => codes.map((code) => [code, state] as const)));

const defaultPresumptions = areaCodePresumptions(presumingStates);

/** The state a US number's area code makes its owner a presumed resident of, if any. */
export const presumedStateOfPhone = (phone: string | undefined, presumptions: ReadonlyMap<string, string> = defaultPresumptions): string | undefined => {
  const match = phone === undefined ? null : /^\+1(\d{3})\d{7}$/.exec(phone);
  return match ? presumptions.get(match[1]!) : undefined;
};
