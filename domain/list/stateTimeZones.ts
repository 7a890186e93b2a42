/**
 * The IANA zone of each US state, DC and inhabited territory. Where a state spans zones, it gets the
 * zone most of its people live in (noted beside it); the phone's own prefix zones are kept beside the
 * chosen zone, so calling windows can still hold for the minority.
 */
const states: Readonly<Record<string, { readonly name: string; readonly zone: string }>> = {
  AL: { name: 'Alabama', zone: 'America/Chicago' },
  AK: { name: 'Alaska', zone: 'America/Anchorage' }, // the western Aleutians keep Hawaii-Aleutian time
  AZ: { name: 'Arizona', zone: 'America/Phoenix' }, // the Navajo Nation keeps daylight saving time
  AR: { name: 'Arkansas', zone: 'America/Chicago' },
  CA: { name: 'California', zone: 'America/Los_Angeles' },
  CO: { name: 'Colorado', zone: 'America/Denver' },
  CT: { name: 'Connecticut', zone: 'America/New_York' },
  DE: { name: 'Delaware', zone: 'America/New_York' },
  DC: { name: 'District of Columbia', zone: 'America/New_York' },
  FL: { name: 'Florida', zone: 'America/New_York' }, // the western panhandle is Central
  GA: { name: 'Georgia', zone: 'America/New_York' },
  HI: { name: 'Hawaii', zone: 'Pacific/Honolulu' },
  ID: { name: 'Idaho', zone: 'America/Boise' }, // the northern panhandle is Pacific
  IL: { name: 'Illinois', zone: 'America/Chicago' },
  IN: { name: 'Indiana', zone: 'America/Indiana/Indianapolis' }, // the north-western and south-western corners are Central
  IA: { name: 'Iowa', zone: 'America/Chicago' },
  KS: { name: 'Kansas', zone: 'America/Chicago' }, // four western counties are Mountain
  KY: { name: 'Kentucky', zone: 'America/New_York' }, // the western half is Central
  LA: { name: 'Louisiana', zone: 'America/Chicago' },
  ME: { name: 'Maine', zone: 'America/New_York' },
  MD: { name: 'Maryland', zone: 'America/New_York' },
  MA: { name: 'Massachusetts', zone: 'America/New_York' },
  MI: { name: 'Michigan', zone: 'America/Detroit' }, // four Upper Peninsula counties are Central
  MN: { name: 'Minnesota', zone: 'America/Chicago' },
  MS: { name: 'Mississippi', zone: 'America/Chicago' },
  MO: { name: 'Missouri', zone: 'America/Chicago' },
  MT: { name: 'Montana', zone: 'America/Denver' },
  NE: { name: 'Nebraska', zone: 'America/Chicago' }, // the western panhandle is Mountain
  NV: { name: 'Nevada', zone: 'America/Los_Angeles' }, // West Wendover is Mountain
  NH: { name: 'New Hampshire', zone: 'America/New_York' },
  NJ: { name: 'New Jersey', zone: 'America/New_York' },
  NM: { name: 'New Mexico', zone: 'America/Denver' },
  NY: { name: 'New York', zone: 'America/New_York' },
  NC: { name: 'North Carolina', zone: 'America/New_York' },
  ND: { name: 'North Dakota', zone: 'America/Chicago' }, // the south-west is Mountain
  OH: { name: 'Ohio', zone: 'America/New_York' },
  OK: { name: 'Oklahoma', zone: 'America/Chicago' },
  OR: { name: 'Oregon', zone: 'America/Los_Angeles' }, // most of Malheur County is Mountain
  PA: { name: 'Pennsylvania', zone: 'America/New_York' },
  RI: { name: 'Rhode Island', zone: 'America/New_York' },
  SC: { name: 'South Carolina', zone: 'America/New_York' },
  SD: { name: 'South Dakota', zone: 'America/Chicago' }, // West River is Mountain
  TN: { name: 'Tennessee', zone: 'America/Chicago' }, // East Tennessee (Knoxville, Chattanooga) is Eastern
  TX: { name: 'Texas', zone: 'America/Chicago' }, // El Paso and Hudspeth counties are Mountain
  UT: { name: 'Utah', zone: 'America/Denver' },
  VT: { name: 'Vermont', zone: 'America/New_York' },
  VA: { name: 'Virginia', zone: 'America/New_York' },
  WA: { name: 'Washington', zone: 'America/Los_Angeles' },
  WV: { name: 'West Virginia', zone: 'America/New_York' },
  WI: { name: 'Wisconsin', zone: 'America/Chicago' },
  WY: { name: 'Wyoming', zone: 'America/Denver' },
  PR: { name: 'Puerto Rico', zone: 'America/Puerto_Rico' },
  VI: { name: 'U.S. Virgin Islands', zone: 'America/St_Thomas' },
  GU: { name: 'Guam', zone: 'Pacific/Guam' },
  MP: { name: 'Northern Mariana Islands', zone: 'Pacific/Saipan' },
  AS: { name: 'American Samoa', zone: 'Pacific/Pago_Pago' },
};

const simplified = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[.\s]+/g, ' ');

const codeByName: ReadonlyMap<string, string> = new Map(
  Object.entries(states).flatMap(([code, { name }]) => [
    [simplified(code), code],
    [simplified(name), code],
  ]),
);

/** The two-letter code of a state or territory given by code or full name, any case; undefined when unknown. */
export const usStateCode = (given: string): string | undefined => codeByName.get(simplified(given));

/** The zone most of a state's people live in; undefined for an unknown code. */
export const stateTimeZone = (code: string): string | undefined => states[code]?.zone;

/** Every state, DC and territory code the table knows. */
export const usStateCodes: readonly string[] = Object.keys(states);
