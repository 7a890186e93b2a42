import { expect } from 'chai';
import { readTimeZone } from '../../../domain/list/timeZoneNames.ts';

describe('time zone names a contact is given', () => {
  it('keeps IANA zones, spelled as the runtime spells them', () => {
    expect(readTimeZone('America/Chicago')).to.equal('America/Chicago');
    expect(readTimeZone(' america/chicago ')).to.equal('America/Chicago');
  });

  it('reads US zone names and abbreviations as the zone people mean, daylight saving included', () => {
    expect(readTimeZone('Eastern')).to.equal('America/New_York');
    expect(readTimeZone('EST')).to.equal('America/New_York');
    expect(readTimeZone('Central Standard Time')).to.equal('America/Chicago');
    expect(readTimeZone('pacific time')).to.equal('America/Los_Angeles');
    expect(readTimeZone('US/Mountain')).to.equal('America/Denver');
    expect(readTimeZone('HST')).to.equal('Pacific/Honolulu');
  });

  it('refuses what is no zone, and bare offsets that say nothing about daylight saving', () => {
    expect(readTimeZone('Mars/Olympus')).to.equal(undefined);
    expect(readTimeZone('GMT+5')).to.equal(undefined);
    expect(readTimeZone('noon')).to.equal(undefined);
  });
});
