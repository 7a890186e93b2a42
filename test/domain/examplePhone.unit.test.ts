import { expect } from 'chai';
import { normalisePhone } from '../../commands/lists/phoneNumbers.ts';
import { E164, EXAMPLE_PHONE } from '../../domain/values.ts';

describe('the phone number that messages give as an example', () => {
  it("passes the engine's own phone check, so a caller who copies it is not refused again", () =>
    expect(normalisePhone(EXAMPLE_PHONE)).to.deep.equal({ phone: EXAMPLE_PHONE }));
  it('is in 555-0100..0199, the range kept for fiction, so it reaches no one', () =>
    expect(EXAMPLE_PHONE).to.match(/^\+1\d{3}55501\d{2}$/));
  it('is the one the E.164 codec names', () => expect(E164.name).to.contain(EXAMPLE_PHONE));
});
