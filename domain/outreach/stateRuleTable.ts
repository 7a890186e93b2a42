import type { FrequencyCap, LocalHours, StateRule } from './stateRule.ts';

/**
 * The shipped calling-hours law, in the called party's local time. Collected from public sources
 * (named per row) on 2026-11-30 and reviewed 2026-12-07. Where sources disagree or are silent the
 * stricter reading ships, and the row's `reading` says what was chosen and why.
 */

const survey = 'state telemarketing rules survey (dropcowboy.com/state-compliance, 2025)';
const h = (start: string, end: string): LocalHours => ({ start, end });
/** Telephone-solicitation rows: bind solicitations, and texts as well as calls (state laws name texts as calls). */
const solicitation = { binds: 'solicitations', covers: 'voice_and_texts' } as const;
const threePerDay = (counts: 'calls' | 'calls_and_texts'): readonly FrequencyCap[] => [
  { calls: 3, withinHours: 24, counts },
];

export const federalCallingHours: LocalHours = h('08:00', '21:00');
export const federalSource = '47 CFR 64.1200(c)(1)';

/** Each state's telephone-solicitation row. */
export const stateCallingRules: Readonly<Record<string, StateRule>> = {
  AL: {
    ...solicitation,
    hours: h('08:00', '20:00'),
    days: { sun: null },
    noHolidays: true,
    source: `${survey}; Ala. Code §8-19A-3`,
  },
  LA: {
    ...solicitation,
    hours: h('08:00', '20:00'),
    days: { sun: null },
    noHolidays: true,
    source: `${survey}; La. R.S. 45:844.14; holidays of La. R.S. 1:55; no solicitation during a declared emergency (LPSC General Order R-29617), set by configuration as a blackout`,
  },
  MS: {
    ...solicitation,
    hours: h('08:00', '20:00'),
    days: { sun: null },
    noHolidays: true,
    source: `${survey}; Miss. Code §77-3-725; holiday bans listed by clickpoint state calling hours and dnc.dreamhosters.com`,
    reading:
      'COMPLIANCE.md names Sundays only; two compliance services also list Mississippi holidays as no-call days: we take the stricter',
  },
  FL: {
    ...solicitation,
    hours: h('08:00', '20:00'),
    frequencyCaps: threePerDay('calls_and_texts'),
    source: 'Fla. Stat. §501.616(6)(a),(b)',
    reading:
      '§501.616(6)(b) as written caps phone calls; the FTSA (§501.059) counts text messages as telephonic sales calls, so texts count too; the cap counts every call or text to the person, whatever the subject',
  },
  OK: {
    ...solicitation,
    hours: h('08:00', '20:00'),
    frequencyCaps: threePerDay('calls_and_texts'),
    source: '15 O.S. §775C.4; a telephonic sales call includes a text message (§775C.2)',
  },
  MD: {
    ...solicitation,
    hours: h('08:00', '20:00'),
    frequencyCaps: threePerDay('calls_and_texts'),
    source:
      'Md. Code, Com. Law §14-4502 (Stop the Spam Calls Act, 2023): at most 3 calls or texts per 24 h on the same subject',
    reading: 'the cap counts every call or text to the person, whatever the subject',
  },
  MA: { ...solicitation, hours: h('08:00', '20:00'), source: survey },
  WA: { ...solicitation, hours: h('08:00', '20:00'), source: 'RCW 19.158.040' },
  CT: { ...solicitation, hours: h('09:00', '20:00'), source: survey },
  NV: { ...solicitation, hours: h('09:00', '20:00'), source: survey },
  KY: { ...solicitation, hours: h('10:00', '21:00'), source: survey },
  MI: { ...solicitation, hours: h('09:00', '21:00'), source: survey },
  MN: { ...solicitation, hours: h('09:00', '21:00'), source: survey },
  NM: { ...solicitation, hours: h('09:00', '21:00'), source: survey },
  IL: {
    ...solicitation,
    hours: h('09:00', '21:00'),
    source: survey,
    reading:
      '08:00 for live calls, 09:00 for prerecorded ones; an AI voice is an artificial voice (FCC 24-17), so 09:00',
  },
  PA: {
    ...solicitation,
    hours: h('09:00', '20:00'),
    days: { sun: h('13:30', '20:00') },
    noHolidays: true,
    source: '73 P.S. §2245 (Telemarketer Registration Act), as amended by Act 73 of 2019 (no calls on legal holidays)',
    reading:
      'surveys say 08:00-21:00, an attorney guide (avvo, 2011) says 09:00-20:00, others Sundays from 13:30: we take 09:00-20:00, Sundays 13:30-20:00, no calls on legal holidays',
  },
  RI: {
    ...solicitation,
    hours: h('09:00', '18:00'),
    days: { sat: h('10:00', '17:00'), sun: null },
    noHolidays: true,
    source: 'R.I. Gen. Laws §5-61-3.6 and §5-61-2 (hours of operation)',
    reading:
      'hours of operation are Mon-Fri 09:00-18:00 except state or federal holidays, Sat 10:00-17:00; Sundays are not hours of operation',
  },
  TX: {
    ...solicitation,
    hours: h('09:00', '21:00'),
    days: { sun: h('12:00', '21:00') },
    source: 'Tex. Bus. & Com. Code §301.051; texts from 2025-09-01 (SB 140)',
    reading: 'weekdays and Saturdays 09:00-21:00, Sundays 12:00-21:00; no holiday ban found in public sources',
  },
  UT: {
    ...solicitation,
    hours: h('08:00', '21:00'),
    days: { sun: null },
    noHolidays: true,
    source: 'Utah Code §13-25a-103(3)',
    reading: 'no solicitation without prior express consent on Sundays or legal holidays; we assume no such consent',
  },
};

/** Each state's artificial- or prerecorded-voice row: every engine call is one (FCC 24-17); never texts. */
export const artificialVoiceRules: Readonly<Record<string, StateRule>> = {
  CA: {
    binds: 'every_automated_call',
    covers: 'voice',
    hours: h('09:00', '21:00'),
    source: 'Cal. Pub. Util. Code §2872(c): no automatic dialing-announcing device call between 21:00 and 09:00',
  },
  OK: {
    binds: 'every_automated_call',
    covers: 'voice',
    hours: h('09:00', '21:00'),
    source: '15 O.S. §755.1: automated-voice calls only 09:00-21:00, whatever their purpose',
  },
  ME: {
    binds: 'solicitations',
    covers: 'voice',
    hours: h('09:00', '17:00'),
    days: { sat: null, sun: null },
    frequencyCaps: [{ calls: 1, withinHours: 8, counts: 'calls' }],
    source: '10 MRSA §1498(3): automated solicitation calls on weekdays 09:00-17:00, at most one per 8 h',
    reading:
      'the cap is for automated calls; every engine call is automated, so it always applies to calls, never to texts',
  },
  NE: {
    binds: 'solicitations',
    covers: 'voice',
    hours: federalCallingHours,
    days: { sun: h('13:00', '21:00') },
    holidayHours: h('13:00', '21:00'),
    source: '291 NAC 11 §003.01: automated-voice solicitations on Sundays and holidays only 13:00-21:00',
    reading: 'other days keep the federal hours; a holiday on any weekday is held to 13:00-21:00',
  },
};
