import { seededRandom } from '../../adapters/simulated/seededRandom.ts';

/** States with a real area code each, spread over every US time zone the engine meets. */
const places = [
  { state: 'NY', areaCode: '212' },
  { state: 'MA', areaCode: '617' },
  { state: 'PA', areaCode: '215' },
  { state: 'FL', areaCode: '305' },
  { state: 'GA', areaCode: '404' },
  { state: 'NC', areaCode: '919' },
  { state: 'IL', areaCode: '312' },
  { state: 'TX', areaCode: '512' },
  { state: 'MN', areaCode: '612' },
  { state: 'LA', areaCode: '504' },
  { state: 'AL', areaCode: '205' },
  { state: 'OK', areaCode: '405' },
  { state: 'CO', areaCode: '303' },
  { state: 'AZ', areaCode: '602' },
  { state: 'UT', areaCode: '801' },
  { state: 'CA', areaCode: '415' },
  { state: 'WA', areaCode: '206' },
  { state: 'NV', areaCode: '702' },
  { state: 'AK', areaCode: '907' },
  { state: 'HI', areaCode: '808' },
  { state: 'MD', areaCode: '410' },
  { state: 'KY', areaCode: '502' },
  { state: 'MI', areaCode: '313' },
  { state: 'CT', areaCode: '203' },
];

const firstNames = [
  'Ann',
  'Ben',
  'Carla',
  'Dev',
  'Elena',
  'Femi',
  'Grace',
  'Hiro',
  'Ines',
  'Jamal',
  'Kara',
  'Luis',
  'Maya',
  'Noah',
  'Omar',
  'Priya',
];
const lastNames = [
  'Lee',
  'Okafor',
  'Garcia',
  'Smith',
  'Nguyen',
  'Patel',
  'Kowalski',
  'Haddad',
  'Brown',
  'Silva',
  'Cohen',
  'Ito',
];
const appStatuses = ['installed', 'invited', 'not_invited'];

/**
 * The demo's client list as the CSV an admin would import: one contact per case, spread over states
 * and zones, seeded so every run imports the same people. Numbers are in the 555-01xx fiction range.
 */
export const demoCasesCsv = (count: number, caseType: string, seed: number): string => {
  const random = seededRandom(seed, 'demo-cases');
  const pick = <T>(items: readonly T[]): T => items[random.between(0, items.length - 1)]!;
  const rows = ['externalId,caseType,name,phone,email,timezone,state,mobileAppStatus'];
  for (let i = 0; i < count; i++) {
    const place = places[i % places.length]!;
    const line = String(100 + (Math.floor(i / places.length) % 100)).padStart(4, '0');
    const name = `${pick(firstNames)} ${pick(lastNames)}`;
    const email = i % 3 === 0 ? '' : `client${i + 1}@example.com`;
    rows.push(
      [
        `PI-${String(i + 1).padStart(5, '0')}`,
        caseType,
        name,
        `+1${place.areaCode}555${line}`,
        email,
        '',
        place.state,
        pick(appStatuses),
      ].join(','),
    );
  }
  return `${rows.join('\n')}\n`;
};
